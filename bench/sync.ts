// Sync and phone storage sizes, Knead beside a naive baseline in the same run:
//
// - Phone storage: 500 sessions pushed one at a time into month buckets ('history:YYYY-MM' +
//   a small index) versus one 'history' key holding every record, rewritten on each add
//   (settingsStorage holds strings, so any change rewrites the whole value).
// - Outbox: 500 queued sessions sent in batches of at most MAX_PUSH_BYTES versus one request
//   per session; ZML splits every payload into 3584-byte BLE frames and does a 5 s handshake
//   before each request, so the request count is what the person waits for.
//
// Records are built by the real record builder from the built-in routines, with check-ins.

import { answerPush } from '../core/phone/sync-answers';
import { LIBRARY } from '../core/routines/library';
import type { AreaCheckIn, Routine, SessionRecord, StepRecord, Tightness } from '../core/routines/model';
import { buildRecord, newSessionId, withCheckIn } from '../core/records/record';
import { acknowledge, enqueue, nextBatch } from '../core/sync/outbox';
import { MAX_PUSH_BYTES, WATCH_PUSH_BYTES, makePushParams } from '../core/sync/protocol';
import { ratioOf } from './table';
import type { BenchRow } from './table';
import { MemoryStore } from '../tests/fixtures/memory-store';
import { mulberry32 } from '../sim/platform/prng';

const SESSIONS = 500;
const BLE_FRAME_BYTES = 3584;
const T0 = Date.UTC(2025, 0, 6, 7, 30);
const HOUR_MS = 3_600_000;

/** Every character a store has been asked to write (key + value, as settingsStorage sees them). */
function bytesWritten(store: MemoryStore): number {
  return store.writes.reduce((sum, write) => sum + write.bytes, 0);
}


function makeSessions(): SessionRecord[] {
  const random = mulberry32(42);
  const out: SessionRecord[] = [];
  for (let i = 0; i < SESSIONS; i += 1) {
    const routine = LIBRARY[i % LIBRARY.length] as Routine;
    // Roughly five sessions a week, at varying times of day.
    const startedAt = T0 + Math.floor(i * 1.4 * 24 * HOUR_MS + random() * 12 * HOUR_MS);
    const steps: StepRecord[] = routine.steps.map((s) => ({ area: s.area, side: s.side, plannedMs: s.seconds * 1000, doneMs: s.seconds * 1000, skipped: false }));
    const duration = steps.reduce((sum, s) => sum + s.doneMs, 0);
    const base = buildRecord({
      sessionId: newSessionId('watch-5c2e91ab', startedAt, random),
      routine,
      startedAt,
      endedAt: startedAt + duration,
      tzOffsetMin: 60,
      status: 'completed',
      steps,
    });
    const areas = Array.from(new Set(steps.map((s) => s.area)));
    const checkIns: AreaCheckIn[] = areas.map((area) => ({
      area,
      tightness: Math.floor(random() * 4) as Tightness,
      newSoreness: random() < 0.1,
      sidesDiffer: random() < 0.2,
      pain: false,
    }));
    const checked = withCheckIn(base, checkIns, random() < 0.5 ? ['felt-good'] : []);
    out.push(checked.ok ? checked.value : base);
  }
  return out;
}

