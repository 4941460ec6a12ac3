// The limits docs/week.md sets for progression and adaptation, each tested just inside and just
// outside: four whole weeks in a row on target (the current week not counted), no new offer until
// four more weeks after an answer, at most three time steps, +10 % a step rounded up to 5 s,
// an area only if the routine stays within 30 steps and 60 minutes; adaptation +25 % a level
// (rounded up to 5 s), two levels at most, 600 s a step, 60 minutes a routine.

import { describe, expect, it } from 'vitest';
import type { Area, Routine, Step, Tightness } from '../../../core/routines/model';
import {
  EMPTY_PROGRESSION,
  PROGRESSION_SENT_ANSWERS,
  acceptedAreas,
  acceptedSteps,
  addAcceptedAreas,
  answersToSend,
  applyProgression,
  areaSteps,
  areaToOffer,
  decide,
  progressionOffer,
  weeksOnTargetInARow,
} from '../../../core/routines/progression';
import type { ProgressionState } from '../../../core/routines/progression';
import { adaptRoutine, adaptationLevel } from '../../../core/routines/adaptation';
import type { PastCheckIn } from '../../../core/routines/adaptation';
import { AFTER_A_WALK, DESK_RESET } from '../../../core/routines/library';
import { makePlan } from '../../fixtures/plans';

const DAY = 24 * 60 * 60 * 1000;
/** Monday 2 March 2026 00:00 UTC. */
const MONDAY = Date.UTC(2026, 2, 2);
const THIS_WEEK = MONDAY / DAY;

const step = (area: Area, seconds: number, side: Step['side'] = 'both'): Step => ({ area, side, seconds, tool: 'hands', hint: '' });
const routineOf = (steps: readonly Step[]): Routine => ({ id: 'r', name: 'R', steps });
const seconds = (r: Routine): number[] => r.steps.map((s) => s.seconds);
const total = (r: Routine): number => r.steps.reduce((sum, s) => sum + s.seconds, 0);

/** `perWeek` completed sessions (Mon, Tue, …, 10:00 UTC) in each week `weeksBack` weeks before MONDAY. */
function sessionsIn(weeksBack: readonly number[], perWeek = 3, status: 'completed' | 'stopped' | 'pain' = 'completed') {
  return weeksBack.flatMap((w) => Array.from({ length: perWeek }, (_, d) => ({ startedAt: MONDAY - w * 7 * DAY + d * DAY + 10 * 3_600_000, tzOffsetMin: 0, status })));
}

const answered = (...answers: ProgressionState['decisions']): ProgressionState => ({ decisions: answers });

