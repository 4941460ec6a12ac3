import { describe, expect, it } from 'vitest';
import { createWatchSync, type SyncRequest } from '../../../core/sync/watch-sync';
import { enqueue, loadOutbox, outboxStatus } from '../../../core/sync/outbox';
import { readPlan } from '../../../core/routines/plan-store';
import { loadSettings, loadStampedSettings, saveSettings } from '../../../core/settings/watch-settings';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecords } from '../../fixtures/records';
import { makePlan } from '../../fixtures/plans';

const NOW = Date.UTC(2026, 11, 1);

function setup(request: SyncRequest, records = 3) {
  const store = new MemoryStore();
  for (const r of makeRecords(records)) enqueue(store, r);
  const timers: Array<{ ms: number; cb: () => void; cancelled: boolean }> = [];
  const sync = createWatchSync({
    request,
    store,
    clock: { now: () => NOW },
    setTimeout: (cb, ms) => {
      const t = { ms, cb, cancelled: false };
      timers.push(t);
      return t;
    },
    clearTimeout: (t) => {
      (t as { cancelled: boolean }).cancelled = true;
    },
  });
  return { store, timers, sync };
}

const acceptAll: SyncRequest = async (_m, params) => ({ accepted: (params['records'] as { id: string }[]).map((r) => r.id), rejected: [] });