function phoneStorageRows(sessions: readonly SessionRecord[]): BenchRow[] {
  const now = T0 + 2 * 365 * 24 * HOUR_MS;
  const buckets = new MemoryStore();
  const single = new MemoryStore();
  const all: SessionRecord[] = [];
  let bucketLast = 0;
  let singleLast = 0;
  sessions.forEach((record, index) => {
    const beforeBuckets = bytesWritten(buckets);
    const beforeSingle = bytesWritten(single);
    answerPush(buckets, makePushParams([record]), now);
    all.push(record);
    single.setItem('history', JSON.stringify(all));
    if (index === sessions.length - 1) {
      bucketLast = bytesWritten(buckets) - beforeBuckets;
      singleLast = bytesWritten(single) - beforeSingle;
    }
  });
  const group = 'phone storage';
  const note = `${SESSIONS} sessions, month buckets vs one key`;
  return [
    { group, metric: 'mean bytes rewritten per added session', knead: Math.round(bytesWritten(buckets) / SESSIONS), baseline: Math.round(bytesWritten(single) / SESSIONS), ratio: ratioOf(bytesWritten(buckets), bytesWritten(single)), unit: 'chars', note },
    { group, metric: `bytes rewritten for session #${SESSIONS}`, knead: bucketLast, baseline: singleLast, ratio: ratioOf(bucketLast, singleLast), unit: 'chars', note },
    { group, metric: 'bytes stored at the end', knead: buckets.usedBytes(), baseline: single.usedBytes(), ratio: ratioOf(buckets.usedBytes(), single.usedBytes()), unit: 'chars', note: 'the index and keys cost little' },
  ];
}

/** Requests to send `sessions` in batches of at most `maxBytes` (each acknowledged whole). */
function batchedRequests(sessions: readonly SessionRecord[], maxBytes: number): number {
  const store = new MemoryStore();
  for (const record of sessions) enqueue(store, record);
  let requests = 0;
  for (;;) {
    const batch = nextBatch(store, maxBytes);
    if (batch.ids.length === 0) return requests;
    requests += 1;
    acknowledge(store, batch.ids, [], T0);
  }
}

function outboxRows(sessions: readonly SessionRecord[]): BenchRow[] {
  const store = new MemoryStore();
  for (const record of sessions) enqueue(store, record);
  let requests = 0;
  let bytes = 0;
  let frames = 0;
  for (;;) {
    const batch = nextBatch(store, MAX_PUSH_BYTES);
    if (batch.ids.length === 0) break;
    requests += 1;
    bytes += batch.bytes;
    frames += Math.ceil(batch.bytes / BLE_FRAME_BYTES);
    acknowledge(store, batch.ids, [], T0);
  }
  let naiveBytes = 0;
  let naiveFrames = 0;
  for (const record of sessions) {
    const size = JSON.stringify(makePushParams([record])).length;
    naiveBytes += size;
    naiveFrames += Math.ceil(size / BLE_FRAME_BYTES);
  }
  const group = 'outbox batching';
  const note = `${SESSIONS} sessions, ${MAX_PUSH_BYTES / 1024} KB batches vs one per request`;
  // What the watch sends: each push fits one ZML frame (WATCH_PUSH_BYTES), so a lost frame costs
  // one small request; the 16 KB batches above are what the phone accepts.
  const oneFrame = batchedRequests(sessions, WATCH_PUSH_BYTES);
  return [
    { group, metric: 'requests', knead: requests, baseline: SESSIONS, ratio: ratioOf(requests, SESSIONS), unit: 'requests', note },
    { group, metric: 'requests, one ZML frame per push (what the watch sends)', knead: oneFrame, baseline: SESSIONS, ratio: ratioOf(oneFrame, SESSIONS), unit: 'requests', note: `${SESSIONS} sessions, ${WATCH_PUSH_BYTES} B batches vs one per request; ${requests} with ${MAX_PUSH_BYTES / 1024} KB batches` },
    { group, metric: 'payload bytes', knead: bytes, baseline: naiveBytes, ratio: ratioOf(bytes, naiveBytes), unit: 'bytes', note },
    { group, metric: 'BLE frames (3584 B)', knead: frames, baseline: naiveFrames, ratio: ratioOf(frames, naiveFrames), unit: 'frames', note: 'plus one 5 s handshake per request' },
  ];
}

export async function syncBench(): Promise<BenchRow[]> {
  const sessions = makeSessions();
  return phoneStorageRows(sessions).concat(outboxRows(sessions));
}