describe('progression limits', () => {
  it('progression - weeks on target are counted back from last week; this week and a gap do not count', () => {
    expect(weeksOnTargetInARow(sessionsIn([1, 2, 3]), 3, MONDAY + DAY, 0)).toBe(3);
    expect(weeksOnTargetInARow(sessionsIn([0, 1, 2]), 3, MONDAY + DAY, 0)).toBe(2);
    expect(weeksOnTargetInARow(sessionsIn([1, 3, 4, 5]), 3, MONDAY + DAY, 0)).toBe(1);
    expect(weeksOnTargetInARow(sessionsIn([1, 2]).concat(sessionsIn([3], 2)), 3, MONDAY + DAY, 0)).toBe(2);
  });

  it('progression - sessions stopped for pain count toward a week, simply stopped ones do not', () => {
    expect(weeksOnTargetInARow(sessionsIn([1], 3, 'pain'), 3, MONDAY, 0)).toBe(1);
    expect(weeksOnTargetInARow(sessionsIn([1], 3, 'stopped'), 3, MONDAY, 0)).toBe(0);
  });

  it('progression - no target, no weeks on target', () => {
    expect(weeksOnTargetInARow(sessionsIn([1, 2, 3, 4]), 0, MONDAY, 0)).toBe(0);
  });

  it('progression - a week is the person\'s own: the viewer\'s zone decides which week "now" is', () => {
    // Monday 00:30 UTC is still Sunday 23:30 in UTC-60: "last week" is then two weeks back.
    expect(weeksOnTargetInARow(sessionsIn([1]), 3, MONDAY + 30 * 60_000, -60)).toBe(0);
    expect(weeksOnTargetInARow(sessionsIn([1]), 3, MONDAY + 30 * 60_000, 0)).toBe(1);
  });

  it('progression - after an answer, no offer for four more weeks; the fifth week may bring one', () => {
    const plan = makePlan({ weeklyTarget: 3, focusAreas: [], avoidAreas: [] });
    const state = answered({ week: THIS_WEEK - 28, choice: 'declined' });
    expect(progressionOffer(state, plan, sessionsIn([1, 2, 3, 4]), MONDAY, 0)).toBeNull();
    const later = answered({ week: THIS_WEEK - 35, choice: 'declined' });
    expect(progressionOffer(later, plan, sessionsIn([1, 2, 3, 4]), MONDAY, 0)).toEqual({ week: THIS_WEEK, area: null });
  });

  it('progression - at most three time steps: after three accepted, no time is offered and a fourth adds nothing', () => {
    const plan = makePlan({ weeklyTarget: 3, focusAreas: [], avoidAreas: [] });
    const three = answered(
      { week: THIS_WEEK - 105, choice: 'accepted' },
      { week: THIS_WEEK - 70, choice: 'accepted' },
      { week: THIS_WEEK - 35, choice: 'accepted' },
    );
    expect(acceptedSteps(three)).toBe(3);
    expect(progressionOffer(three, plan, sessionsIn([1, 2, 3, 4]), MONDAY, 0, DESK_RESET)).toBeNull();
    const two = answered(...three.decisions.slice(0, 2));
    expect(progressionOffer(two, plan, sessionsIn([1, 2, 3, 4]), MONDAY, 0, DESK_RESET)).toEqual({ week: THIS_WEEK, area: null });
    const four = answered(...three.decisions, { week: THIS_WEEK, choice: 'accepted' });
    expect(acceptedSteps(four)).toBe(3);
    // 60 s + 30 % = 78 → 80; 45 s + 30 % = 58.5 → 60.
    expect(seconds(applyProgression(routineOf([step('neck', 60), step('neck', 45)]), four))).toEqual([80, 60]);
    expect(seconds(applyProgression(routineOf([step('neck', 60), step('neck', 45)]), three))).toEqual([80, 60]);
  });

  it('progression - declined time steps and answers about areas add no time', () => {
    const state = answered({ week: 1, choice: 'declined' }, { week: 40, choice: 'accepted', area: 'calves' });
    expect(acceptedSteps(state)).toBe(0);
    const routine = routineOf([step('neck', 60)]);
    expect(applyProgression(routine, state)).toBe(routine);
  });

  it('progression - more time never takes a routine past 60 minutes: the steps in order get what still fits', () => {
    const accepted = answered({ week: 1, choice: 'accepted' });
    // Six 590 s steps = 3540 s; +10 % wants 60 s each but the step limit leaves 10 s each → 3600 s.
    const near = routineOf(Array.from({ length: 6 }, () => step('neck', 590)));
    expect(seconds(applyProgression(near, accepted))).toEqual([600, 600, 600, 600, 600, 600]);
    // 3595 s over 7 steps: only 5 s are left, given to the first step.
    const full = routineOf([step('neck', 595), ...Array.from({ length: 6 }, () => step('neck', 500))]);
    const out = applyProgression(full, accepted);
    expect(total(out)).toBe(3600);
    expect(seconds(out)).toEqual([600, 500, 500, 500, 500, 500, 500]);
  });

  it('progression - the answers a record carries are the last twelve', () => {
    const many = answered(...Array.from({ length: 15 }, (_, i) => ({ week: i * 35, choice: 'declined' as const })));
    expect(PROGRESSION_SENT_ANSWERS).toBe(12);
    expect(answersToSend(many)).toEqual(many.decisions.slice(3));
    expect(answersToSend(answered({ week: 7, choice: 'accepted' }))).toEqual([{ week: 7, choice: 'accepted' }]);
  });

  it('progression - a second answer in the same week changes nothing; an area answer keeps its area', () => {
    const once = decide(EMPTY_PROGRESSION, { week: THIS_WEEK, area: 'calves' }, 'accepted');
    expect(once.decisions).toEqual([{ week: THIS_WEEK, choice: 'accepted', area: 'calves' }]);
    expect(decide(once, { week: THIS_WEEK, area: null }, 'declined')).toBe(once);
    expect(decide(once, { week: THIS_WEEK + 35, area: null }, 'declined').decisions).toHaveLength(2);
  });

  it('progression - accepted areas are listed once each, in the order accepted; declined ones not at all', () => {
    const state = answered(
      { week: 1, choice: 'accepted', area: 'calves' },
      { week: 2, choice: 'declined', area: 'feet' },
      { week: 3, choice: 'accepted', area: 'glutes' },
      { week: 4, choice: 'accepted', area: 'calves' },
      { week: 5, choice: 'accepted' },
    );
    expect(acceptedAreas(state)).toEqual(['calves', 'glutes']);
  });

  it('progression - an area\'s steps come from the first built-in routine that has it', () => {
    expect(areaSteps('calves')).toEqual(AFTER_A_WALK.steps.filter((s) => s.area === 'calves'));
    // Forearms are in Desk reset (45 s) before Typing hands (75 s).
    expect(areaSteps('forearms').map((s) => s.seconds)).toEqual([45, 45]);
    expect(areaSteps('chest')).toEqual([]);
  });

  it('progression - an area is offered only if the routine stays within 30 steps: 28 + 2 fits, 29 + 2 does not', () => {
    const plan = makePlan({ focusAreas: ['calves'], avoidAreas: [] });
    const of = (n: number) => routineOf(Array.from({ length: n }, () => step('neck', 10)));
    expect(areaToOffer(EMPTY_PROGRESSION, plan, of(28))).toBe('calves');
    expect(areaToOffer(EMPTY_PROGRESSION, plan, of(29))).toBeNull();
  });

  it('progression - an area is offered only if the routine stays within 60 minutes (calves add 2 × 60 s)', () => {
    const plan = makePlan({ focusAreas: ['calves'], avoidAreas: [] });
    const fits = routineOf([...Array.from({ length: 5 }, () => step('neck', 600)), step('neck', 480)]);
    expect(total(fits)).toBe(3480);
    expect(areaToOffer(EMPTY_PROGRESSION, plan, fits)).toBe('calves');
    const over = routineOf([...Array.from({ length: 5 }, () => step('neck', 600)), step('neck', 485)]);
    expect(areaToOffer(EMPTY_PROGRESSION, plan, over)).toBeNull();
  });

  it('progression - an area already in the routine, already accepted or avoided is skipped for the next focus area', () => {
    const plan = makePlan({ focusAreas: ['neck', 'calves', 'feet', 'glutes'], avoidAreas: ['feet'] });
    const state = answered({ week: 1, choice: 'accepted', area: 'calves' });
    expect(areaToOffer(state, plan, DESK_RESET)).toBe('glutes');
    expect(areaToOffer(EMPTY_PROGRESSION, plan, DESK_RESET)).toBe('calves');
  });

  it('progression - once every time step is taken, an area is offered even right after an area answer', () => {
    const plan = makePlan({ weeklyTarget: 3, focusAreas: ['calves', 'glutes'], avoidAreas: [] });
    const state = answered(
      { week: THIS_WEEK - 140, choice: 'accepted' },
      { week: THIS_WEEK - 105, choice: 'accepted' },
      { week: THIS_WEEK - 70, choice: 'accepted' },
      { week: THIS_WEEK - 35, choice: 'accepted', area: 'calves' },
    );
    expect(progressionOffer(state, plan, sessionsIn([1, 2, 3, 4]), MONDAY, 0, DESK_RESET)).toEqual({ week: THIS_WEEK, area: 'glutes' });
    // Without a routine to compare with, only time can be offered (none left here).
    expect(progressionOffer(state, plan, sessionsIn([1, 2, 3, 4]), MONDAY, 0, null)).toBeNull();
  });

  it('progression - the first offer with an area the routine lacks is that area', () => {
    const plan = makePlan({ weeklyTarget: 3, focusAreas: ['calves'], avoidAreas: [] });
    expect(progressionOffer(EMPTY_PROGRESSION, plan, sessionsIn([1, 2, 3, 4]), MONDAY, 0, DESK_RESET)).toEqual({ week: THIS_WEEK, area: 'calves' });
    // After a time answer, an area may come next.
    const afterTime = answered({ week: THIS_WEEK - 35, choice: 'declined' });
    expect(progressionOffer(afterTime, plan, sessionsIn([1, 2, 3, 4]), MONDAY, 0, DESK_RESET)).toEqual({ week: THIS_WEEK, area: 'calves' });
  });

  it('progression - accepted areas are added once, in order, skipping what the routine has or what no longer fits', () => {
    const state = answered({ week: 1, choice: 'accepted', area: 'calves' }, { week: 2, choice: 'accepted', area: 'neck' }, { week: 3, choice: 'accepted', area: 'feet' });
    const run = addAcceptedAreas(DESK_RESET, state, null);
    expect(run.steps.slice(DESK_RESET.steps.length).map((s) => `${s.area} ${s.side}`)).toEqual(['calves left', 'calves right', 'feet left', 'feet right', 'feet left', 'feet right']);
    const crowded = routineOf(Array.from({ length: 29 }, () => step('neck', 10)));
    expect(addAcceptedAreas(crowded, state, null)).toEqual(crowded);
  });
});

