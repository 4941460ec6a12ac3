// Phone push cost: the side service storing one pushed session (answerPush, what a sessions.push
// request costs the phone) into a history of some size, beside the same push into an empty
// history, in the same run. Median of several pushes, each on a fresh copy of the prepared storage.
// - 500 and 1,000 sessions in the current month (target: 1,000 within 2× of an empty month; a
//   month is bounded at MAX_BUCKET_BYTES, so the note says how many the seed could store and
//   whether the measured push was accepted);
// - 3,000 sessions over the past 20 months (one every 4.8 h).

import { performance } from 'node:perf_hooks';
import { addRecords, } from '../core/phone/history-store';
import { answerPush } from '../core/phone/sync-answers';
import type { SessionRecord } from '../core/model';
import { makePushParams } from '../core/sync/protocol';
import { MemoryStore } from '../tests/fixtures/memory-store';
import { makeRecord } from '../tests/fixtures/records';
import { ratioOf } from './table';
import type { BenchRow } from './table';

const NOW = Date.UTC(2026, 10, 30, 20, 0, 0);
const MONTH_START = Date.UTC(2026, 10, 1, 6, 0, 0);
const RUNS = 9;

function history(count: number, firstAt: number, everyMs: number): SessionRecord[] {
  return Array.from({ length: count }, (_, i) => makeRecord({ startedAt: firstAt + i * everyMs }));
}

/** Median ms of pushing one new session into a copy of `seed`, and how many sessions the seed stored. */
function pushMs(seedRecords: readonly SessionRecord[]): { ms: number; stored: number; accepted: boolean } {
  const seed = new MemoryStore();
  // In pushes of 50, as a watch would send them, so a month takes what fits under its bound.
  let stored = 0;
  for (let i = 0; i < seedRecords.length; i += 50) stored += addRecords(seed, seedRecords.slice(i, i + 50), NOW).added.length;
  const snapshot = seed.snapshot();
  const times: number[] = [];
  let accepted = true;
  for (let run = 0; run < RUNS; run += 1) {
    const store = new MemoryStore(snapshot);
    const fresh = makeRecord({ startedAt: NOW - 3_600_000 - run * 60_000 });
    const t0 = performance.now();
    const reply = answerPush(store, makePushParams([fresh]), NOW);
    times.push(performance.now() - t0);
    accepted = accepted && 'accepted' in reply && reply.accepted.includes(fresh.id);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? Number.NaN, stored, accepted };
}

export async function phonePushBench(): Promise<BenchRow[]> {
  const empty = pushMs([]);
  const halfMonth = pushMs(history(500, MONTH_START, 80 * 60_000));
  const fullMonth = pushMs(history(1_000, MONTH_START, 40 * 60_000));
  const longHistory = pushMs(history(3_000, NOW - 3_000 * 4.8 * 3_600_000, 4.8 * 3_600_000));
  const group = 'phone push';
  const note = (r: { stored: number; accepted: boolean }): string => `median of ${RUNS}; ${r.stored} stored before${r.accepted ? '' : '; the push was NOT accepted'}; baseline: empty history`;
  return [
    { group, metric: 'push 1 session, 500 sessions this month', knead: halfMonth.ms, baseline: empty.ms, ratio: ratioOf(halfMonth.ms, empty.ms), unit: 'ms', note: note(halfMonth) },
    { group, metric: 'push 1 session, 1,000 sessions this month', knead: fullMonth.ms, baseline: empty.ms, ratio: ratioOf(fullMonth.ms, empty.ms), unit: 'ms', note: `${note(fullMonth)}; target ≤ 2×` },
    { group, metric: 'push 1 session, 3,000 sessions over 20 months', knead: longHistory.ms, baseline: empty.ms, ratio: ratioOf(longHistory.ms, empty.ms), unit: 'ms', note: note(longHistory) },
  ];
}
