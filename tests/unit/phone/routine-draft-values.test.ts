// The routine editor's messages carry the numbers the person needs to fix the field (docs/core.md:
// name ≤ 40 characters, 1-30 steps, 10-600 s a step, ≤ 60 minutes in all), and every field the
// routine rule checks gets its own message at that field.

import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../core/phone/routine-draft';
import type { Routine, Step } from '../../../core/routines/model';
import { ROUTINE_LIMITS } from '../../../core/routines/routine-validation';

const step: Step = { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' };
const draft = (overrides: Partial<Routine>): Routine => ({ id: '', name: 'Evening', steps: [step], ...overrides });

describe('routine editor messages', () => {
  it('routine draft - a name too long or empty says the most characters a name may have (40)', () => {
    expect(checkDraft(draft({ name: 'x'.repeat(41) }), null).errors).toEqual([{ field: 'name', id: 'set.routines.err.name', values: { max: 40 } }]);
  });

  it('routine draft - a step too short or too long says the range of seconds, 10 to 600, at that step', () => {
    const r = draft({ steps: [step, { ...step, seconds: 5 }, { ...step, seconds: 601 }] });
    expect(checkDraft(r, null).errors).toEqual([
      { field: 'steps[1].seconds', id: 'set.routines.err.seconds', values: { min: 10, max: 600 } },
      { field: 'steps[2].seconds', id: 'set.routines.err.seconds', values: { min: 10, max: 600 } },
    ]);
  });

  it('routine draft - a routine over an hour says the limit in minutes (60) and its own length', () => {
    const r = draft({ steps: Array.from({ length: 7 }, () => ({ ...step, seconds: 600 })) });
    expect(checkDraft(r, null).errors).toEqual([{ field: 'steps', id: 'set.routines.err.too-long', values: { max: 60, time: '1:10:00' } }]);
  });

  it('routine draft - more than 30 steps says the most steps (30); none at all asks for a step', () => {
    const many = draft({ steps: Array.from({ length: 31 }, () => ({ ...step, seconds: 10 })) });
    expect(checkDraft(many, null).errors).toEqual([{ field: 'steps', id: 'set.routines.err.too-many-steps', values: { max: 30 } }]);
    expect(checkDraft(draft({ steps: [] }), null).errors).toEqual([{ field: 'steps', id: 'set.routines.err.no-steps', values: {} }]);
  });

  it('routine draft - a side on an area without sides names that area; a hint too long names the hint limit', () => {
    const sided = draft({ steps: [step, { ...step, side: 'left' }] });
    expect(checkDraft(sided, null).errors).toEqual([{ field: 'steps[1].side', id: 'set.routines.err.side', values: { area: 'area.neck' } }]);
    const hinted = draft({ steps: [{ ...step, hint: 'h'.repeat(ROUTINE_LIMITS.hintMaxLength + 1) }] });
    const errors = checkDraft(hinted, null).errors;
    expect(errors.map((e) => [e.field, e.id])).toEqual([['steps[0].hint', 'set.routines.err.hint']]);
    // The limit shown is the one the rule applies: a hint of exactly that length passes.
    expect(errors[0]?.values).toEqual({ max: ROUTINE_LIMITS.hintMaxLength });
    expect(checkDraft(draft({ steps: [{ ...step, hint: 'h'.repeat(ROUTINE_LIMITS.hintMaxLength) }] }), null).errors).toEqual([]);
  });

  it('routine draft - a problem without a message of its own (an unknown tool) is still shown at its field, with the rule\'s words', () => {
    const r = draft({ steps: [{ ...step, tool: 'hammer' as Step['tool'] }] });
    const errors = checkDraft(r, null).errors;
    expect(errors.map((e) => [e.field, e.id])).toEqual([['steps[0].tool', 'set.routines.err.other']]);
    expect(String(errors[0]?.values['problem'])).toMatch(/hands/);
  });

  it('routine draft - every step on an avoided area is warned about at its own place, with the area', () => {
    const r = draft({ steps: [{ ...step, area: 'hands' }, step, { ...step, area: 'hands', side: 'left' }] });
    const plan = { v: 1 as const, focusAreas: [], avoidAreas: ['hands' as const], weeklyTarget: 0, assignedRoutineIds: [], customRoutines: [], updatedAt: 0 };
    expect(checkDraft(r, plan).warnings).toEqual([
      { field: 'steps[0].area', id: 'set.routines.warn.avoided', values: { area: 'area.hands' } },
      { field: 'steps[2].area', id: 'set.routines.warn.avoided', values: { area: 'area.hands' } },
    ]);
  });
});
