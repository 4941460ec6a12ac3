// Storage cost of sync on both ends (issue 10): bytes the watch writes for one finished session as
// the queue grows, and the largest single value written to the phone's settingsStorage as the
// history grows. Counted at the KeyValueStore (key + value characters of every setItem).

import { answerPush } from '../core/phone/sync-answers';
import { makePushParams } from '../core/sync/protocol';
import { MAX_OUTBOX_RECORDS, acknowledge, enqueue } from '../core/sync/outbox';
import { RECENT_LIMIT } from '../core/sync/recent-history';
import { saveFinished } from '../core/watch/finish';
import { MemoryStore } from '../tests/fixtures/memory-store';
import { makeRecord } from '../tests/fixtures/records';
import type { BenchRow } from './table';
import { ratioOf } from './table';

const GROUP = 'sync storage';
const NOW = Date.UTC(2026, 10, 20, 9, 0, 0);

/**
 * Bytes written on the watch when one more session finishes with `waiting` already queued. Every
 * run first sends RECENT_LIMIT newer sessions, so the watch's recent list (kept in the outbox
 * index, bounded) is full in each: the rows then compare the queue alone.
 */
function watchBytesPerSession(waiting: number): number {
  const store = new MemoryStore();
  const sent = [];
  for (let i = 0; i < RECENT_LIMIT; i += 1) sent.push(makeRecord({ startedAt: NOW - (i + 2) * 60_000 }));
  for (const record of sent) enqueue(store, record);
  acknowledge(store, sent.map((r) => r.id), [], NOW);
  for (let i = 0; i < waiting; i += 1) enqueue(store, makeRecord({ startedAt: NOW - (i + 2) * 3_600_000 }));
  const before = store.writes.length;
  const saved = saveFinished(store, makeRecord({ startedAt: NOW - 60_000 }));
  if (!saved.queued) throw new Error(`storage bench: the session was not queued (${String(saved.error)})`);
  return store.writes.slice(before).reduce((sum, w) => sum + w.bytes, 0);
}

/** The largest value the phone ever wrote while `count` sessions arrived in pushes of 20 (one every 4 h). */
function largestPhoneValue(count: number): number {
  const store = new MemoryStore();
  const records = [];
  for (let i = 0; i < count; i += 1) records.push(makeRecord({ startedAt: NOW - (count - i) * 4 * 3_600_000 }));
  for (let i = 0; i < records.length; i += 20) {
    const reply = answerPush(store, makePushParams(records.slice(i, i + 20)), NOW);
    if ('error' in reply || reply.accepted.length !== Math.min(20, records.length - i)) throw new Error(`storage bench: a push was not stored: ${JSON.stringify(reply).slice(0, 300)}`);
  }
  return store.writes.reduce((max, w) => Math.max(max, w.bytes), 0);
}

export async function syncStorageBench(): Promise<BenchRow[]> {
  const kib = (bytes: number): number => Math.round(bytes / 102.4) / 10;
  const none = watchBytesPerSession(0);
  const hundred = watchBytesPerSession(100);
  // The outbox holds at most MAX_OUTBOX_RECORDS, the finished one included.
  const full = watchBytesPerSession(MAX_OUTBOX_RECORDS - 1);
  const small = largestPhoneValue(1_000);
  const large = largestPhoneValue(10_000);
  const note = 'key + value characters of every write, recent list full in both; target flat (≈ 1×): one key per session plus a small index';
  return [
    { group: GROUP, metric: 'watch bytes written per finished session, 100 waiting (baseline 0 waiting, 30 sent)', knead: kib(hundred), baseline: kib(none), ratio: ratioOf(hundred, none), unit: 'KiB', note },
    { group: GROUP, metric: `watch bytes written per finished session, ${MAX_OUTBOX_RECORDS - 1} waiting (baseline 0 waiting, 30 sent)`, knead: kib(full), baseline: kib(none), ratio: ratioOf(full, none), unit: 'KiB', note },
    { group: GROUP, metric: 'largest value written to settingsStorage, 10,000 sessions (baseline 1,000)', knead: kib(large), baseline: kib(small), ratio: ratioOf(large, small), unit: 'KiB', note: 'pushes of 20 (16 KB), one session every 4 h; month parts are bounded at 16 KiB' },
  ];
}
