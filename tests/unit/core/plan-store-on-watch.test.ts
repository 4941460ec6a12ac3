// The plan on the watch and on the phone (core/routines/plan-store): the watch stores each plan
// the phone sends and says whether it changed (Home is rebuilt only then), and a plan that is
// already there costs no write; the Settings App saves a plan only where the phone's storage
// layout allows it, and when it does not, says why in the storage's own words, blaming no field.

import { describe, expect, it } from 'vitest';
import { acceptPlanOnWatch, PLAN_KEY, readPlan, savePlan } from '../../../core/routines/plan-store';
import { describeProblems } from '../../../core/kernel/result';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';

const FIRST = makePlan();
const LATER = makePlan({ weeklyTarget: 5, updatedAt: FIRST.updatedAt + 60_000 });

describe('plan store - the watch takes the phone\'s plan', () => {
  it('watch plan - the first plan on a watch with none is stored and reported as a change', () => {
    const watch = new MemoryStore();
    expect(acceptPlanOnWatch(watch, FIRST)).toEqual({ plan: FIRST, changed: true, problems: [] });
    expect(readPlan(watch)).toEqual({ plan: FIRST });
  });

  it('watch plan - the plan it already has changes nothing and is not written again', () => {
    const watch = new MemoryStore();
    acceptPlanOnWatch(watch, FIRST);
    const writes = watch.writes.length;
    expect(acceptPlanOnWatch(watch, JSON.parse(JSON.stringify(FIRST)) as unknown)).toEqual({ plan: FIRST, changed: false, problems: [] });
    expect(watch.writes).toHaveLength(writes);
  });

  it('watch plan - an edited plan replaces the stored one and is reported as a change', () => {
    const watch = new MemoryStore();
    acceptPlanOnWatch(watch, FIRST);
    expect(acceptPlanOnWatch(watch, LATER)).toEqual({ plan: LATER, changed: true, problems: [] });
    expect(readPlan(watch)).toEqual({ plan: LATER });
  });
});

describe('plan store - the Settings App saves a plan', () => {
  it('savePlan - on storage laid out by a newer Knead, the reason alone is shown, with no field before it, and nothing is written', () => {
    const phone = new MemoryStore({ [STORAGE_VERSION_KEY]: '99' });
    const saved = savePlan(phone, FIRST);
    expect(saved.ok ? 'saved' : describeProblems(saved.problems)).toMatch(/^phone storage version 99 is newer than this app understands .*update Knead$/);
    expect(phone.getItem(PLAN_KEY)).toBeNull();
    expect(phone.writes).toHaveLength(0);
  });
});
