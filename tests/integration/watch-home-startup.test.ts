// Home's startup on the BUILT watch app: Home draws its first frame from one read of each stored
// value, with no request out; the sync (plan fetch, then the outbox flush) starts after that frame,
// updates the phone line when it ends, runs on every open (a Home closed before its sync started
// leaves the sessions for the next open), and never runs beside another page's sync.
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../core/phone/history-store';
import { enqueue } from '../../core/sync/outbox';
import { METHOD_PLAN_GET, METHOD_SESSIONS_PUSH } from '../../core/sync/protocol';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import type { Simulation } from '../fixtures/sim';
import { appMessaging, untilNothingWaits, waitingOnWatch } from '../fixtures/built-sync';
import { phoneStore, watchStore } from '../fixtures/sim-storage';
import { makeRecord, BASE_START, DAY_MS } from '../fixtures/records';
import { makePlan } from '../fixtures/plans';
import { PLAN_KEY } from '../../core/routines/plan-store';

autoCheckErrors();

const CONNECTED = 'Phone connected';
const APP_CLOSED = 'Phone connected — open the Zepp app to sync';

/** A watch that trained away from the phone: a therapist plan and `count` sessions waiting. */
async function watchWithWaiting(count: number, sideService = true): Promise<Simulation> {
  const sim = await bootWatch({ launch: false, sideService, startTime: BASE_START + 30 * DAY_MS });
  const store = watchStore(sim);
  store.setItem(PLAN_KEY, JSON.stringify(makePlan()));
  for (let i = 0; i < count; i += 1) enqueue(store, makeRecord({ startedAt: BASE_START + i * 3_600_000 }), BASE_START);
  return sim;
}

/** Counts the page's reads of each storage key from now on. */
function countReads(sim: Simulation): Map<string, number> {
  const reads = new Map<string, number>();
  const kv = sim.device.disk.kv;
  const get = kv.get.bind(kv);
  kv.get = (key: string) => {
    reads.set(key, (reads.get(key) ?? 0) + 1);
    return get(key);
  };
  return reads;
}

interface RequestLog {
  /** Method of every request the watch app sent, in order. */
  readonly methods: string[];
  /** Most requests out at the same time. */
  mostAtOnce: number;
}

/** Watches the app's own ZML messaging (every page's requests go through it). */
function logRequests(sim: Simulation): RequestLog {
  const messaging = appMessaging(sim);
  if (messaging === null) throw new Error('the watch app is not running');
  const log: RequestLog = { methods: [], mostAtOnce: 0 };
  let out = 0;
  const request = messaging.request.bind(messaging);
  messaging.request = (data, options) => {
    log.methods.push(String((data as { method?: unknown }).method));
    out += 1;
    log.mostAtOnce = Math.max(log.mostAtOnce, out);
    const done = (): void => {
      out -= 1;
    };
    const pending = request(data, options);
    pending.then(done, done);
    return pending;
  };
  return log;
}

describe('Home startup (built)', () => {
  it('Home startup - the first frame shows the routines and the waiting mark from one read of the plan and the outbox, with no request out yet', async () => {
    const sim = await watchWithWaiting(3);
    const reads = countReads(sim);
    sim.device.launch();
    const log = logRequests(sim);
    // build() and the promise jobs it left have run, no timer yet: what the first frame shows.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(log.methods).toEqual([]);
    const texts = sim.device.texts();
    expect(texts).toContain('● 3 waiting to sync');
    expect(texts).toContain('★ Desk reset');
    // A request going out would already say "Syncing…" / "Checking phone…".
    expect(texts).toContain(CONNECTED);
    expect(reads.get(PLAN_KEY)).toBe(1);
    expect(reads.get('outbox')).toBe(1);
    expect(sim.link.stats.watchToPhone.bytes).toBe(0);
  });

  it('Home startup - the sync started after the first frame sends what waits and the screen follows: waiting mark gone, phone line connected', async () => {
    const sim = await watchWithWaiting(3);
    sim.device.launch();
    expect(sim.device.texts()).toContain('● 3 waiting to sync');
    expect(await untilNothingWaits(sim, 30_000)).toBe(true);
    await sim.clock.advance(500);
    expect(readHistory(phoneStore(sim)).records).toHaveLength(3);
    const texts = sim.device.texts();
    expect(texts.some((text) => text.includes('waiting to sync'))).toBe(false);
    expect(texts).toContain(CONNECTED);
  });

  it('Home startup - without the side service the phone line says so once the deferred sync has asked', async () => {
    const sim = await watchWithWaiting(1, false);
    sim.device.launch();
    expect(sim.device.texts()).toContain(CONNECTED);
    await sim.clock.advance(10_000);
    expect(sim.device.texts()).toContain(APP_CLOSED);
    expect(waitingOnWatch(sim)).toBe(1);
  });

  it('Home startup - Home closed before its sync started sends nothing then, and the next open sends every waiting session once', async () => {
    const sim = await watchWithWaiting(4);
    sim.device.launch();
    sim.device.kill();
    await sim.clock.advance(5_000);
    expect(readHistory(phoneStore(sim)).records).toHaveLength(0);
    expect(waitingOnWatch(sim)).toBe(4);
    sim.device.launch();
    expect(await untilNothingWaits(sim, 30_000)).toBe(true);
    await sim.clock.advance(2_000);
    const ids = readHistory(phoneStore(sim)).records.map((r) => r.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('Home startup - a Home that hands the launch to a running session (recovery) is gone before its sync would start, and sends nothing', async () => {
    const sim = await watchWithWaiting(2);
    sim.device.launch();
    await sim.clock.advance(1_000);
    sim.device.click('Desk reset');
    await sim.clock.advance(100);
    sim.device.click('Start');
    await sim.clock.advance(10_000);
    // The app is killed mid-session; the next launch's Home hands over to Session at once.
    sim.device.kill();
    sim.device.launch();
    const log = logRequests(sim);
    await sim.clock.advance(3_000);
    expect(sim.device.currentPage()?.path).toContain('session');
    expect(log.methods).toEqual([]);
  });

  it('Home startup - Home left and opened again while its sync runs: the new sync waits for the old one (one request at a time) and still runs', async () => {
    const sim = await watchWithWaiting(60);
    sim.device.launch();
    const log = logRequests(sim);
    // The first Home's sync starts after its first frame and is still sending when the person
    // opens History and comes back.
    await sim.clock.advance(1);
    expect(log.methods.length).toBeGreaterThan(0);
    sim.device.click('History');
    await sim.clock.advance(1);
    expect(sim.device.currentPage()?.path).toContain('history');
    sim.device.back();
    await sim.clock.advance(1);
    expect(sim.device.currentPage()?.path).toContain('home');
    expect(waitingOnWatch(sim)).toBeGreaterThan(0);
    expect(await untilNothingWaits(sim, 120_000)).toBe(true);
    await sim.clock.advance(5_000);
    expect(log.mostAtOnce).toBe(1);
    // Each open ran its own sync: two plan fetches, and the sessions went once each.
    expect(log.methods.filter((m) => m === METHOD_PLAN_GET)).toHaveLength(2);
    expect(log.methods.filter((m) => m === METHOD_SESSIONS_PUSH).length).toBeGreaterThan(1);
    const ids = readHistory(phoneStore(sim)).records.map((r) => r.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(sim.device.texts()).toContain(CONNECTED);
  });
});
