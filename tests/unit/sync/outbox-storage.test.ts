// How the watch outbox sits in storage (issue 10, finding 13): a small index plus one key per held
// session, so saving a session costs the same whatever the queue; the old single-key outbox is
// converted without losing anything; one damaged key costs only itself.
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { MAX_SLOT_SPAN, OUTBOX_KEY, acknowledge, enqueue, loadOutbox, nextBatch, outboxStatus } from '../../../core/sync/outbox';
import { RECENT_LIMIT } from '../../../core/sync/recent-history';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord, makeRecords } from '../../fixtures/records';

const NOW = BASE_START + 400 * DAY_MS;
const HOUR_MS = 3_600_000;

function ids(records: readonly SessionRecord[]): string[] {
  return records.map((r) => r.id);
}

function recentEntry(record: SessionRecord, sync: string, reason?: string): string {
  const base = `"id":${JSON.stringify(record.id)},"routineId":${JSON.stringify(record.routineId)},"routineName":${JSON.stringify(record.routineName)},"startedAt":${record.startedAt},"endedAt":${record.endedAt},"tzOffsetMin":${record.tzOffsetMin},"status":"${record.status}","sync":"${sync}"`;
  return reason === undefined ? `{${base}}` : `{${base},"reason":${JSON.stringify(reason)}}`;
}

/** Bytes (key + value) written by `act`, counted at the store. */
function bytesWritten(store: MemoryStore, act: () => void): number {
  const before = store.writes.length;
  act();
  return store.writes.slice(before).reduce((sum, w) => sum + w.bytes, 0);
}

