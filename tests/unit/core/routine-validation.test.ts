import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTINE_LIMITS, validateRoutine, validateRoutines } from '../../../core/routines/routine-validation';
import { formatProblem } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { ROUTINE, routineArb } from '../../fixtures/core';

function messages<T>(result: Validated<T>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

const step = { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: 'h' };

describe('validateRoutine', () => {
  it('validateRoutine - accepts a valid routine and returns a clean copy', () => {
    expect(validateRoutine({ ...ROUTINE, extra: 1 })).toEqual({ ok: true, value: ROUTINE });
  });

  it('validateRoutine - a missing hint means no hint', () => {
    const result = validateRoutine({ id: 'a', name: 'A', steps: [{ area: 'neck', side: 'both', seconds: 10, tool: 'hands' }] });
    expect(result.ok && result.value.steps[0]?.hint).toBe('');
  });

  it('validateRoutine - rejects what is not an object', () => {
    expect(messages(validateRoutine(null))).toEqual(['must be an object']);
    expect(messages(validateRoutine([], 'routines[2]'))).toEqual(['routines[2] must be an object']);
  });

  it('validateRoutine - reports a missing, empty, over-long or badly spelled id', () => {
    expect(messages(validateRoutine({ name: 'A', steps: [step] }))).toEqual(['id is required']);
    expect(messages(validateRoutine({ id: '', name: 'A', steps: [step] }))).toEqual(['id must not be empty']);
    expect(messages(validateRoutine({ id: 7, name: 'A', steps: [step] }))).toEqual(['id must be text']);
    expect(messages(validateRoutine({ id: 'a'.repeat(41), name: 'A', steps: [step] }))).toEqual(['id must be at most 40 characters (it has 41)']);
    expect(messages(validateRoutine({ id: 'Desk Reset', name: 'A', steps: [step] }))).toEqual(['id must use only lowercase letters a-z, digits and "-"']);
  });

  it('validateRoutine - reports an empty or over-long name', () => {
    expect(messages(validateRoutine({ id: 'a', name: '  ', steps: [step] }))).toEqual(['name must not be empty']);
    expect(messages(validateRoutine({ id: 'a', name: 'n'.repeat(41), steps: [step] }))).toEqual(['name must be at most 40 characters (it has 41)']);
  });

  it('validateRoutine - reports missing, empty and too many steps', () => {
    expect(messages(validateRoutine({ id: 'a', name: 'A' }))).toEqual(['steps is required']);
    expect(messages(validateRoutine({ id: 'a', name: 'A', steps: 'x' }))).toEqual(['steps must be a list']);
    expect(messages(validateRoutine({ id: 'a', name: 'A', steps: [] }))).toEqual(['steps must have at least 1 step']);
    const many = Array.from({ length: 31 }, () => ({ ...step, seconds: 10 }));
    expect(messages(validateRoutine({ id: 'a', name: 'A', steps: many }))).toEqual(['steps must have at most 30 steps (it has 31)']);
  });

  it('validateRoutine - reports every bad step field at once with its path', () => {
    const bad = { area: 'elbow', side: 'up', seconds: 12.5, tool: 'hammer', hint: 'x'.repeat(121) };
    expect(messages(validateRoutine({ id: 'a', name: 'A', steps: [step, 'x', bad] }))).toEqual([
      'steps[1] must be an object',
      'steps[2].area must be a known area (got "elbow")',
      'steps[2].side must be left, right or both',
      'steps[2].seconds must be a whole number of seconds',
      'steps[2].tool must be one of hands, massage-ball, foam-roller, other',
      'steps[2].hint must be at most 120 characters (it has 121)',
    ]);
  });

  it('validateRoutine - reports seconds outside 10..600', () => {
    const result = validateRoutine({ id: 'a', name: 'A', steps: [{ ...step, seconds: 9 }, { ...step, seconds: 601 }, { ...step, seconds: '60' }] });
    expect(messages(result)).toEqual([
      'steps[0].seconds must be between 10 and 600',
      'steps[1].seconds must be between 10 and 600',
      'steps[2].seconds must be a whole number of seconds',
    ]);
  });

  it('validateRoutine - reports a left or right side on an area without sides', () => {
    expect(messages(validateRoutine({ id: 'a', name: 'A', steps: [{ ...step, side: 'left' }] }))).toEqual([
      'steps[0].side must be both: neck has no left and right',
    ]);
  });

  it('validateRoutine - reports a total over 60 minutes', () => {
    const steps = Array.from({ length: 7 }, () => ({ ...step, seconds: 600 }));
    expect(messages(validateRoutine({ id: 'a', name: 'A', steps }))).toEqual([
      'steps must add up to at most 60 min (they add up to 70 min)',
    ]);
    const odd = [...Array.from({ length: 6 }, () => ({ ...step, seconds: 600 })), { ...step, seconds: 15 }];
    expect(messages(validateRoutine({ id: 'a', name: 'A', steps: odd }))).toEqual([
      'steps must add up to at most 60 min (they add up to 60 min 15 s)',
    ]);
  });

  it('validateRoutine - exports its limits', () => {
    expect(ROUTINE_LIMITS).toMatchObject({ idMaxLength: 40, nameMaxLength: 40, maxSteps: 30, minStepSeconds: 10, maxStepSeconds: 600, hintMaxLength: 120, maxTotalSeconds: 3600 });
  });

  it('validateRoutine - accepts any routine built from the vocabulary within the limits', () => {
    fc.assert(fc.property(routineArb, (routine) => {
      expect(validateRoutine(routine)).toEqual({ ok: true, value: routine });
    }), { numRuns: 200 });
  });
});

describe('validateRoutines', () => {
  it('validateRoutines - accepts a list of valid routines', () => {
    expect(validateRoutines([ROUTINE, { ...ROUTINE, id: 'other' }]).ok).toBe(true);
  });

  it('validateRoutines - rejects what is not a list', () => {
    expect(messages(validateRoutines({}, 'customRoutines'))).toEqual(['customRoutines must be a list']);
  });

  it('validateRoutines - a list checked on its own names each problem by its place in the list, with nothing before it', () => {
    expect(messages(validateRoutines({}))).toEqual(['must be a list']);
    expect(messages(validateRoutines([ROUTINE, { ...ROUTINE, name: '' }]))).toEqual(['[1].name must not be empty']);
  });

  it('validateRoutines - flags duplicate ids and collects problems of every routine', () => {
    const result = validateRoutines([ROUTINE, { ...ROUTINE, name: '' }, ROUTINE], 'customRoutines');
    expect(messages(result)).toEqual([
      'customRoutines[1].name must not be empty',
      'customRoutines[2].id must be unique: "test-routine" is also the id of customRoutines[0]',
    ]);
  });
});
