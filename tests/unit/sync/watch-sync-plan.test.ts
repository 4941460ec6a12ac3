// The watch's plan fetch (core/sync/watch-sync.ts fetchPlan / onLinkBack) over fakes, against
// docs/sync.md: plan.get carries the protocol version, a failed or unreadable answer keeps the
// last good plan and says why, a failed fetch is made again when the link comes back, and the
// reply's preferences are reported on their own.

import { describe, expect, it } from 'vitest';
import type { SyncRequest } from '../../../core/sync/watch-sync';
import { PROTOCOL_VERSION } from '../../../core/sync/protocol';
import { readPlan } from '../../../core/routines/plan-store';
import { makePlan } from '../../fixtures/plans';
import { RIG_NOW, acceptAll, watchSyncRig } from '../../fixtures/watch-sync-rig';

const PHONE_PREFS = { settings: { intensity: 'strong', leadInSeconds: 10, halfwayTick: true, screen: 'allow-off' }, updatedAt: RIG_NOW - 60_000 } as const;

/** plan.get answered by `planReply` (a function: a rejection fails the request); pushes accepted. */
function phone(planReply: () => Promise<unknown>): SyncRequest {
  return (method, params) => (method === 'plan.get' ? planReply() : acceptAll(method, params));
}

async function withGoodPlan(planReply: { current: () => Promise<unknown> }) {
  const rig = watchSyncRig(phone(() => planReply.current()));
  planReply.current = async () => ({ plan: makePlan({ weeklyTarget: 2 }) });
  expect(await rig.sync.fetchPlan()).toMatchObject({ ok: true, changed: true });
  return rig;
}

describe('watch sync - plan.get', () => {
  it(`asks with the protocol version (v: ${PROTOCOL_VERSION})`, async () => {
    const rig = watchSyncRig(phone(async () => ({ plan: null })));
    await rig.sync.fetchPlan();
    expect(rig.sent).toEqual([{ method: 'plan.get', params: { v: 1 } }]);
  });

  it('a request that fails with a ZML code keeps the last good plan and names the code; Home is told', async () => {
    const reply = { current: async (): Promise<unknown> => null };
    const rig = await withGoodPlan(reply);
    reply.current = () => Promise.reject({ code: 2 });
    const result = await rig.sync.fetchPlan();
    expect(result).toMatchObject({ ok: false, changed: false, code: 2, plan: { weeklyTarget: 2 } });
    expect(result.error).toContain('ZML error 2');
    expect(rig.events.at(-1)).toEqual({ kind: 'plan', result });
    expect(readPlan(rig.store).plan?.weeklyTarget).toBe(2);
  });

  it('a request that fails without a code keeps the last good plan and says what failed', async () => {
    const reply = { current: async (): Promise<unknown> => null };
    const rig = await withGoodPlan(reply);
    reply.current = () => Promise.reject(new Error('side service gone'));
    const result = await rig.sync.fetchPlan();
    expect(result).toMatchObject({ ok: false, changed: false, plan: { weeklyTarget: 2 } });
    expect(result.error).toContain('side service gone');
    expect(result).not.toHaveProperty('code');
  });

  it('an answer that is not a plan reply keeps the last good plan, unchanged, with the reason', async () => {
    const reply = { current: async (): Promise<unknown> => null };
    const rig = await withGoodPlan(reply);
    reply.current = async () => ({ error: { code: 'internal', message: 'settings storage unreadable' } });
    const result = await rig.sync.fetchPlan();
    expect(result).toMatchObject({ ok: false, changed: false, plan: { weeklyTarget: 2 } });
    expect(result.error).toContain('settings storage unreadable');
    expect(rig.events.at(-1)).toEqual({ kind: 'plan', result });
  });
});

describe('watch sync - a failed plan.get is made again when the link comes back', () => {
  it('after a failed fetch the link coming back fetches the plan again; after a good fetch it does not', async () => {
    let fails = true;
    const rig = watchSyncRig(phone(async () => (fails ? Promise.reject({ code: 2 }) : { plan: makePlan({ weeklyTarget: 5 }) })));
    expect((await rig.sync.fetchPlan()).ok).toBe(false);
    fails = false;
    await rig.sync.onLinkBack();
    await new Promise((resolve) => setImmediate(resolve));
    // The outbox is empty, so the flush sends nothing: the second request is the plan again.
    expect(rig.sent.map((r) => r.method)).toEqual(['plan.get', 'plan.get']);
    expect(readPlan(rig.store).plan?.weeklyTarget).toBe(5);
    // The plan is current now: the next link-back does not ask again.
    const before = rig.sent.filter((r) => r.method === 'plan.get').length;
    await rig.sync.onLinkBack();
    await new Promise((resolve) => setImmediate(resolve));
    expect(rig.sent.filter((r) => r.method === 'plan.get').length).toBe(before);
  });
});

describe("watch sync - the reply's preferences", () => {
  it('newer preferences are applied and reported without an error', async () => {
    const rig = watchSyncRig(phone(async () => ({ plan: null, prefs: PHONE_PREFS })));
    const result = await rig.sync.fetchPlan();
    expect(result.ok).toBe(true);
    expect(result.settings).toEqual({ settings: PHONE_PREFS.settings, changed: true });
  });

  it('preferences the watch cannot store are reported as not applied, with the reason', async () => {
    const rig = watchSyncRig(phone(async () => ({ plan: null, prefs: PHONE_PREFS })));
    rig.store.failWrites = true;
    const result = await rig.sync.fetchPlan();
    expect(result).toMatchObject({ ok: false, changed: false });
    expect(result.settings).toMatchObject({ changed: false });
    expect(result.settings?.error).toContain('storage write failed');
    expect(result.error).toContain('storage write failed');
  });
});
