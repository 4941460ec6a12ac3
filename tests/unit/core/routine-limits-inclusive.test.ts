// Routine limits from docs/core.md (id ≤ 40 chars, name ≤ 40, 1-30 steps, 10-600 s a step, ≤ 60 min
// in all; a hint ≤ 120) are inclusive: the limit itself is accepted, one past it is refused with a
// message naming the field and the limit. Typed text refuses control characters (docs/sync.md).

import { describe, expect, it } from 'vitest';
import { validateRoutine, validateRoutines } from '../../../core/routines/routine-validation';
import { formatProblem } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';

function messages<T>(result: Validated<T>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

const step = { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' };
const routine = (overrides: Record<string, unknown>) => ({ id: 'a', name: 'A', steps: [step], ...overrides });

describe('routine limits, inclusive', () => {
  it('routine limits - an id and a name of exactly 40 characters are accepted', () => {
    expect(messages(validateRoutine(routine({ id: 'a'.repeat(40), name: 'n'.repeat(40) })))).toEqual([]);
  });

  it('routine limits - an id is lowercase letters, digits and "-" from first to last character', () => {
    expect(messages(validateRoutine(routine({ id: 'desk-reset-2' })))).toEqual([]);
    for (const id of ['desk Reset', 'desk-reset!', 'Desk', 'a_b']) {
      expect(messages(validateRoutine(routine({ id })))).toEqual(['id must use only lowercase letters a-z, digits and "-"']);
    }
  });

  it('routine limits - one step and thirty steps are accepted', () => {
    expect(messages(validateRoutine(routine({ steps: [step] })))).toEqual([]);
    expect(messages(validateRoutine(routine({ steps: Array.from({ length: 30 }, () => ({ ...step, seconds: 10 })) })))).toEqual([]);
  });

  it('routine limits - 10 s and 600 s a step are accepted', () => {
    expect(messages(validateRoutine(routine({ steps: [{ ...step, seconds: 10 }, { ...step, seconds: 600 }] })))).toEqual([]);
  });

  it('routine limits - exactly 60 minutes in all is accepted, one second more is not', () => {
    const sixty = Array.from({ length: 6 }, () => ({ ...step, seconds: 600 }));
    expect(messages(validateRoutine(routine({ steps: sixty })))).toEqual([]);
    const over = [...Array.from({ length: 5 }, () => ({ ...step, seconds: 600 })), { ...step, seconds: 590 }, { ...step, seconds: 11 }];
    expect(messages(validateRoutine(routine({ steps: over })))).toEqual(['steps must add up to at most 60 min (they add up to 60 min 1 s)']);
  });

  it('routine limits - the total is only judged when every step\'s time could be read', () => {
    const steps = [...Array.from({ length: 7 }, () => ({ ...step, seconds: 600 })), { ...step, seconds: 'long' }];
    expect(messages(validateRoutine(routine({ steps })))).toEqual(['steps[7].seconds must be a whole number of seconds']);
  });

  it('routine limits - a hint of 120 characters is accepted, an empty hint too', () => {
    expect(messages(validateRoutine(routine({ steps: [{ ...step, hint: 'h'.repeat(120) }, { ...step, hint: '' }] })))).toEqual([]);
  });

  it('routine limits - a name, id or hint with a control character is refused, saying so', () => {
    expect(messages(validateRoutine(routine({ name: 'Neck\u0007' })))).toEqual(['name must not contain control characters']);
    expect(messages(validateRoutine(routine({ steps: [{ ...step, hint: 'a\u001fb' }] })))).toEqual(['steps[0].hint must not contain control characters']);
    expect(messages(validateRoutine(routine({ id: 'a\u0000' })))).toEqual(['id must not contain control characters']);
  });

  it('routine limits - a hint that is not text is refused; a name of spaces is empty', () => {
    expect(messages(validateRoutine(routine({ steps: [{ ...step, hint: 5 }] })))).toEqual(['steps[0].hint must be text']);
    expect(messages(validateRoutine(routine({ name: undefined })))).toEqual(['name is required']);
  });

  it('routine limits - a paired area may be worked on one side; an unpaired one names the area', () => {
    expect(messages(validateRoutine(routine({ steps: [{ ...step, area: 'calves', side: 'left' }, { ...step, area: 'calves', side: 'both' }] })))).toEqual([]);
    expect(messages(validateRoutine(routine({ steps: [{ ...step, area: 'lower-back', side: 'right' }] })))).toEqual(['steps[0].side must be both: lower-back has no left and right']);
    // An unknown area with a side: only the area is reported.
    expect(messages(validateRoutine(routine({ steps: [{ ...step, area: 'elbow', side: 'left' }] })))).toEqual(['steps[0].area must be a known area (got "elbow")']);
  });

  it('routine limits - a valid routine comes back with only its known fields', () => {
    const result = validateRoutine({ id: 'a', name: 'A', steps: [{ ...step, extra: 1 }], more: 2 });
    expect(result).toEqual({ ok: true, value: { id: 'a', name: 'A', steps: [step] } });
  });

  it('routine limits - nested paths name the routine in its list', () => {
    expect(messages(validateRoutines([routine({}), routine({ id: 'b', steps: [{ ...step, seconds: 9 }] })], 'customRoutines'))).toEqual([
      'customRoutines[1].steps[0].seconds must be between 10 and 600',
    ]);
    expect(messages(validateRoutines([routine({}), routine({ name: 'Other' })], 'plan.customRoutines'))).toEqual([
      'plan.customRoutines[1].id must be unique: "a" is also the id of plan.customRoutines[0]',
    ]);
  });
});