describe('createWatchSync', () => {
  it('flush - sends, acknowledges, stops when empty', async () => {
    const calls: string[] = [];
    const { store, sync } = setup(async (m, p) => {
      calls.push(m);
      return acceptAll(m, p);
    });
    const result = await sync.flush();
    expect(result).toMatchObject({ done: true, accepted: 3, pending: 0, requests: 1 });
    expect(calls).toEqual(['sessions.push']);
    expect(outboxStatus(store).pending).toBe(0);
  });

  it('flush - a partial acknowledgement: the accepted leave, the refused stay with their reason, the deferred stay pending', async () => {
    const { store, sync } = setup(async (_m, p) => {
      const ids = (p['records'] as { id: string }[]).map((r) => r.id);
      return {
        accepted: [ids[0]],
        rejected: [{ id: ids[1], reason: 'steps[0].area must be one of: neck' }],
        deferred: [{ id: ids[2], reason: 'phone storage for 2026-11 is full' }],
      };
    });
    const [first, second, third] = loadOutbox(store).state.pending.map((e) => e.id);
    const result = await sync.flush();
    expect(result).toMatchObject({ done: false, accepted: 1, rejected: 1, pending: 1, error: 'phone storage for 2026-11 is full' });
    const state = loadOutbox(store).state;
    expect(state.pending.map((e) => [e.id, e.lastError])).toEqual([[third, 'phone storage for 2026-11 is full']]);
    expect(state.rejected.map((e) => [e.id, e.reason])).toEqual([[second, 'steps[0].area must be one of: neck']]);
    expect(state.recent.find((e) => e.id === first)?.sync).toBe('sent');
  });

  it('flush - small maxBatchBytes makes several requests', async () => {
    let requests = 0;
    const store = new MemoryStore();
    for (const r of makeRecords(5)) enqueue(store, r);
    const sync = createWatchSync({ request: async (m, p) => { requests += 1; return acceptAll(m, p); }, store, clock: { now: () => NOW }, setTimeout: () => 0, maxBatchBytes: 1200 });
    expect((await sync.flush()).done).toBe(true);
    expect(requests).toBe(5);
  });

  it('flush - ZML code 2 keeps the records and schedules core backoff (30 s, then 60 s)', async () => {
    const { store, timers, sync } = setup(async () => Promise.reject({ code: 2 }));
    const first = await sync.flush();
    expect(first).toMatchObject({ done: false, code: 2, retryInMs: 30_000, pending: 3 });
    expect(outboxStatus(store).pending).toBe(3);
    timers[0]?.cb();
    await new Promise((r) => setTimeout(r, 0));
    expect(timers[1]?.ms).toBe(60_000);
  });

  it('flush - a temporary error reply (phone storage) keeps the records pending and retries by itself in 10 min', async () => {
    const { store, timers, sync } = setup(async () => ({ error: { code: 'storage', message: 'phone storage is full' } }));
    const result = await sync.flush();
    expect(result.error).toBe('phone replied with error storage: phone storage is full');
    expect(timers.map((t) => t.ms)).toEqual([600_000]);
    expect(outboxStatus(store).pending).toBe(3);
  });

  it('flush - a bad-request error reply is not retried by timer; records stay pending with the reason', async () => {
    const { store, timers, sync } = setup(async () => ({ error: { code: 'bad-request', message: 'params must be an object' } }));
    const result = await sync.flush();
    expect(result.error).toBe('phone replied with error bad-request: params must be an object');
    expect(timers).toHaveLength(0);
    expect(outboxStatus(store).pending).toBe(3);
  });

  it('flush - all deferred stops instead of looping', async () => {
    let requests = 0;
    const { sync } = setup(async (_m, p) => {
      requests += 1;
      return { accepted: [], rejected: [], deferred: (p['records'] as { id: string }[]).map((r) => ({ id: r.id, reason: 'bucket damaged' })) };
    });
    const result = await sync.flush();
    expect(result).toMatchObject({ done: false, error: 'bucket damaged' });
    expect(requests).toBe(1);
  });

  it('flush - single flight: a second call while sending joins the first', async () => {
    let requests = 0;
    const { sync } = setup(async (m, p) => {
      requests += 1;
      return acceptAll(m, p);
    });
    const [a, b] = await Promise.all([sync.flush(), sync.flush()]);
    expect(a).toBe(b);
    expect(requests).toBe(1);
  });

  it('onLinkBack - cancels the pending retry and sends now', async () => {
    let fail = true;
    const { timers, sync } = setup(async (m, p) => (fail ? Promise.reject({ code: 2 }) : acceptAll(m, p)));
    await sync.flush();
    fail = false;
    const result = await sync.onLinkBack();
    expect(result.done).toBe(true);
    expect(timers[0]?.cancelled).toBe(true);
  });

  it('fetchPlan - keeps a valid plan; an invalid one leaves the last good plan', async () => {
    let reply: unknown = { plan: makePlan({ weeklyTarget: 2 }) };
    const { store, sync } = setup(async () => reply, 0);
    expect(await sync.fetchPlan()).toMatchObject({ ok: true, changed: true });
    reply = { plan: { ...makePlan(), focusAreas: ['elbows'] } };
    const bad = await sync.fetchPlan();
    expect(bad.ok).toBe(false);
    expect(bad.error).toContain('plan.focusAreas[0] must be one of');
    expect(readPlan(store).plan?.weeklyTarget).toBe(2);
  });

  it('fetchPlan - newer phone prefs are applied; older ones leave the watch change; bad ones are refused while the plan is applied', async () => {
    const phone = { settings: { intensity: 'strong', leadInSeconds: 10, halfwayTick: true, screen: 'allow-off' } as const, updatedAt: NOW - 60_000 };
    let reply: unknown = { plan: makePlan({ weeklyTarget: 2 }), prefs: phone };
    const { store, sync } = setup(async () => reply, 0);
    expect(await sync.fetchPlan()).toMatchObject({ ok: true, changed: true, settings: { settings: phone.settings, changed: true } });
    expect(loadStampedSettings(store)).toEqual(phone);
    // A change on the watch's Settings page, later than the phone's: an older phone value leaves it.
    expect(saveSettings(store, { ...phone.settings, intensity: 'gentle' }, NOW).ok).toBe(true);
    reply = { plan: makePlan({ weeklyTarget: 2 }), prefs: { ...phone, updatedAt: NOW - 1 } };
    expect(await sync.fetchPlan()).toMatchObject({ ok: true, changed: false, settings: { changed: false } });
    expect(loadSettings(store).intensity).toBe('gentle');
    // Malformed prefs with a new plan: the plan is applied, the prefs refused, both reported.
    reply = { plan: makePlan({ weeklyTarget: 4 }), prefs: { settings: { ...phone.settings, leadInSeconds: 40 }, updatedAt: NOW + 1 } };
    const bad = await sync.fetchPlan();
    expect(bad).toMatchObject({ ok: false, changed: true, error: 'prefs.settings.leadInSeconds must be an integer between 0 and 15' });
    expect(bad.settings).toMatchObject({ changed: false, error: 'prefs.settings.leadInSeconds must be an integer between 0 and 15' });
    expect(readPlan(store).plan?.weeklyTarget).toBe(4);
    expect(loadSettings(store).intensity).toBe('gentle');
  });

  it('handleCall - plan.changed fetches; other calls are ignored', async () => {
    const methods: string[] = [];
    const { sync } = setup(async (m) => {
      methods.push(m);
      return { plan: null };
    }, 0);
    expect(sync.handleCall({ method: 'something.else', params: {} })).toBeNull();
    await sync.handleCall({ jsonrpc: 'hmrpcv1', method: 'plan.changed', params: { updatedAt: 5 } });
    expect(methods).toEqual(['plan.get']);
  });
});
