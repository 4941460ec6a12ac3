// What the check-in and the record validator refuse, and what they keep, where the rule is theirs
// alone: an area rated must be one of this session (the first area of the list too), the answers
// must be an object, a record's own clock judgement survives its check-in, a pause cannot be longer
// than the session, and a record with an unreadable status gets no second, misleading problem.

import { describe, expect, it } from 'vitest';
import { withCheckIn } from '../../../core/records/record';
import { validateRecord } from '../../../core/records/record-validation';
import { formatProblem } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { makeRecord, makeStep, rawRecord } from '../../fixtures/records';

function problems<T>(result: Validated<T>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

// A session of forearms only: neither the neck (the first area Knead knows) nor the feet were in it.
const forearmsOnly = makeRecord({
  steps: [makeStep({ area: 'forearms', side: 'left' }), makeStep({ area: 'forearms', side: 'right' })],
  checkIn: [],
  notes: [],
});

describe('check-in refusals', () => {
  it('check-in - a rating of an area not in this session is refused, the neck as much as the feet', () => {
    expect(problems(withCheckIn(forearmsOnly, [{ area: 'neck', tightness: 2 }], []))).toEqual([
      'checkIn[0].area must be an area of this session (neck was not in it)',
    ]);
    expect(problems(withCheckIn(forearmsOnly, [{ area: 'forearms', tightness: 1 }, { area: 'feet', tightness: 1 }], []))).toEqual([
      'checkIn[1].area must be an area of this session (feet was not in it)',
    ]);
    expect(withCheckIn(forearmsOnly, [{ area: 'forearms', tightness: 1 }], []).ok).toBe(true);
  });

  it('check-in - answers that are not an object are refused, saying so', () => {
    const refused = problems(withCheckIn(forearmsOnly, [], [], 'better'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/answers must be an object/);
  });

  it('check-in - a record flagged for its clock keeps the flag; an unflagged one is not flagged by its check-in', () => {
    // Flagged on the phone because it started over a day ahead of the phone's clock: the check-in
    // has no clock of its own and must not clear that judgement.
    const flagged = withCheckIn({ ...forearmsOnly, clockSuspect: true }, [], ['felt-good']);
    expect(flagged.ok && flagged.value.clockSuspect).toBe(true);
    // Never flagged by the watch that built it (its own clock was its only clock).
    const early = Date.UTC(2019, 5, 1, 9);
    const unflagged = withCheckIn({ ...forearmsOnly, startedAt: early, endedAt: early + 120_000 }, [], []);
    expect(unflagged.ok && 'clockSuspect' in unflagged.value).toBe(false);
  });
});

describe('record refusals', () => {
  it('record - a session whose start and end are the same moment cannot have been paused', () => {
    const start = Date.UTC(2026, 10, 10, 8);
    expect(problems(validateRecord(rawRecord({ startedAt: start, endedAt: start, steps: [makeStep({ doneMs: 0 })], pausedMs: 1000 })))).toEqual([
      'pausedMs must be an integer between 0 and 0',
    ]);
    expect(validateRecord(rawRecord({ startedAt: start, endedAt: start, steps: [makeStep({ doneMs: 0 })], pausedMs: 0 })).ok).toBe(true);
  });

  it('record - a session ending before it starts is refused for that alone, not for its pause too', () => {
    const start = Date.UTC(2026, 10, 10, 8);
    expect(problems(validateRecord(rawRecord({ startedAt: start, endedAt: start - 60_000, pausedMs: 1000 })))).toEqual([
      'endedAt must not be before startedAt',
    ]);
  });

  it('record - a pain step index on a record whose status is unreadable gets no second problem', () => {
    expect(problems(validateRecord(rawRecord({ status: 'finished', painStepIndex: 0 })))).toEqual([
      'status must be one of: completed, stopped, pain',
    ]);
  });

  it('record - optional fields given as undefined (an in-memory record, not JSON) are read as absent', () => {
    const checked = validateRecord({ ...rawRecord(), pausedMs: undefined, clockSuspect: undefined, painStepIndex: undefined, progression: undefined });
    expect(problems(checked)).toEqual([]);
    for (const key of ['pausedMs', 'clockSuspect', 'painStepIndex', 'progression']) expect(checked.ok && key in checked.value).toBe(false);
  });
});
