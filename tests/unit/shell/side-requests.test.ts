import { describe, expect, it } from 'vitest';
import { answerRequest } from '../../../app-side/requests';
import { planChangedCall } from '../../../app-side/plan-notice';
import { settingsKeyValueStore } from '../../../core/kernel/store';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecords } from '../../fixtures/records';
import { makePlan } from '../../fixtures/plans';

const NOW = Date.UTC(2026, 11, 1);

describe('answerRequest', () => {
  it('phone.status - counts stored sessions', () => {
    const store = new MemoryStore();
    expect(answerRequest(store, { method: 'phone.status', params: {} }, NOW)).toEqual({ sessions: 0 });
    answerRequest(store, { method: 'sessions.push', params: { v: 1, records: makeRecords(3) } }, NOW);
    expect(answerRequest(store, { method: 'phone.status', params: {} }, NOW)).toEqual({ sessions: 3 });
  });

  it('sessions.push - twice the same request stores once and accepts both times', () => {
    const store = new MemoryStore();
    const request = { jsonrpc: 'hmrpcv1', method: 'sessions.push', params: { v: 1, records: makeRecords(2) } };
    const first = answerRequest(store, request, NOW);
    const snapshot = store.snapshot();
    const second = answerRequest(store, request, NOW);
    expect(second).toEqual(first);
    expect(store.snapshot()).toEqual(snapshot);
  });

  it('request - a string that is JSON is parsed; one that is not gets bad-request', () => {
    const store = new MemoryStore();
    expect(answerRequest(store, '{"method":"phone.status"}', NOW)).toEqual({ sessions: 0 });
    expect(answerRequest(store, '{"method":', NOW)).toEqual({ error: { code: 'bad-request', message: 'the request is not valid JSON' } });
    expect(answerRequest(store, null, NOW)).toEqual({ error: { code: 'bad-request', message: 'the request must be an object with a method' } });
    expect(store.keys()).toEqual([]);
  });

  it('plan.get - no plan is null; an unreadable stored plan is a storage error, left in place', () => {
    const store = new MemoryStore();
    expect(answerRequest(store, { method: 'plan.get', params: { v: 1 } }, NOW)).toEqual({ plan: null });
    store.setItem('plan', JSON.stringify(makePlan()));
    expect(answerRequest(store, { method: 'plan.get', params: { v: 1 } }, NOW)).toEqual({ plan: makePlan() });
    store.setItem('plan', '{"v":1,');
    const reply = answerRequest(store, { method: 'plan.get' }, NOW);
    expect(reply).toMatchObject({ error: { code: 'storage' } });
    expect(store.getItem('plan')).toBe('{"v":1,');
  });

  it('plan.get - carries the stored prefs stamped; a flat (older) value as updatedAt 0; none or unusable prefs are left out', () => {
    const store = new MemoryStore();
    const settings = { intensity: 'strong', leadInSeconds: 10, halfwayTick: true, screen: 'allow-off' } as const;
    store.setItem('prefs', JSON.stringify({ settings, updatedAt: NOW - 5 }));
    expect(answerRequest(store, { method: 'plan.get', params: { v: 1 } }, NOW)).toEqual({ plan: null, prefs: { settings, updatedAt: NOW - 5 } });
    store.setItem('prefs', JSON.stringify(settings));
    expect(answerRequest(store, { method: 'plan.get', params: { v: 1 } }, NOW)).toEqual({ plan: null, prefs: { settings, updatedAt: 0 } });
    store.setItem('prefs', JSON.stringify({ settings: { ...settings, leadInSeconds: 99 }, updatedAt: 1 }));
    expect(answerRequest(store, { method: 'plan.get', params: { v: 1 } }, NOW)).toEqual({ plan: null });
    expect(store.getItem('prefs')).toBe(JSON.stringify({ settings: { ...settings, leadInSeconds: 99 }, updatedAt: 1 }));
  });

  it('unknown method - names the method, shortened when huge', () => {
    const reply = answerRequest(new MemoryStore(), { method: 'x'.repeat(1000) }, NOW) as { error: { message: string } };
    expect(reply.error.message.length).toBeLessThan(200);
    expect(answerRequest(new MemoryStore(), {}, NOW)).toMatchObject({ error: { code: 'unknown-method', message: expect.stringContaining('method missing') } });
  });
});

describe('planChangedCall', () => {
  it('plan key - call with the plan updatedAt', () => {
    const plan = makePlan({ updatedAt: 1234 });
    expect(planChangedCall({ key: 'plan', newValue: JSON.stringify(plan), oldValue: null }, NOW)).toEqual({ method: 'plan.changed', params: { updatedAt: 1234 } });
  });
  it('plan removed or unreadable - call with now', () => {
    expect(planChangedCall({ key: 'plan', newValue: null, oldValue: '{}' }, NOW)).toEqual({ method: 'plan.changed', params: { updatedAt: NOW } });
    expect(planChangedCall({ key: 'plan', newValue: 'garbage', oldValue: null }, NOW)?.params.updatedAt).toBe(NOW);
  });
  it('prefs key - the same plan.changed call, with the prefs updatedAt (or now when unreadable)', () => {
    const prefs = JSON.stringify({ settings: { intensity: 'strong', leadInSeconds: 10, halfwayTick: true, screen: 'allow-off' }, updatedAt: 4321 });
    expect(planChangedCall({ key: 'prefs', newValue: prefs, oldValue: null }, NOW)).toEqual({ method: 'plan.changed', params: { updatedAt: 4321 } });
    expect(planChangedCall({ key: 'prefs', newValue: '{"intensity":"strong"}', oldValue: null }, NOW)).toEqual({ method: 'plan.changed', params: { updatedAt: NOW } });
    expect(planChangedCall({ key: 'prefs', newValue: prefs, oldValue: prefs }, NOW)).toBeNull();
  });
  it('other keys, no change, odd launch args - no call', () => {
    expect(planChangedCall({ key: 'ui:history-month', newValue: '2026-11', oldValue: null }, NOW)).toBeNull();
    expect(planChangedCall({ key: 'plan', newValue: 'a', oldValue: 'a' }, NOW)).toBeNull();
    expect(planChangedCall(undefined, NOW)).toBeNull();
    expect(planChangedCall('plan', NOW)).toBeNull();
  });
});

describe('settingsKeyValueStore', () => {
  it('keys - come from toObject', () => {
    const data: Record<string, string> = { a: '1' };
    const store = settingsKeyValueStore({
      getItem: (k) => data[k] ?? null,
      setItem: (k, v) => {
        data[k] = v;
      },
      removeItem: (k) => {
        delete data[k];
      },
      toObject: () => ({ ...data }),
    });
    store.setItem('b', '2');
    store.removeItem('a');
    expect(store.keys()).toEqual(['b']);
    expect(store.getItem('b')).toBe('2');
  });
});
