// Progression (core/progression): four whole weeks on target bring one offer of a little more
// time; the answer is remembered (no new offer for four more weeks); accepting lengthens every
// step by 10 % within the routine limits; no plan or no target, no offer.
import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESSION, applyProgression, decide, progressionOffer } from '../../../core/progression';
import { ROUTINE_LIMITS } from '../../../core/routine-validation';
import { makePlan, makeRoutine } from '../../fixtures/plans';

const DAY = 24 * 60 * 60 * 1000;
/** Monday 2 March 2026 00:00 UTC. */
const MONDAY = Date.UTC(2026, 2, 2);
const plan = makePlan({ weeklyTarget: 3 });
/** Three sessions (Mon, Wed, Fri 10:00 UTC) in each of the `weeks` weeks before `MONDAY`. */
const onTargetWeeks = (weeks: number) =>
  Array.from({ length: weeks }, (_, w) => [0, 2, 4].map((d) => ({ startedAt: MONDAY - (w + 1) * 7 * DAY + d * DAY + 10 * 3_600_000, tzOffsetMin: 0, status: 'completed' as const }))).flat();

describe('progression', () => {
  it('progression - four whole weeks on target give one offer; three do not; no target, no offer', () => {
    expect(progressionOffer(EMPTY_PROGRESSION, plan, onTargetWeeks(4), MONDAY + DAY, 0)).toBe(Math.floor(MONDAY / DAY));
    expect(progressionOffer(EMPTY_PROGRESSION, plan, onTargetWeeks(3), MONDAY + DAY, 0)).toBeNull();
    expect(progressionOffer(EMPTY_PROGRESSION, makePlan({ weeklyTarget: 0 }), onTargetWeeks(4), MONDAY + DAY, 0)).toBeNull();
    expect(progressionOffer(EMPTY_PROGRESSION, null, onTargetWeeks(4), MONDAY + DAY, 0)).toBeNull();
  });

  it('progression - a declined offer is remembered: no new offer that week nor in the next four', () => {
    const week = progressionOffer(EMPTY_PROGRESSION, plan, onTargetWeeks(4), MONDAY, 0);
    if (week === null) throw new Error('offered');
    const declined = decide(EMPTY_PROGRESSION, week, 'declined');
    expect(declined.decisions).toEqual([{ week, choice: 'declined' }]);
    expect(progressionOffer(declined, plan, onTargetWeeks(4), MONDAY + 3 * DAY, 0)).toBeNull();
    expect(applyProgression(makeRoutine(), declined)).toEqual(makeRoutine());
  });

  it('progression - accepting gives every step 10 % more, rounded up to 5 s (60 → 70, 45 → 50), never past the step limit', () => {
    const accepted = decide(EMPTY_PROGRESSION, 1, 'accepted');
    expect(applyProgression(makeRoutine(), accepted).steps.map((s) => s.seconds)).toEqual([70, 50]);
    const long = makeRoutine({ steps: [{ area: 'neck', side: 'both', seconds: ROUTINE_LIMITS.maxStepSeconds, tool: 'hands', hint: '' }] });
    expect(applyProgression(long, accepted).steps[0]?.seconds).toBe(ROUTINE_LIMITS.maxStepSeconds);
  });
});
