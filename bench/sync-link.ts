// Sync over the simulated BLE link (built app.js + app-side.js, ZML's real frames), and the built
// Settings App's render cost as history grows.
//
// Link model (stated, not measured on hardware): BLE payload throughput 20 kB/s, plus 150 ms per
// request for ZML's handshake frame and its answer before the request and the request/response
// turnaround (two connection intervals each way at ~37.5 ms). Simulated seconds =
// bytes / 20,000 + requests × 0.15. Bytes are every frame both ways, headers included.
// Baseline for sync: the naive protocol, one session per request (maxBatchBytes = 1).
// Baseline for rendering: the same Settings App with 100 sessions, one every 14 h (the ratio is the
// growth for 20× the data; target ≤ 3×). 10,000 sessions only fit the phone's 60 months of history
// at one every 4 h, where a month (the History section shows one) holds 3.5× as many: their
// baseline is 1,000 sessions at that same pace, so the ratio is the growth with history alone.

import { performance } from 'node:perf_hooks';
import { addRecords } from '../core/phone/history-store';
import { enqueue } from '../core/sync/outbox';
import type { SessionRecord } from '../core/routines/model';
import { createSimulation } from '../sim/node/index';
import { createWatchSync } from '../core/sync/watch-sync';
import { appMessaging, settle } from '../tests/fixtures/built-sync';
import { watchStore } from '../tests/fixtures/sim-storage';
import { MemoryStore } from '../tests/fixtures/memory-store';
import { makeRecord } from '../tests/fixtures/records';
import type { BenchRow } from './table';
import { ratioOf } from './table';

const GROUP = 'sync link';
const THROUGHPUT_BYTES_PER_S = 20_000;
const PER_REQUEST_S = 0.15;
const SESSIONS = 500;
const NOW = Date.UTC(2026, 10, 20, 9, 0, 0);

function sessions(count: number, everyHours = 14): SessionRecord[] {
  const out: SessionRecord[] = [];
  // Spread over the past months, one or two a day, like a real history.
  for (let i = 0; i < count; i += 1) out.push(makeRecord({ startedAt: NOW - (i + 1) * everyHours * 3_600_000 }));
  return out;
}

interface LinkRun {
  readonly requests: number;
  readonly bytes: number;
  readonly stored: number;
}

async function syncOffline(records: readonly SessionRecord[], maxBatchBytes: number | undefined): Promise<LinkRun> {
  const sim = createSimulation({ startTime: NOW });
  sim.side.start();
  sim.device.launch();
  await sim.clock.advance(1_000);
  // The baseline (one session per request) is a batch size the built app never uses, so here the
  // watch's sync module runs in Node over the built app's own ZML messaging: a measurement of the
  // protocol, not a test of the app (the tests let the built pages flush).
  const messaging = appMessaging(sim);
  if (messaging === null) throw new Error('sync bench: the watch app is not running');
  const store = watchStore(sim);
  const sync = createWatchSync({
    request: (method, params) => messaging.request({ method, params }, { timeout: 20_000 }),
    store,
    clock: sim.clock,
    setTimeout: (cb, ms) => sim.clock.schedule('timeout', 'bench', ms, cb),
    ...(maxBatchBytes === undefined ? {} : { maxBatchBytes }),
  });
  for (const r of records) enqueue(store, r);
  const w0 = sim.link.stats.watchToPhone.bytes + sim.link.stats.phoneToWatch.bytes;
  const result = await settle(sim, sync.flush(), 3_600_000);
  const bytes = sim.link.stats.watchToPhone.bytes + sim.link.stats.phoneToWatch.bytes - w0;
  const stored = Object.keys(sim.side.settingsStorage.toObject()).length;
  sim.device.kill();
  sim.side.stop();
  if (!result.done) throw new Error(`sync bench: flush did not finish (${String(result.error)})`);
  return { requests: result.requests, bytes, stored };
}

function modelSeconds(run: LinkRun): number {
  return run.bytes / THROUGHPUT_BYTES_PER_S + run.requests * PER_REQUEST_S;
}

/** Median wall-clock ms of rebuilding the built Settings App over `count` stored sessions. */
async function renderMs(count: number, everyHours = 14): Promise<number> {
  const store = new MemoryStore();
  const outcome = addRecords(store, sessions(count, everyHours), NOW);
  if (outcome.added.length !== count) throw new Error(`render bench: stored ${outcome.added.length} of ${count} sessions`);
  const sim = createSimulation({ startTime: NOW, settings: store.snapshot() });
  sim.side.openSettings();
  const times: number[] = [];
  for (let i = 0; i < 15; i += 1) {
    const t0 = performance.now();
    sim.side.runtime.renderSettings();
    times.push(performance.now() - t0);
  }
  sim.side.closeSettings();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** The Settings App's build time as history grows, each beside 100 sessions in the same run. */
export async function settingsRenderRows(): Promise<BenchRow[]> {
  const small = await renderMs(100);
  const large = await renderMs(2_000);
  const dense = await renderMs(1_000, 4);
  const huge = await renderMs(10_000, 4);
  const note = 'built setting.js, median of 15 rebuilds';
  return [
    { group: GROUP, metric: 'Settings App build, 2,000 sessions (baseline 100)', knead: large, baseline: small, ratio: ratioOf(large, small), unit: 'ms', note: `${note}; target ≤ 3×` },
    { group: GROUP, metric: 'Settings App build, 10,000 sessions (baseline 1,000)', knead: huge, baseline: dense, ratio: ratioOf(huge, dense), unit: 'ms', note: `${note}; both one session every 4 h` },
  ];
}

export async function syncLinkBench(): Promise<BenchRow[]> {
  const records = sessions(SESSIONS);
  const batched = await syncOffline(records, undefined);
  const naive = await syncOffline(records, 1);
  const kb = (bytes: number): number => Math.round(bytes / 102.4) / 10;
  const model = `${THROUGHPUT_BYTES_PER_S / 1000} kB/s + ${PER_REQUEST_S * 1000} ms/request`;
  return [
    { group: GROUP, metric: `${SESSIONS} queued sessions: requests`, knead: batched.requests, baseline: naive.requests, ratio: ratioOf(batched.requests, naive.requests), unit: 'requests', note: 'baseline: one session per request' },
    { group: GROUP, metric: `${SESSIONS} queued sessions: bytes over the link`, knead: kb(batched.bytes), baseline: kb(naive.bytes), ratio: ratioOf(batched.bytes, naive.bytes), unit: 'KiB', note: 'both directions, frame headers included' },
    { group: GROUP, metric: `${SESSIONS} queued sessions: modelled BLE time`, knead: modelSeconds(batched), baseline: modelSeconds(naive), ratio: ratioOf(modelSeconds(batched), modelSeconds(naive)), unit: 's', note: model },
    ...(await settingsRenderRows()),
  ];
}
