// Phone push cost: the side service storing one pushed session (answerPush, what a sessions.push
// request costs the phone) into a history of some size, beside the same push into an empty
// history, in the same run. Every scenario is seeded first, then all are timed in turns (warm-up
// rounds discarded), each push on a fresh copy of its seeded storage; the median is reported.
// - 500 and 1,000 sessions in the current month (target: 1,000 within 2× of an empty month);
// - 3,000 sessions over the past 20 months (one every 4.8 h);
// - the one-time conversion of layout 1 (a 1,000-session month stored as one value) on the first
//   push after the update, for scale.

import { performance } from 'node:perf_hooks';
import { addRecords, bucketKey, monthOf } from '../core/phone/history-store';
import { answerPush } from '../core/phone/sync-answers';
import type { SessionRecord } from '../core/routines/model';
import { makePushParams } from '../core/sync/protocol';
import { STORAGE_VERSION_KEY } from '../core/kernel/storage-version';
import { MemoryStore } from '../tests/fixtures/memory-store';
import { makeRecord } from '../tests/fixtures/records';
import { ratioOf } from './table';
import type { BenchRow } from './table';

const NOW = Date.UTC(2026, 10, 30, 20, 0, 0);
const MONTH_START = Date.UTC(2026, 10, 1, 6, 0, 0);
const WARMUP = 5;
const RUNS = 31;

function history(count: number, firstAt: number, everyMs: number): SessionRecord[] {
  return Array.from({ length: count }, (_, i) => makeRecord({ startedAt: firstAt + i * everyMs }));
}

interface Scenario {
  readonly snapshot: Record<string, string>;
  readonly stored: number;
  readonly times: number[];
  accepted: boolean;
}

/** Storage holding `records`, stored in pushes of 50 as a watch would send them. */
function seeded(records: readonly SessionRecord[]): Scenario {
  const seed = new MemoryStore();
  let stored = 0;
  for (let i = 0; i < records.length; i += 50) stored += addRecords(seed, records.slice(i, i + 50), NOW).added.length;
  return { snapshot: seed.snapshot(), stored, times: [], accepted: true };
}

/** Storage as layout 1 left it: the month in one value. */
function layoutOne(records: readonly SessionRecord[]): Scenario {
  const month = monthOf(records[0] as SessionRecord);
  return { snapshot: { [STORAGE_VERSION_KEY]: '1', [bucketKey(month)]: JSON.stringify(records) }, stored: records.length, times: [], accepted: true };
}

function timeOnePush(scenario: Scenario, run: number, keep: boolean): void {
  const store = new MemoryStore(scenario.snapshot);
  const fresh = makeRecord({ startedAt: NOW - 3_600_000 - run * 60_000 });
  const t0 = performance.now();
  const reply = answerPush(store, makePushParams([fresh]), NOW);
  const ms = performance.now() - t0;
  if (!keep) return;
  scenario.times.push(ms);
  scenario.accepted = scenario.accepted && 'accepted' in reply && reply.accepted.includes(fresh.id);
}

function median(times: readonly number[]): number {
  const sorted = times.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function phonePushBench(): Promise<BenchRow[]> {
  const empty = seeded([]);
  const halfMonth = seeded(history(500, MONTH_START, 80 * 60_000));
  const fullMonth = seeded(history(1_000, MONTH_START, 40 * 60_000));
  const longHistory = seeded(history(3_000, NOW - 3_000 * 4.8 * 3_600_000, 4.8 * 3_600_000));
  const converting = layoutOne(history(1_000, MONTH_START, 40 * 60_000));
  const all = [empty, halfMonth, fullMonth, longHistory, converting];
  for (let run = 0; run < WARMUP + RUNS; run += 1) for (const s of all) timeOnePush(s, run, run >= WARMUP);
  const base = median(empty.times);
  const group = 'phone push';
  const note = (r: Scenario): string => `median of ${RUNS}; ${r.stored} stored before${r.accepted ? '' : '; the push was NOT accepted'}; baseline: empty history`;
  // In µs: a push is a fraction of a millisecond, which the table's one decimal would hide.
  const row = (metric: string, s: Scenario, extra = ''): BenchRow => ({ group, metric, knead: median(s.times) * 1000, baseline: base * 1000, ratio: ratioOf(median(s.times), base), unit: 'µs', note: `${note(s)}${extra}` });
  return [
    row('push 1 session, 500 sessions this month', halfMonth),
    row('push 1 session, 1,000 sessions this month', fullMonth, '; target ≤ 2×'),
    row('push 1 session, 3,000 sessions over 20 months', longHistory),
    row('first push after the update, 1,000-session month in layout 1', converting, '; one time: converts the month into parts'),
  ];
}
