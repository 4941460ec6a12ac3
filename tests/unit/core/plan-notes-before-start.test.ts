// What Before-you-start says about the plan (docs/watch.md): "Therapist's focus: X, +n s in this
// routine" only for focus areas that got more time here, the therapist's tool and technique after
// the first step of an area, and the routine's length ("7 steps · 5:20", docs/core.md).

import { describe, expect, it } from 'vitest';
import type { Routine, Step } from '../../../core/routines/model';
import { adviceForSteps, focusGiven, planRoutine, techniqueFor } from '../../../core/routines/plan';
import { routineLength } from '../../../core/routines/routine-length';
import { DESK_RESET } from '../../../core/routines/library';
import { makePlan } from '../../fixtures/plans';

const step = (area: Step['area'], seconds: number, side: Step['side'] = 'both'): Step => ({ area, side, seconds, tool: 'hands', hint: '' });
const routineOf = (steps: readonly Step[]): Routine => ({ id: 'r', name: 'R', steps });

describe('focus note', () => {
  it('focus - each focus area the routine has is named once with the seconds added over all its steps', () => {
    // Desk reset: neck 60 → 90 (+30); forearms 45 → 70 on each side (+25 + 25).
    const plan = makePlan({ focusAreas: ['neck', 'forearms'], avoidAreas: [] });
    expect(focusGiven(DESK_RESET, plan)).toEqual([
      { area: 'neck', seconds: 30 },
      { area: 'forearms', seconds: 50 },
    ]);
  });

  it('focus - an area on both sides is one note, even when it is the first focus area met', () => {
    expect(focusGiven(DESK_RESET, makePlan({ focusAreas: ['forearms'], avoidAreas: [] }))).toEqual([{ area: 'forearms', seconds: 50 }]);
  });

  it('focus - a focus area the routine lacks, or one the 60-minute limit left at its time, gets no note', () => {
    expect(focusGiven(DESK_RESET, makePlan({ focusAreas: ['calves'], avoidAreas: [] }))).toEqual([]);
    // 3600 s already: neck 560 → 600 would pass the limit.
    const full = routineOf([...Array.from({ length: 5 }, () => step('feet', 600, 'left')), step('neck', 560), step('feet', 40, 'left')]);
    expect(focusGiven(full, makePlan({ focusAreas: ['neck'], avoidAreas: [] }))).toEqual([]);
    expect(focusGiven(DESK_RESET, null)).toEqual([]);
  });

  it('focus - an avoided area earlier in the routine does not shift which step got the time', () => {
    const routine = routineOf([step('lower-back', 60), step('neck', 60), step('feet', 40, 'left')]);
    const plan = makePlan({ focusAreas: ['neck'], avoidAreas: ['lower-back'] });
    expect(focusGiven(routine, plan)).toEqual([{ area: 'neck', seconds: 30 }]);
  });

  it('focus - +50 % rounds up to 5 s and stops at 600 s a step', () => {
    const plan = makePlan({ focusAreas: ['neck'], avoidAreas: [] });
    expect(planRoutine(routineOf([step('neck', 45)]), plan).routine.steps[0]?.seconds).toBe(70);
    expect(planRoutine(routineOf([step('neck', 500)]), plan).routine.steps[0]?.seconds).toBe(600);
    expect(planRoutine(routineOf([step('neck', 600)]), plan).routine.steps[0]?.seconds).toBe(600);
  });

  it('focus - extra time stops exactly at 60 minutes: a step that would pass it keeps its time, a later smaller one may still fit', () => {
    const plan = makePlan({ focusAreas: ['neck'], avoidAreas: [] });
    const routine = routineOf([...Array.from({ length: 5 }, () => step('feet', 600, 'left')), step('neck', 500), step('neck', 10)]);
    // 3510 s: neck 500 → 600 would make 3610; neck 10 → 15 makes 3515.
    expect(planRoutine(routine, plan).routine.steps.map((s) => s.seconds).slice(5)).toEqual([500, 15]);
    const exact = routineOf([...Array.from({ length: 5 }, () => step('feet', 600, 'left')), step('neck', 400)]);
    // 3400 s: neck 400 → 600 makes exactly 3600, which is allowed.
    expect(planRoutine(exact, plan).routine.steps[5]?.seconds).toBe(600);
  });

  it('avoid - avoided areas are reported once each, in order of first appearance', () => {
    const routine = routineOf([step('feet', 30, 'left'), step('neck', 30), step('lower-back', 30), step('feet', 30, 'right')]);
    const planned = planRoutine(routine, makePlan({ focusAreas: [], avoidAreas: ['lower-back', 'feet'] }));
    expect(planned.leftOut).toEqual(['feet', 'lower-back']);
    expect(planned.empty).toBe(false);
    expect(planned.routine.steps.map((s) => s.area)).toEqual(['neck']);
  });
});

describe('advice on Before-you-start', () => {
  const plan = makePlan({
    focusAreas: [],
    avoidAreas: [],
    advice: [
      { area: 'forearms', tool: 'massage-ball', technique: 'toward the elbow' },
      { area: 'neck', tool: 'hands', technique: 'slow circles' },
    ],
  });

  it('advice - each area\'s advice once, in the order the areas first appear in the steps', () => {
    const routine = [step('neck', 30), step('forearms', 30, 'left'), step('neck', 30), step('forearms', 30, 'right'), step('feet', 30, 'left')];
    expect(adviceForSteps(plan, routine).map((a) => a.area)).toEqual(['neck', 'forearms']);
    expect(adviceForSteps(makePlan({ focusAreas: [], avoidAreas: [] }), routine)).toEqual([]);
  });

  it('advice - the technique for an area, or nothing', () => {
    expect(techniqueFor(plan, 'neck')).toBe('slow circles');
    expect(techniqueFor(plan, 'feet')).toBe('');
    expect(techniqueFor(null, 'neck')).toBe('');
    expect(techniqueFor(makePlan({ focusAreas: [], avoidAreas: [] }), 'neck')).toBe('');
  });
});

describe('routine length', () => {
  it('length - steps and time the one way durations are written ("5:20", "1:02:05" from an hour)', () => {
    expect(routineLength(DESK_RESET)).toEqual({ steps: 7, seconds: 320, clock: '5:20' });
    expect(routineLength(routineOf(Array.from({ length: 6 }, () => step('neck', 600))))).toEqual({ steps: 6, seconds: 3600, clock: '1:00:00' });
  });

  it('length - a damaged routine (no list, a step without a usable time) still gets a length', () => {
    expect(routineLength({ steps: undefined as unknown as Step[] })).toEqual({ steps: 0, seconds: 0, clock: '0:00' });
    const odd = [step('neck', 60), { ...step('neck', 0), seconds: Number.NaN }, { ...step('neck', 0), seconds: '30' as unknown as number }, step('neck', 15)];
    expect(routineLength({ steps: odd })).toEqual({ steps: 4, seconds: 75, clock: '1:15' });
  });
});

describe('empty routine', () => {
  it('empty - a routine without steps is empty with or without a plan, so it is never started', () => {
    const none = routineOf([]);
    expect(planRoutine(none, null)).toEqual({ routine: none, leftOut: [], empty: true });
    expect(planRoutine(none, makePlan({ focusAreas: [], avoidAreas: [] })).empty).toBe(true);
    expect(planRoutine(routineOf([step('neck', 30)]), null).empty).toBe(false);
  });
});
