// Bad input or failing storage gets a clear error and loses nothing already stored: the phone's
// Preferences and plan, and the watch's copy of the plan.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { PREFS_KEY, readPrefs, savePrefs } from '../../../core/settings/prefs-store';
import { PLAN_KEY, acceptPlanOnWatch, readPlan, savePlan } from '../../../core/routines/plan-store';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import type { KeyValueStore } from '../../../core/kernel/store';
import { MemoryStore, unreadableKey } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';

const T = Date.UTC(2026, 11, 1, 9);

describe('phone preferences', () => {
  it('prefs - a write the storage refuses is an error naming the key; the stored value stays', () => {
    const store = new MemoryStore({ [PREFS_KEY]: JSON.stringify({ settings: DEFAULT_SETTINGS, updatedAt: T }) });
    const before = store.snapshot();
    store.failWrites = true;
    expect(savePrefs(store, { ...DEFAULT_SETTINGS, leadInSeconds: 10 }, T + 1000)).toEqual({ ok: false, problems: [{ path: '', message: 'could not save prefs: storage write failed' }] });
    expect(store.snapshot()).toEqual(before);
  });

  it('prefs - an unreadable stored value reads as the defaults with the reason, nothing to send', () => {
    expect(readPrefs(unreadableKey(new MemoryStore(), PREFS_KEY))).toEqual({ prefs: DEFAULT_SETTINGS, stamped: null, problem: 'could not read prefs: disk error' });
  });

  it('prefs - a stamp never goes below zero, whatever the clock says', () => {
    const saved = savePrefs(new MemoryStore(), DEFAULT_SETTINGS, -5000);
    expect(saved.ok && saved.value.updatedAt).toBe(0);
    const fraction = savePrefs(new MemoryStore(), DEFAULT_SETTINGS, T + 0.7);
    expect(fraction.ok && fraction.value.updatedAt).toBe(T);
  });
});

describe('phone plan', () => {
  it('plan - a store written by a newer Knead is not touched; the reason says to update', () => {
    const store = new MemoryStore({ [STORAGE_VERSION_KEY]: '9' });
    const result = savePlan(store, makePlan());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/newer .*update Knead/);
    expect(store.getItem(PLAN_KEY)).toBeNull();
  });

  it('plan - a write the storage refuses keeps the old plan and says which key', () => {
    const store = new MemoryStore();
    expect(savePlan(store, makePlan()).ok).toBe(true);
    const before = store.snapshot();
    store.failWrites = true;
    expect(savePlan(store, makePlan({ weeklyTarget: 5 }))).toEqual({ ok: false, problems: [{ path: '', message: 'could not save plan: storage write failed' }] });
    expect(store.snapshot()).toEqual(before);
  });

  it('plan - the first save also writes the storage version', () => {
    const store = new MemoryStore();
    savePlan(store, makePlan());
    expect(store.getItem(STORAGE_VERSION_KEY)).toBe('2');
    expect(JSON.parse(String(store.getItem(PLAN_KEY)))).toEqual(makePlan());
  });

  it('plan - a stored plan that is damaged or unreadable is reported, not used, and left in place', () => {
    expect(readPlan(new MemoryStore({ [PLAN_KEY]: '{' }))).toEqual({ plan: null, problem: 'the stored plan is not valid JSON' });
    const invalid = readPlan(new MemoryStore({ [PLAN_KEY]: JSON.stringify({ ...makePlan(), weeklyTarget: 99 }) }));
    expect(invalid).toEqual({ plan: null, problem: 'the stored plan is not usable: weeklyTarget must be an integer between 0 and 14' });
    expect(readPlan(unreadableKey(new MemoryStore(), PLAN_KEY))).toEqual({ plan: null, problem: 'could not read plan: disk error' });
    expect(readPlan(new MemoryStore())).toEqual({ plan: null });
  });
});

describe('plan version', () => {
  it('plan - an older plan version is refused by name (only version 1 exists)', () => {
    const result = savePlan(new MemoryStore(), { ...makePlan(), v: 0 });
    expect(result.ok ? [] : result.problems).toEqual([{ path: 'v', message: 'must be 1' }]);
  });
});

describe('plan repeats', () => {
  it('plan - a repeated focus area or assigned routine is named', () => {
    const focus = savePlan(new MemoryStore(), { ...makePlan(), focusAreas: ['neck', 'neck'] });
    expect(focus.ok ? [] : focus.problems).toEqual([{ path: 'focusAreas[1]', message: 'repeats neck' }]);
    const assigned = savePlan(new MemoryStore(), { ...makePlan(), assignedRoutineIds: ['desk-reset', 'desk-reset'] });
    expect(assigned.ok ? [] : assigned.problems).toEqual([{ path: 'assignedRoutineIds[1]', message: "repeats 'desk-reset'" }]);
  });
});

describe('watch plan', () => {
  it('watch plan - clearing when nothing is stored changes nothing', () => {
    expect(acceptPlanOnWatch(new MemoryStore(), null)).toEqual({ plan: null, changed: false, problems: [] });
  });

  it('watch plan - clearing a damaged stored plan removes it', () => {
    const store = new MemoryStore({ [PLAN_KEY]: '{' });
    expect(acceptPlanOnWatch(store, null)).toEqual({ plan: null, changed: true, problems: [] });
    expect(store.getItem(PLAN_KEY)).toBeNull();
  });

  it('watch plan - a refused removal or write keeps the last good plan and says why', () => {
    const store = new MemoryStore();
    acceptPlanOnWatch(store, makePlan());
    const failing: KeyValueStore = {
      getItem: (key) => store.getItem(key),
      setItem: () => { throw new Error('full'); },
      removeItem: () => { throw new Error('read-only'); },
      keys: () => store.keys(),
    };
    expect(acceptPlanOnWatch(failing, null)).toEqual({ plan: makePlan(), changed: false, problems: [{ path: '', message: 'could not save plan: read-only' }] });
    expect(acceptPlanOnWatch(failing, makePlan({ weeklyTarget: 5 }))).toEqual({ plan: makePlan(), changed: false, problems: [{ path: '', message: 'could not save plan: full' }] });
    expect(readPlan(store)).toEqual({ plan: makePlan() });
  });

  it('watch plan - an invalid incoming plan is refused with paths under "plan"', () => {
    const outcome = acceptPlanOnWatch(new MemoryStore(), { ...makePlan(), weeklyTarget: -1 });
    expect(outcome).toEqual({ plan: null, changed: false, problems: [{ path: 'plan.weeklyTarget', message: 'must be an integer between 0 and 14' }] });
  });
});
