// Pasting a therapist's code (docs/core.md "In the Settings App, Paste a plan code"): the code sets
// the therapist's part and routines, the person's own routines stay, and the Settings App lists
// exactly what changes, one line each. Adherence counts from the day the weekly target got its
// value, so the merge keeps that day while the target keeps its value.

import { describe, expect, it } from 'vitest';
import { englishT } from '../../../core/phone/messages';
import { describePlanChanges, mergeCodePlan, targetSinceAfter } from '../../../core/phone/plan-changes';
import type { TherapistPlan } from '../../../core/routines/model';
import { makePlan, makeRoutine } from '../../fixtures/plans';
import { TYPICAL_PLAN } from '../../fixtures/plan-arbitrary';

const NOW = Date.UTC(2026, 10, 25, 12);
const SET_DAY = Date.UTC(2026, 9, 5, 9);

describe('plan from a code - the day the target was set', () => {
  it('target since - the same target keeps the day it was set; a plan from before that field counts from its last change', () => {
    const current = makePlan({ weeklyTarget: 3, targetSince: SET_DAY, updatedAt: SET_DAY + 1000 });
    expect(targetSinceAfter(current, makePlan({ weeklyTarget: 3 }), NOW)).toBe(SET_DAY);
    const older = makePlan({ weeklyTarget: 3, updatedAt: SET_DAY + 1000 });
    expect(targetSinceAfter(older, makePlan({ weeklyTarget: 3 }), NOW)).toBe(SET_DAY + 1000);
  });

  it('target since - a new target, or a first plan, starts counting now', () => {
    const current = makePlan({ weeklyTarget: 3, targetSince: SET_DAY });
    expect(targetSinceAfter(current, makePlan({ weeklyTarget: 4 }), NOW)).toBe(NOW);
    expect(targetSinceAfter(null, makePlan({ weeklyTarget: 3 }), NOW)).toBe(NOW);
  });

  it('target since - a pasted code with the same target keeps the day; with another target the merged plan counts from its own time', () => {
    const current = makePlan({ weeklyTarget: 3, targetSince: SET_DAY, updatedAt: SET_DAY });
    expect(mergeCodePlan(current, TYPICAL_PLAN, NOW).targetSince).toBe(SET_DAY);
    const changed = mergeCodePlan(current, { ...TYPICAL_PLAN, weeklyTarget: 5 }, NOW);
    expect(changed.targetSince).toBe(NOW);
    expect(changed.targetSince).toBe(changed.updatedAt);
  });

  it('merge - a routine in the code with the id of one the person has replaces it, not doubled', () => {
    const own = makeRoutine({ id: 'my-neck', name: 'My neck' });
    const fromCode = makeRoutine({ id: 'my-neck', name: 'Therapist neck' });
    const merged = mergeCodePlan(makePlan({ customRoutines: [own] }), { ...TYPICAL_PLAN, customRoutines: [fromCode], assignedRoutineIds: [] }, NOW);
    expect(merged.customRoutines.map((r) => r.name)).toEqual(['Therapist neck']);
  });
});

describe('plan from a code - changed lines', () => {
  const before: TherapistPlan = mergeCodePlan(null, TYPICAL_PLAN, NOW);

  it('plan changes - a routine the code changes is named as changed, with its new length and areas', () => {
    const routine = TYPICAL_PLAN.customRoutines[0];
    if (routine === undefined) throw new Error('fixture');
    const shorter = { ...routine, steps: routine.steps.slice(0, 1) };
    const after = { ...before, customRoutines: [shorter] };
    expect(describePlanChanges(before, after, englishT)).toEqual(['Changed routine "Neck and shoulders after work" (1 step · 1:30: Neck)']);
  });

  it('plan changes - new advice for an area says the tool and the technique; a tool alone when there is no technique', () => {
    const after = {
      ...before,
      advice: [
        { area: 'neck' as const, tool: 'massage-ball' as const, technique: 'Light pressure only, never on the front of the neck' },
        { area: 'upper-trapezius' as const, tool: 'massage-ball' as const, technique: '' },
      ],
    };
    expect(describePlanChanges(before, after, englishT)).toEqual(['Neck: Massage ball, Light pressure only, never on the front of the neck', 'Upper trapezius: Massage ball']);
  });

  it('plan changes - the same areas in another order are no change; the assigned routines in another order are', () => {
    const reordered = { ...before, focusAreas: ['upper-trapezius' as const, 'neck' as const] };
    expect(describePlanChanges(before, reordered, englishT)).toEqual([]);
    const swapped = { ...before, assignedRoutineIds: ['therapist-1', 'desk-reset'] };
    expect(describePlanChanges(before, swapped, englishT)).toEqual(['Assigned routines: Desk reset, Neck and shoulders after work → Neck and shoulders after work, Desk reset']);
  });

  it('plan changes - one more focus area, or an area swapped for another, is a change', () => {
    expect(describePlanChanges(before, { ...before, focusAreas: ['neck', 'upper-trapezius', 'hands'] }, englishT)).toEqual(['Focus areas: Neck, Upper trapezius → Neck, Upper trapezius, Hands']);
    expect(describePlanChanges(before, { ...before, focusAreas: ['neck', 'hands'] }, englishT)).toEqual(['Focus areas: Neck, Upper trapezius → Neck, Hands']);
    expect(describePlanChanges(before, { ...before, avoidAreas: [] }, englishT)).toEqual(['Avoid areas: Lower back → none']);
  });

  it('plan changes - an assigned routine no longer known is shown by its id; a new note is quoted', () => {
    const after = { ...before, assignedRoutineIds: ['gone-routine'], note: 'Twice a day.' };
    expect(describePlanChanges(before, after, englishT)).toEqual([
      'Assigned routines: Desk reset, Neck and shoulders after work → gone-routine',
      'Note from your therapist: Twice a day.',
    ]);
  });
});
