import { describe, expect, it } from 'vitest';
import { PLAN_KEY, acceptPlanOnWatch, readPlan, savePlan, validatePlan } from '../../../core/routines/plan-store';
import { describeProblems } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan, makeRoutine } from '../../fixtures/plans';

function text<T>(result: Validated<T>): string {
  return result.ok ? 'ok' : describeProblems(result.problems);
}

describe('validatePlan', () => {
  it('validatePlan - a fixture plan is valid', () => {
    expect(validatePlan(JSON.parse(JSON.stringify(makePlan())))).toEqual({ ok: true, value: makePlan() });
  });

  it('validatePlan - focus and avoid areas are known and do not overlap', () => {
    expect(text(validatePlan({ ...makePlan(), focusAreas: ['neck', 'elbows'] }))).toMatch(/^focusAreas\[1\] must be one of: neck, /);
    expect(text(validatePlan({ ...makePlan(), avoidAreas: ['neck'] }))).toBe('avoidAreas must not include neck, which is also a focus area');
  });

  it('validatePlan - weekly target is an integer from 0 to 14', () => {
    expect(text(validatePlan({ ...makePlan(), weeklyTarget: 15 }))).toBe('weeklyTarget must be an integer between 0 and 14');
    expect(text(validatePlan({ ...makePlan(), weeklyTarget: 2.5 }))).toBe('weeklyTarget must be an integer between 0 and 14');
    expect(text(validatePlan({ ...makePlan(), weeklyTarget: 0 }))).toBe('ok');
  });

  it('validatePlan - assigned routines must exist among built-in and custom ones', () => {
    expect(text(validatePlan({ ...makePlan(), assignedRoutineIds: ['desk-reset', 'ghost'] }))).toBe("assignedRoutineIds[1] names no built-in or custom routine ('ghost')");
  });

  it('validatePlan - custom routines are checked by the routine validator, with paths', () => {
    const broken = { ...makeRoutine(), steps: [{ area: 'neck', side: 'both', seconds: 5, tool: 'hands', hint: '' }] };
    expect(text(validatePlan({ ...makePlan(), customRoutines: [broken] }))).toMatch(/^customRoutines\[0\]\.steps\[0\]\.seconds /);
    expect(text(validatePlan({ ...makePlan(), customRoutines: [makeRoutine({ id: 'desk-reset' })], assignedRoutineIds: [] }))).toBe(
      "customRoutines[0].id must differ from the built-in routine 'desk-reset'",
    );
  });

  it('validatePlan - a newer plan version asks to update Knead', () => {
    expect(text(validatePlan({ ...makePlan(), v: 2 }))).toBe('plan version 2 is newer than this app understands (1); update Knead');
  });
});

describe('plan store', () => {
  it('savePlan - an invalid plan is refused and the old one stays', () => {
    const store = new MemoryStore();
    expect(savePlan(store, makePlan()).ok).toBe(true);
    const before = store.snapshot();
    expect(text(savePlan(store, { ...makePlan(), weeklyTarget: -1 }))).toBe('weeklyTarget must be an integer between 0 and 14');
    expect(store.snapshot()).toEqual(before);
    expect(readPlan(store)).toEqual({ plan: makePlan() });
  });

  it('acceptPlanOnWatch - keeps the last good plan when the incoming one is invalid', () => {
    const store = new MemoryStore();
    acceptPlanOnWatch(store, makePlan());
    const before = store.snapshot();
    const outcome = acceptPlanOnWatch(store, { ...makePlan(), focusAreas: 'neck' });
    expect(outcome.plan).toEqual(makePlan());
    expect(outcome.changed).toBe(false);
    expect(describeProblems(outcome.problems)).toBe('plan.focusAreas must be a list');
    expect(store.snapshot()).toEqual(before);
  });

  it('acceptPlanOnWatch - takes a new valid plan, and clears when the phone has none', () => {
    const store = new MemoryStore();
    expect(acceptPlanOnWatch(store, makePlan()).changed).toBe(true);
    expect(acceptPlanOnWatch(store, makePlan()).changed).toBe(false);
    expect(acceptPlanOnWatch(store, makePlan({ weeklyTarget: 5 })).plan?.weeklyTarget).toBe(5);
    expect(acceptPlanOnWatch(store, null)).toEqual({ plan: null, changed: true, problems: [] });
    expect(store.getItem(PLAN_KEY)).toBeNull();
  });
});
