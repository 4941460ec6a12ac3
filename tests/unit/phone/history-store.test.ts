import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/model';
import { HISTORY_INDEX_KEY, bucketKey, monthOf, pushSessions, readHistory, readIndex } from '../../../core/phone/history-store';
import { STORAGE_VERSION_KEY } from '../../../core/phone/storage-version';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord, makeRecords } from '../../fixtures/records';

const NOW = BASE_START + 200 * DAY_MS;

describe('history store', () => {
  it('pushSessions - stores valid records and accepts their ids', () => {
    const store = new MemoryStore();
    const records = makeRecords(3);
    expect(pushSessions(store, makePushParams(records), NOW)).toEqual({ accepted: records.map((r) => r.id), rejected: [] });
    expect(readHistory(store)).toEqual({ records, problems: [] });
    expect(store.getItem(STORAGE_VERSION_KEY)).toBe('1');
  });

  it('pushSessions - a repeated request is accepted again and stores nothing twice', () => {
    const store = new MemoryStore();
    const records = makeRecords(2);
    pushSessions(store, makePushParams(records), NOW);
    const before = store.snapshot();
    expect(pushSessions(store, makePushParams(records), NOW)).toEqual({ accepted: records.map((r) => r.id), rejected: [] });
    expect(store.snapshot()).toEqual(before);
  });

  it('pushSessions - an invalid record is rejected with its reason, the others stored', () => {
    const store = new MemoryStore();
    const good = makeRecord();
    const bad = { ...makeRecord(), tzOffsetMin: 900 };
    expect(pushSessions(store, makePushParams([good, bad]), NOW)).toEqual({
      accepted: [good.id],
      rejected: [{ id: bad.id, reason: 'records[1].tzOffsetMin must be an integer between -720 and 840' }],
    });
  });

  it('pushSessions - files a session under its local month, not the UTC one', () => {
    const lateNight = makeRecord({ startedAt: Date.UTC(2026, 9, 31, 23, 30), endedAt: Date.UTC(2026, 9, 31, 23, 40), tzOffsetMin: 60 });
    expect(monthOf(lateNight)).toBe('2026-11');
    const store = new MemoryStore();
    pushSessions(store, makePushParams([lateNight]), NOW);
    expect(store.getItem(bucketKey('2026-11'))).toContain(lateNight.id);
  });

  it('pushSessions - adding a session rewrites only its month and the index', () => {
    const store = new MemoryStore();
    pushSessions(store, makePushParams(makeRecords(20)), NOW);
    store.writes.length = 0;
    pushSessions(store, makePushParams([makeRecord({ startedAt: BASE_START + 25 * DAY_MS })]), NOW);
    expect(store.writes.map((w) => w.key)).toEqual([bucketKey('2026-12'), HISTORY_INDEX_KEY]);
  });

  it('pushSessions - a damaged month is reported, kept as it was, and its sessions stay on the watch', () => {
    const store = new MemoryStore({ [bucketKey('2026-11')]: '[{"v":1,', [STORAGE_VERSION_KEY]: '1' });
    const older = makeRecord({ startedAt: Date.UTC(2026, 9, 5, 9) });
    pushSessions(store, makePushParams([older]), NOW);
    const record = makeRecord();
    const reply = pushSessions(store, makePushParams([record]), NOW);
    expect(reply).toMatchObject({ accepted: [], rejected: [] });
    expect('deferred' in reply && reply.deferred?.[0]?.reason).toBe(
      'phone storage for 2026-11 (history:2026-11) is not valid JSON; the session stays on the watch until this is repaired',
    );
    expect(store.getItem(bucketKey('2026-11'))).toBe('[{"v":1,');
    const history = readHistory(store);
    expect(history.records.map((r) => r.id)).toEqual([older.id]);
    expect(history.problems).toHaveLength(1);
  });

  it('pushSessions - a full disk defers everything and leaves storage unchanged', () => {
    const store = new MemoryStore();
    pushSessions(store, makePushParams(makeRecords(3)), NOW);
    const before = store.snapshot();
    store.failAfterWrites = 1;
    const record = makeRecord({ startedAt: BASE_START + 40 * DAY_MS });
    const reply = pushSessions(store, makePushParams([record]), NOW);
    expect(reply).toEqual({
      accepted: [],
      rejected: [],
      deferred: [{ id: record.id, reason: 'phone storage refused the write (could not save history:index: storage write failed)' }],
    });
    expect(store.snapshot()).toEqual(before);
  });

  it('readIndex - counts per month, newest first; rebuilt from buckets when damaged', () => {
    const store = new MemoryStore();
    pushSessions(store, makePushParams(makeRecords(25)), NOW);
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-12', count: 4 }, { month: '2026-11', count: 21 }] });
    store.setItem(HISTORY_INDEX_KEY, 'nope');
    expect(readIndex(store)).toEqual({
      months: [{ month: '2026-12', count: 4 }, { month: '2026-11', count: 21 }],
      problem: 'history index was unreadable; counted the months instead',
    });
  });
});

describe('history store properties', () => {
  it('pushSessions - any sequence of pushes with duplicates stores each id exactly once', () => {
    const pool = Array.from({ length: 12 }, (_, i) => makeRecord({ startedAt: BASE_START + i * 9 * DAY_MS }));
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 11 }), { maxLength: 8 }), { maxLength: 10 }), (batches) => {
        const store = new MemoryStore();
        const sent = new Set<string>();
        for (const batch of batches) {
          const records = batch.map((i) => pool[i] as SessionRecord);
          const reply = pushSessions(store, makePushParams(records), NOW);
          if (!('accepted' in reply)) return false;
          for (const r of records) {
            sent.add(r.id);
            if (!reply.accepted.includes(r.id)) return false;
          }
        }
        const ids = readHistory(store).records.map((r) => r.id);
        return ids.length === sent.size && new Set(ids).size === ids.length && ids.every((id) => sent.has(id));
      }),
      { numRuns: 200 },
    );
  });
});
