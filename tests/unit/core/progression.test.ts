// Progression (core/routines/progression): four whole weeks on target bring one offer — one more area from
// the plan's focus list that the routine lacks (never an avoided one), or a little more time; the
// answer is remembered (no new offer for four more weeks); accepting more time lengthens every step
// by 10 % within the routine limits; an accepted area appears in later runs; no plan or no target,
// no offer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AREAS } from '../../../core/routines/model';
import type { Area } from '../../../core/routines/model';
import { EMPTY_PROGRESSION, addAcceptedAreas, applyProgression, decide, progressionOffer } from '../../../core/routines/progression';
import { DESK_RESET } from '../../../core/routines/library';
import { ROUTINE_LIMITS } from '../../../core/routines/routine-validation';
import { makePlan, makeRoutine } from '../../fixtures/plans';

const DAY = 24 * 60 * 60 * 1000;
/** Monday 2 March 2026 00:00 UTC. */
const MONDAY = Date.UTC(2026, 2, 2);
const THIS_WEEK = Math.floor(MONDAY / DAY);
const plan = makePlan({ weeklyTarget: 3, focusAreas: [], avoidAreas: [] });
/** Three sessions (Mon, Wed, Fri 10:00 UTC) in each of the `weeks` weeks before `MONDAY`. */
const onTargetWeeks = (weeks: number) =>
  Array.from({ length: weeks }, (_, w) => [0, 2, 4].map((d) => ({ startedAt: MONDAY - (w + 1) * 7 * DAY + d * DAY + 10 * 3_600_000, tzOffsetMin: 0, status: 'completed' as const }))).flat();
const areasOf = (steps: readonly { area: Area }[]): Area[] => steps.map((s) => s.area).filter((a, i, all) => all.indexOf(a) === i);