const rated = (area: Area, tightness: Tightness): PastCheckIn => ({ ratings: [{ area, tightness }] });
const history = (area: Area, ratings: readonly Tightness[]): PastCheckIn[] => ratings.map((t) => rated(area, t));

describe('adaptation limits', () => {
  it('adaptation - tight means 2 or 3: three 2s raise a level, three 1s do not', () => {
    expect(adaptationLevel([2, 2, 2])).toBe(1);
    expect(adaptationLevel([1, 1, 1])).toBe(0);
    expect(adaptationLevel([2, 2, 1])).toBe(0);
    expect(adaptationLevel([1, 2, 2])).toBe(0);
  });

  it('adaptation - every run of three raises by one, up to two; three loose lower by one, never below zero', () => {
    expect(adaptationLevel([3, 3, 3, 3])).toBe(2);
    expect(adaptationLevel([3, 3, 3, 3, 3, 3, 3])).toBe(2);
    expect(adaptationLevel([3, 3, 3, 3, 0, 0, 0])).toBe(1);
    expect(adaptationLevel([3, 3, 3, 3, 0, 0, 0, 0])).toBe(0);
    expect(adaptationLevel([0, 0, 0, 0, 0, 3, 3, 3])).toBe(1);
    // A mixed window changes nothing.
    expect(adaptationLevel([3, 3, 3, 0, 3, 0])).toBe(1);
  });

  it('adaptation - 25 % a level, rounded up to 5 s: 45 s → 60 s, then 70 s', () => {
    const routine = routineOf([step('neck', 45)]);
    expect(seconds(adaptRoutine(routine, null, history('neck', [2, 2, 2])).routine)).toEqual([60]);
    expect(seconds(adaptRoutine(routine, null, history('neck', [2, 2, 2, 2])).routine)).toEqual([70]);
  });

  it('adaptation - never past 600 s a step', () => {
    const routine = routineOf([step('neck', 590)]);
    const out = adaptRoutine(routine, null, history('neck', [3, 3, 3]));
    expect(seconds(out.routine)).toEqual([600]);
    expect(out.changes).toEqual([{ area: 'neck', baseSeconds: 590, adaptedSeconds: 600, tightLately: true }]);
    expect(seconds(adaptRoutine(routineOf([step('neck', 600)]), null, history('neck', [3, 3, 3])).routine)).toEqual([600]);
  });

  it('adaptation - never past 60 minutes a routine: what is left goes to the steps in order', () => {
    const routine = routineOf([step('neck', 400), ...Array.from({ length: 6 }, () => step('feet', 530))]);
    expect(total(routine)).toBe(3580);
    const out = adaptRoutine(routine, null, history('neck', [3, 3, 3]));
    // Neck wants +100 s; only 20 s are left.
    expect(seconds(out.routine)[0]).toBe(420);
    expect(total(out.routine)).toBe(3600);
  });

  it('adaptation - an area worked on both sides is reported once, with both sides\' seconds', () => {
    const routine = routineOf([step('forearms', 40, 'left'), step('neck', 60), step('forearms', 40, 'right')]);
    const out = adaptRoutine(routine, null, history('forearms', [3, 3, 3]));
    expect(seconds(out.routine)).toEqual([50, 60, 50]);
    expect(out.changes).toEqual([{ area: 'forearms', baseSeconds: 80, adaptedSeconds: 100, tightLately: true }]);
  });

  it('adaptation - while the level comes down the reason is "easing back", not "tight lately"', () => {
    const out = adaptRoutine(routineOf([step('neck', 60)]), null, history('neck', [3, 3, 3, 3, 1, 2]));
    expect(out.changes).toEqual([{ area: 'neck', baseSeconds: 60, adaptedSeconds: 90, tightLately: false }]);
  });

  it('adaptation - an area the plan avoids is left out of the run, whatever its ratings', () => {
    const routine = routineOf([step('neck', 60), step('feet', 60, 'left')]);
    const out = adaptRoutine(routine, makePlan({ focusAreas: [], avoidAreas: ['feet'] }), history('feet', [3, 3, 3]));
    expect(out.routine.steps.map((s) => s.area)).toEqual(['neck']);
    expect(out.baseSeconds).toEqual([60]);
    expect(out.changes).toEqual([]);
  });
});

