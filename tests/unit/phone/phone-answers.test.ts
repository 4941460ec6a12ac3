// The phone's answers to `plan.get` and `phone.status` (docs/sync.md, "Protocol" and
// "Preferences"): `plan.get` gives `{plan}` exactly when no usable preferences are stored and
// `{plan, prefs}` when they are; a newer protocol is told so (`unsupported-version`), an unreadable
// stored plan is a `storage` error; `phone.status` counts the sessions the history index holds.

import { describe, expect, it } from 'vitest';
import { answerPhoneStatus, answerPlanGet, answerPush } from '../../../core/phone/sync-answers';
import { PLAN_KEY, savePlan } from '../../../core/routines/plan-store';
import { PREFS_KEY, savePrefs } from '../../../core/settings/prefs-store';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';
import { BASE_START, DAY_MS, makeRecords } from '../../fixtures/records';

const NOW = BASE_START + 200 * DAY_MS;
const SETTINGS = { intensity: 'strong', leadInSeconds: 10, halfwayTick: false, screen: 'keep-on' } as const;

describe('phone answers', () => {
  it('plan.get - no plan and no preferences: exactly {plan: null}', () => {
    expect(answerPlanGet(new MemoryStore(), { v: 1 })).toEqual({ plan: null });
  });

  it('plan.get - the stored plan, with the preferences only when usable ones are stored', () => {
    const store = new MemoryStore();
    const plan = makePlan();
    expect(savePlan(store, plan).ok).toBe(true);
    expect(answerPlanGet(store, { v: 1 })).toEqual({ plan });
    expect(savePrefs(store, SETTINGS, NOW).ok).toBe(true);
    expect(answerPlanGet(store, { v: 1 })).toEqual({ plan, prefs: { settings: SETTINGS, updatedAt: NOW } });
    store.setItem(PREFS_KEY, '{"settings":');
    expect(answerPlanGet(store, { v: 1 })).toEqual({ plan });
  });

  it('plan.get - a watch asking in a newer protocol is told to update; the same version or none is answered', () => {
    const store = new MemoryStore();
    expect(answerPlanGet(store, { v: 2 })).toEqual({ error: { code: 'unsupported-version', message: expect.stringMatching(/version 2 is newer .*\(1\); update Knead/) } });
    expect(answerPlanGet(store, { v: 1 })).toEqual({ plan: null });
    expect(answerPlanGet(store, {})).toEqual({ plan: null });
    expect(answerPlanGet(store, { v: '2' })).toEqual({ plan: null });
    expect(answerPlanGet(store, undefined)).toEqual({ plan: null });
  });

  it('plan.get - an unreadable stored plan is a storage error, not "no plan"', () => {
    const store = new MemoryStore({ [PLAN_KEY]: '{"v":1,' });
    const reply = answerPlanGet(store, { v: 1 });
    expect(reply).toEqual({ error: { code: 'storage', message: expect.any(String) } });
  });

  it('phone.status - counts every stored session across months, 0 when none', () => {
    const store = new MemoryStore();
    expect(answerPhoneStatus(store)).toEqual({ sessions: 0 });
    // 40 days from 10 November: November and December.
    answerPush(store, makePushParams(makeRecords(40).slice(0, 25)), NOW);
    answerPush(store, makePushParams(makeRecords(40).slice(25)), NOW);
    expect(answerPhoneStatus(store)).toEqual({ sessions: 40 });
  });
});