describe('progression', () => {
  it('progression - four whole weeks on target give one offer; three do not; no target, no offer', () => {
    expect(progressionOffer(EMPTY_PROGRESSION, plan, onTargetWeeks(4), MONDAY + DAY, 0)).toEqual({ week: THIS_WEEK, area: null });
    expect(progressionOffer(EMPTY_PROGRESSION, plan, onTargetWeeks(3), MONDAY + DAY, 0)).toBeNull();
    expect(progressionOffer(EMPTY_PROGRESSION, makePlan({ weeklyTarget: 0 }), onTargetWeeks(4), MONDAY + DAY, 0)).toBeNull();
    expect(progressionOffer(EMPTY_PROGRESSION, null, onTargetWeeks(4), MONDAY + DAY, 0)).toBeNull();
  });

  it('progression - a declined offer is remembered: no new offer that week nor in the next four', () => {
    const offer = progressionOffer(EMPTY_PROGRESSION, plan, onTargetWeeks(4), MONDAY, 0);
    if (offer === null) throw new Error('offered');
    const declined = decide(EMPTY_PROGRESSION, offer, 'declined');
    expect(declined.decisions).toEqual([{ week: THIS_WEEK, choice: 'declined' }]);
    expect(progressionOffer(declined, plan, onTargetWeeks(4), MONDAY + 3 * DAY, 0)).toBeNull();
    expect(applyProgression(makeRoutine(), declined)).toEqual(makeRoutine());
  });

  it('progression - accepting gives every step 10 % more, rounded up to 5 s (60 → 70, 45 → 50), never past the step limit', () => {
    const accepted = decide(EMPTY_PROGRESSION, { week: 1, area: null }, 'accepted');
    expect(applyProgression(makeRoutine(), accepted).steps.map((s) => s.seconds)).toEqual([70, 50]);
    const long = makeRoutine({ steps: [{ area: 'neck', side: 'both', seconds: ROUTINE_LIMITS.maxStepSeconds, tool: 'hands', hint: '' }] });
    expect(applyProgression(long, accepted).steps[0]?.seconds).toBe(ROUTINE_LIMITS.maxStepSeconds);
  });

  it('progression - with a focus area the routine lacks, the offer is that area (the first in the plan\'s order, never an avoided one)', () => {
    // Desk reset: neck, upper trapezius, shoulders, forearms. Feet are avoided; calves are a focus the routine lacks.
    const focus = makePlan({ weeklyTarget: 3, focusAreas: ['neck', 'feet', 'calves', 'glutes'], avoidAreas: ['feet'] });
    expect(progressionOffer(EMPTY_PROGRESSION, focus, onTargetWeeks(4), MONDAY, 0, DESK_RESET)).toEqual({ week: THIS_WEEK, area: 'calves' });
  });

  it('progression - an accepted area appears at the end of later runs of routines that lack it, with its library steps (calves left and right)', () => {
    const accepted = decide(EMPTY_PROGRESSION, { week: THIS_WEEK, area: 'calves' }, 'accepted');
    const run = addAcceptedAreas(DESK_RESET, accepted, makePlan({ focusAreas: ['calves'] }));
    expect(run.steps.slice(0, DESK_RESET.steps.length)).toEqual(DESK_RESET.steps);
    expect(run.steps.slice(DESK_RESET.steps.length).map((s) => `${s.area} ${s.side}`)).toEqual(['calves left', 'calves right']);
    // A declined area is never added; an area the plan now avoids is not added either.
    expect(addAcceptedAreas(DESK_RESET, decide(EMPTY_PROGRESSION, { week: THIS_WEEK, area: 'calves' }, 'declined'), null)).toEqual(DESK_RESET);
    expect(addAcceptedAreas(DESK_RESET, accepted, makePlan({ avoidAreas: ['calves'] }))).toEqual(DESK_RESET);
  });

  it('progression - after an answer about an area the next offer is more time; an accepted area is not offered again', () => {
    const focus = makePlan({ weeklyTarget: 3, focusAreas: ['calves', 'glutes'], avoidAreas: [] });
    const earlier = THIS_WEEK - 35;
    const acceptedCalves = decide(EMPTY_PROGRESSION, { week: earlier, area: 'calves' }, 'accepted');
    expect(progressionOffer(acceptedCalves, focus, onTargetWeeks(4), MONDAY, 0, DESK_RESET)).toEqual({ week: THIS_WEEK, area: null });
    const thenTime = decide(acceptedCalves, { week: earlier + 7, area: null }, 'declined');
    const later = MONDAY + 35 * DAY;
    const sessions = onTargetWeeks(9);
    const shifted = sessions.map((s) => ({ ...s, startedAt: s.startedAt + 35 * DAY }));
    expect(progressionOffer(thenTime, focus, shifted, later, 0, DESK_RESET)).toEqual({ week: THIS_WEEK + 35, area: 'glutes' });
  });

  it('progression - no area is offered that would break the routine limits, nor one without library steps', () => {
    const full = makeRoutine({ steps: Array.from({ length: ROUTINE_LIMITS.maxSteps }, () => ({ area: 'neck' as const, side: 'both' as const, seconds: 60, tool: 'hands' as const, hint: '' })) });
    const focus = makePlan({ weeklyTarget: 3, focusAreas: ['calves', 'chest'], avoidAreas: [] });
    expect(progressionOffer(EMPTY_PROGRESSION, focus, onTargetWeeks(4), MONDAY, 0, full)).toEqual({ week: THIS_WEEK, area: null });
    // Chest has no steps in the built-in library, so there is nothing to add.
    const chestOnly = makePlan({ weeklyTarget: 3, focusAreas: ['chest'], avoidAreas: [] });
    expect(progressionOffer(EMPTY_PROGRESSION, chestOnly, onTargetWeeks(4), MONDAY, 0, DESK_RESET)).toEqual({ week: THIS_WEEK, area: null });
  });

  it('progression - property: whatever is accepted, a run never holds an avoided area and stays within the routine limits', () => {
    const area = fc.constantFrom(...AREAS);
    fc.assert(
      fc.property(fc.array(fc.record({ area: fc.option(area, { nil: undefined }), choice: fc.constantFrom('accepted' as const, 'declined' as const) }), { maxLength: 8 }), fc.uniqueArray(area, { maxLength: 4 }), (answers, avoid) => {
        const state = { decisions: answers.map((a, i) => (a.area === undefined ? { week: i * 35, choice: a.choice } : { week: i * 35, choice: a.choice, area: a.area })) };
        const avoidPlan = makePlan({ avoidAreas: avoid, focusAreas: [] });
        const run = applyProgression(addAcceptedAreas(DESK_RESET, state, avoidPlan), state);
        const added = areasOf(run.steps).filter((a) => areasOf(DESK_RESET.steps).indexOf(a) < 0);
        expect(added.filter((a) => avoid.indexOf(a) >= 0)).toEqual([]);
        expect(run.steps.length).toBeLessThanOrEqual(ROUTINE_LIMITS.maxSteps);
        expect(run.steps.reduce((sum, s) => sum + s.seconds, 0)).toBeLessThanOrEqual(ROUTINE_LIMITS.maxTotalSeconds);
        for (const s of run.steps) expect(s.seconds).toBeLessThanOrEqual(ROUTINE_LIMITS.maxStepSeconds);
      }),
      { numRuns: 200 },
    );
  });
});