describe('outbox storage', () => {
  it('outbox storage - an outbox saved by an older Knead as one key is converted on first load with nothing lost', () => {
    const [first, second, refused] = [makeRecord({ startedAt: BASE_START }), makeRecord({ startedAt: BASE_START + HOUR_MS }), makeRecord({ startedAt: BASE_START + 2 * HOUR_MS })] as [SessionRecord, SessionRecord, SessionRecord];
    // Written the way Knead 0.1 stored it: everything under one key, version 1.
    const legacy =
      `{"v":1,"pending":[{"id":${JSON.stringify(first.id)},"record":${JSON.stringify(first)},"attempts":2,"lastError":"code 2: disconnected"},` +
      `{"id":${JSON.stringify(second.id)},"record":${JSON.stringify(second)},"attempts":0}],` +
      `"rejected":[{"id":${JSON.stringify(refused.id)},"record":${JSON.stringify(refused)},"reason":"another session already has this id","rejectedAt":${NOW}}],` +
      `"recent":[${recentEntry(refused, 'rejected', 'another session already has this id')},${recentEntry(second, 'pending')},${recentEntry(first, 'pending')}]}`;
    const store = new MemoryStore({ [OUTBOX_KEY]: legacy });

    const loaded = loadOutbox(store);
    expect(loaded.problem).toBeUndefined();
    expect(loaded.state.pending).toEqual([
      { id: first.id, record: first, attempts: 2, lastError: 'code 2: disconnected' },
      { id: second.id, record: second, attempts: 0 },
    ]);
    expect(loaded.state.rejected).toEqual([{ id: refused.id, record: refused, reason: 'another session already has this id', rejectedAt: NOW }]);
    expect(outboxStatus(store).recent.map((e) => [e.id, e.sync])).toEqual([[refused.id, 'rejected'], [second.id, 'pending'], [first.id, 'pending']]);
    // Converted once: the index no longer carries the sessions, and a second load writes nothing.
    expect(String(store.getItem(OUTBOX_KEY))).not.toContain('"steps"');
    const writes = store.writes.length;
    loadOutbox(store);
    expect(store.writes.length).toBe(writes);
    // And it behaves as before: oldest first, only acknowledged sessions leave.
    expect(nextBatch(store).ids).toEqual([first.id, second.id]);
    expect(acknowledge(store, [first.id], [], NOW)).toEqual({ ok: true, accepted: 1, rejected: 0 });
    expect(loadOutbox(store).state.pending.map((e) => e.id)).toEqual([second.id]);
    expect(loadOutbox(store).state.rejected.map((e) => e.id)).toEqual([refused.id]);
  });

  it('outbox storage - an old outbox that cannot be converted on a read-only disk is left as it was and says so', () => {
    const record = makeRecord();
    const legacy = `{"v":1,"pending":[{"id":${JSON.stringify(record.id)},"record":${JSON.stringify(record)},"attempts":0}],"rejected":[],"recent":[]}`;
    const store = new MemoryStore({ [OUTBOX_KEY]: legacy });
    store.failWrites = true;
    expect(enqueue(store, makeRecord())).toEqual({ ok: false, error: 'could not convert the outbox to one key per session (could not save outbox:r:0: storage write failed), so nothing was changed' });
    expect(store.snapshot()).toEqual({ [OUTBOX_KEY]: legacy });
    store.failWrites = false;
    expect(loadOutbox(store).state.pending.map((e) => e.id)).toEqual([record.id]);
  });

  it('outbox storage - a damaged session key is set aside verbatim alone and the other sessions are kept', () => {
    const store = new MemoryStore();
    const records = makeRecords(3);
    for (const r of records) enqueue(store, r);
    store.setItem('outbox:r:1', '{"v":2,"n":1,"status":"pending","id":');

    const loaded = loadOutbox(store);
    expect(loaded.problem).toBe("stored session outbox:r:1 was unreadable; the original was set aside under 'outbox.quarantine.1' and 2 readable entries were kept");
    expect(store.getItem('outbox.quarantine.1')).toBe('{"v":2,"n":1,"status":"pending","id":');
    expect(store.getItem('outbox:r:1')).toBeNull();
    expect(loaded.state.pending.map((e) => e.id)).toEqual([records[0]?.id, records[2]?.id]);
    // Set aside once: the next load is clean and queueing still works.
    expect(loadOutbox(store).problem).toBeUndefined();
    expect(enqueue(store, makeRecord())).toEqual({ ok: true });
    expect(loadOutbox(store).state.pending).toHaveLength(3);
  });

  it('outbox storage - a session found in two keys after a crash keeps its newest state and sets the stale copy aside', () => {
    const store = new MemoryStore();
    const [waiting, record] = makeRecords(2) as [SessionRecord, SessionRecord];
    enqueue(store, waiting);
    enqueue(store, record);
    const stale = String(store.getItem('outbox:r:1'));
    acknowledge(store, [], [{ id: record.id, reason: 'another session already has this id' }], NOW);
    // The crash: the refusal was written to a new key, but the old key was never removed.
    store.setItem('outbox:r:1', stale);

    const loaded = loadOutbox(store);
    expect(loaded.state.pending.map((e) => e.id)).toEqual([waiting.id]);
    expect(loaded.state.rejected.map((e) => [e.id, e.reason])).toEqual([[record.id, 'another session already has this id']]);
    expect(store.getItem('outbox.quarantine.1')).toBe(stale);
  });

  it('outbox storage - saving a session writes the same bytes with 0 and with 500 sessions waiting', () => {
    const waiting = makeRecords(500).map((r, i) => ({ ...r, startedAt: BASE_START + i * 60_000 }));
    const sent = makeRecords(RECENT_LIMIT).map((r, i) => ({ ...r, startedAt: BASE_START + 100 * DAY_MS + i * HOUR_MS }));
    const finished = makeRecord({ startedAt: BASE_START + 200 * DAY_MS });
    // Both stores show the same recent list (the same sessions, sent), so only the queue differs.
    const empty = new MemoryStore();
    for (const r of sent) enqueue(empty, r);
    acknowledge(empty, ids(sent), [], NOW);
    const full = new MemoryStore();
    for (const r of waiting.concat(sent)) enqueue(full, r);
    acknowledge(full, ids(sent), [], NOW);
    expect(loadOutbox(empty).state.pending).toHaveLength(0);
    expect(loadOutbox(full).state.pending).toHaveLength(500);

    const atZero = bytesWritten(empty, () => enqueue(empty, finished));
    const atFiveHundred = bytesWritten(full, () => enqueue(full, finished));
    // Only slot numbers differ (a few more digits); one key rewritten whole differed by ~350 KB.
    expect(Math.abs(atFiveHundred - atZero)).toBeLessThanOrEqual(4);
    expect(atZero).toBeGreaterThan(JSON.stringify(finished).length);
  });

  it('outbox storage - a long-refused session never makes the stored span grow past its bound', () => {
    const store = new MemoryStore();
    const refused = makeRecord({ startedAt: BASE_START });
    enqueue(store, refused);
    acknowledge(store, [], [{ id: refused.id, reason: 'another session already has this id' }], NOW);
    const later = makeRecords(MAX_SLOT_SPAN + 300).map((r, i) => ({ ...r, startedAt: BASE_START + HOUR_MS + i * 60_000 }));
    for (const r of later) {
      enqueue(store, r);
      acknowledge(store, [r.id], [], NOW);
    }
    const index = JSON.parse(String(store.getItem(OUTBOX_KEY))) as { head: number; tail: number };
    expect(index.tail - index.head).toBeLessThanOrEqual(MAX_SLOT_SPAN);
    expect(index.tail).toBeGreaterThan(MAX_SLOT_SPAN);
    expect(loadOutbox(store).state.rejected.map((e) => [e.id, e.reason])).toEqual([[refused.id, 'another session already has this id']]);
    expect(loadOutbox(store).state.pending).toEqual([]);
  });
});
