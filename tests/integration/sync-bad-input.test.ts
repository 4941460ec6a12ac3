// Bad input at the side service, sent over the simulated link by the built app's own ZML (the test
// plays a broken or hostile watch): each case is asserted by the error reply's text and by phone
// storage being exactly as before. What is stored first is sent by the built Home at launch.

import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES } from '../../core/sync/protocol';
import { partKey } from '../../core/phone/history-store';
import { rawRecord, makeRecord } from '../fixtures/records';
import { autoCheckErrors, bootWatch, type Simulation } from '../fixtures/sim';
import { appMessaging, settle, untilNothingWaits, type ZmlMessaging } from '../fixtures/built-sync';
import { watchStore } from '../fixtures/sim-storage';
import { enqueue } from '../../core/sync/outbox';

autoCheckErrors();

const START = Date.UTC(2026, 10, 20, 9, 0, 0);

describe('side service - bad input', () => {
  let sim: Simulation;
  let messaging: ZmlMessaging;
  let before: Record<string, string>;

  beforeEach(async () => {
    sim = await bootWatch({ startTime: START, launch: false });
    // Something stored already, so "unchanged" is a real check.
    enqueue(watchStore(sim), makeRecord({ startedAt: Date.UTC(2026, 10, 18, 8, 0, 0) }));
    sim.device.launch();
    expect(await untilNothingWaits(sim, 10_000)).toBe(true);
    const m = appMessaging(sim);
    if (m === null) throw new Error('app not running');
    messaging = m;
    before = sim.side.settingsStorage.toObject();
    expect(Object.keys(before).length).toBeGreaterThan(1);
  });

  const send = (data: unknown, options: Record<string, unknown> = {}): Promise<unknown> => settle(sim, messaging.request(data, { timeout: 20_000, ...options }));
  const unchanged = (): void => expect(sim.side.settingsStorage.toObject()).toEqual(before);

  it('onRequest - truncated JSON gets bad-request naming the JSON problem', async () => {
    const reply = await send('{"method":"sessions.push","params":{"v":1,"records":[{"id":', { contentType: 'text', dataType: 'json' });
    expect(reply).toEqual({ error: { code: 'bad-request', message: 'the request is not valid JSON' } });
    unchanged();
  });

  it('onRequest - records of the wrong type get bad-request "params.records must be a list"', async () => {
    const reply = await send({ method: 'sessions.push', params: { v: 1, records: 'all of them' } });
    expect(reply).toEqual({ error: { code: 'bad-request', message: 'params.records must be a list' } });
    unchanged();
  });

  it('onRequest - params that are not an object get bad-request', async () => {
    const reply = await send({ method: 'sessions.push', params: [1, 2, 3] });
    expect(reply).toEqual({ error: { code: 'bad-request', message: 'params must be an object' } });
    unchanged();
  });

  it('onRequest - a record with wrong field types is rejected by id with the reason, the others unaffected', async () => {
    const bad = rawRecord({ id: 'watch01-bad-1', startedAt: 'yesterday' });
    const reply = await send({ method: 'sessions.push', params: { v: 1, records: [bad] } });
    expect(reply).toMatchObject({ accepted: [], rejected: [{ id: 'watch01-bad-1' }] });
    expect((reply as { rejected: { reason: string }[] }).rejected[0]?.reason).toContain('startedAt must be an integer');
    unchanged();
  });

  it('onRequest - an oversized push gets too-large with the byte count', async () => {
    const huge = rawRecord({ routineName: 'x'.repeat(MAX_PUSH_BYTES) });
    const reply = await send({ method: 'sessions.push', params: { v: 1, records: [huge] } });
    expect(reply).toMatchObject({ error: { code: 'too-large' } });
    expect((reply as { error: { message: string } }).error.message).toMatch(/^sessions\.push request is \d+ bytes; at most 16384$/);
    unchanged();
  });

  it('onRequest - "http.request" gets unknown-method and the phone makes no network call', async () => {
    // Record every network call the side service's realm could make (the simulator's own fetch
    // and downloader are replaced by recorders for this test).
    const calls: unknown[] = [];
    const side = sim.side.runtime as unknown as { service: { realm: { global: Record<string, unknown> } } | null };
    const global = side.service?.realm.global;
    if (global === undefined) throw new Error('side service not running');
    global['fetch'] = (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve({ status: 200, statusText: 'OK', headers: {}, body: 'secret' });
    };
    global['network'] = { downloader: { downloadFile: (...args: unknown[]) => calls.push(args) } };
    const reply = await send({ method: 'http.request', params: { url: 'https://example.com/steal', method: 'POST', body: 'x' } });
    expect(reply).toEqual({ error: { code: 'unknown-method', message: "method 'http.request' is not known (expected sessions.push, plan.get or phone.status)" } });
    expect(calls).toEqual([]);
    unchanged();
  });

  it('onRequest - an unknown method gets unknown-method naming it', async () => {
    const reply = await send({ method: 'sessions.delete', params: {} });
    expect(reply).toEqual({ error: { code: 'unknown-method', message: "method 'sessions.delete' is not known (expected sessions.push, plan.get or phone.status)" } });
    unchanged();
  });

  it('onRequest - a future protocol version gets unsupported-version asking to update', async () => {
    const reply = await send({ method: 'sessions.push', params: { v: 2, records: [] } });
    expect(reply).toEqual({ error: { code: 'unsupported-version', message: 'sync protocol version 2 is newer than this app understands (1); update Knead' } });
    const plan = await send({ method: 'plan.get', params: { v: 3 } });
    expect(plan).toEqual({ error: { code: 'unsupported-version', message: 'sync protocol version 3 is newer than this app understands (1); update Knead' } });
    unchanged();
  });

  it('onRequest - the same push twice is harmless: accepted again, storage unchanged', async () => {
    const stored = JSON.parse(before[partKey('2026-11', 0)] ?? '[]') as unknown[];
    const reply = await send({ method: 'sessions.push', params: { v: 1, records: stored } });
    expect((reply as { accepted: string[] }).accepted).toHaveLength(1);
    unchanged();
  });
});