describe('adaptation reason', () => {
  it('adaptation - "tight in your last 3 sessions" holds after a longer tight run too', () => {
    const out = adaptRoutine(routineOf([step('neck', 60)]), null, history('neck', [3, 3, 3, 3, 2]));
    expect(out.changes).toEqual([{ area: 'neck', baseSeconds: 60, adaptedSeconds: 90, tightLately: true }]);
  });
});

describe('adaptation within the routine limit', () => {
  it('adaptation - time given to one step counts against the next: two tight neck steps share the last 120 s', () => {
    const routine = routineOf([step('neck', 240), step('neck', 240), ...Array.from({ length: 5 }, () => step('feet', 600, 'left'))]);
    expect(total(routine)).toBe(3480);
    const out = adaptRoutine(routine, null, history('neck', [3, 3, 3, 3]));
    expect(seconds(out.routine).slice(0, 2)).toEqual([360, 240]);
    expect(total(out.routine)).toBe(3600);
  });
});

describe('adaptation changes', () => {
  it('adaptation - two areas that stayed tight are two reasons, each with its own seconds', () => {
    const routine = routineOf([step('neck', 60), step('forearms', 40, 'left'), step('forearms', 40, 'right')]);
    const both: PastCheckIn[] = [0, 1, 2].map(() => ({ ratings: [{ area: 'neck', tightness: 3 }, { area: 'forearms', tightness: 2 }] }));
    expect(adaptRoutine(routine, null, both).changes).toEqual([
      { area: 'neck', baseSeconds: 60, adaptedSeconds: 75, tightLately: true },
      { area: 'forearms', baseSeconds: 80, adaptedSeconds: 100, tightLately: true },
    ]);
  });
});
