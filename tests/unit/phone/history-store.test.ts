import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { HISTORY_INDEX_KEY, MAX_MONTH_BYTES, PART_BYTES, bucketKey, idBucketKey, monthOf, partKey, readHistory, readIndex, readQuarantine } from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { HISTORY_SUMMARY_KEY } from '../../../core/phone/history-summary';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord, makeRecords, makeStep } from '../../fixtures/records';

const NOW = BASE_START + 200 * DAY_MS;

describe('history store', () => {
  it('answerPush - stores valid records and accepts their ids', () => {
    const store = new MemoryStore();
    const records = makeRecords(3);
    expect(answerPush(store, makePushParams(records), NOW)).toEqual({ accepted: records.map((r) => r.id), rejected: [] });
    expect(readHistory(store)).toEqual({ records, problems: [] });
    expect(store.getItem(STORAGE_VERSION_KEY)).toBe('2');
  });

  it('answerPush - a repeated request is accepted again and stores nothing twice', () => {
    const store = new MemoryStore();
    const records = makeRecords(2);
    answerPush(store, makePushParams(records), NOW);
    const before = store.snapshot();
    expect(answerPush(store, makePushParams(records), NOW)).toEqual({ accepted: records.map((r) => r.id), rejected: [] });
    expect(store.snapshot()).toEqual(before);
  });

  it('answerPush - an invalid record is rejected with its reason, the others stored', () => {
    const store = new MemoryStore();
    const good = makeRecord();
    const bad = { ...makeRecord(), tzOffsetMin: 900 };
    expect(answerPush(store, makePushParams([good, bad]), NOW)).toEqual({
      accepted: [good.id],
      rejected: [{ id: bad.id, reason: 'records[1].tzOffsetMin must be an integer between -720 and 840' }],
    });
  });

  it('answerPush - files a session under its local month, not the UTC one', () => {
    const lateNight = makeRecord({ startedAt: Date.UTC(2026, 9, 31, 23, 30), endedAt: Date.UTC(2026, 9, 31, 23, 40), tzOffsetMin: 60 });
    expect(monthOf(lateNight)).toBe('2026-11');
    const store = new MemoryStore();
    answerPush(store, makePushParams([lateNight]), NOW);
    expect(store.getItem(partKey('2026-11', 0))).toContain(lateNight.id);
  });

  it('answerPush - adding a session rewrites only its month part, its id bucket, the index and the month summaries', () => {
    const store = new MemoryStore();
    answerPush(store, makePushParams(makeRecords(20)), NOW);
    store.writes.length = 0;
    const record = makeRecord({ startedAt: BASE_START + 25 * DAY_MS });
    answerPush(store, makePushParams([record]), NOW);
    expect(store.writes.map((w) => w.key)).toEqual([partKey('2026-12', 0), idBucketKey(record.id), HISTORY_INDEX_KEY, HISTORY_SUMMARY_KEY]);
  });

  it('answerPush - an unreadable month is set aside in the quarantine whole and the new session is stored', () => {
    const store = new MemoryStore({ [bucketKey('2026-11')]: '[{"v":1,', [STORAGE_VERSION_KEY]: '1' });
    const record = makeRecord();
    const reply = answerPush(store, makePushParams([record]), NOW);
    expect(reply).toEqual({ accepted: [record.id], rejected: [] });
    expect(readHistory(store)).toEqual({ records: [record], problems: [] });
    expect(readQuarantine(store)).toEqual([{ month: '2026-11', at: NOW, raw: '[{"v":1,', reason: 'phone storage for 2026-11 is not valid JSON' }]);
  });

  it('answerPush - one unreadable session in a month is quarantined alone; its neighbours and later months are stored', () => {
    const neighbour = makeRecord({ minutesAfterBase: 60 });
    const broken = { ...makeRecord({ minutesAfterBase: 120 }), tzOffsetMin: 9999 };
    const store = new MemoryStore({ [bucketKey('2026-11')]: JSON.stringify([neighbour, broken]), [STORAGE_VERSION_KEY]: '1' });
    const sameMonth = makeRecord();
    const laterMonth = makeRecord({ startedAt: Date.UTC(2027, 1, 3, 9) });
    expect(answerPush(store, makePushParams([sameMonth, laterMonth]), NOW)).toEqual({ accepted: [sameMonth.id, laterMonth.id], rejected: [] });
    expect(readHistory(store)).toEqual({ records: [sameMonth, neighbour, laterMonth], problems: [] });
    const quarantine = readQuarantine(store);
    expect(quarantine.map((q) => [q.month, JSON.parse(q.raw).id as string])).toEqual([['2026-11', broken.id]]);
  });

  it('answerPush - the same session id filed in another month is already stored, not stored twice', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    answerPush(store, makePushParams([record]), NOW);
    // The same id with a start in December (its content differs, so it is a different session).
    const moved = { ...record, startedAt: Date.UTC(2026, 11, 5, 9), endedAt: Date.UTC(2026, 11, 5, 9) + 180_000 };
    const reply = answerPush(store, makePushParams([moved]), NOW);
    expect(reply).toEqual({ accepted: [], rejected: [{ id: record.id, reason: `a different session with id ${record.id} is already stored (2026-11); this copy was not stored` }] });
    expect(readHistory(store).records).toEqual([record]);
    // The identical session again (e.g. a lost acknowledgement) is accepted and changes nothing.
    const before = store.snapshot();
    expect(answerPush(store, makePushParams([record]), NOW)).toEqual({ accepted: [record.id], rejected: [] });
    expect(store.snapshot()).toEqual(before);
  });

  it('answerPush - one push holding two different sessions under one id stores the first and refuses the second with the reason', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    const twin = { ...record, status: 'stopped' as const };
    const reply = answerPush(store, makePushParams([record, twin]), NOW);
    expect('accepted' in reply && reply.accepted).toEqual([record.id]);
    expect('rejected' in reply && reply.rejected[0]?.reason).toMatch(/^a different session with id/);
    expect(readHistory(store).records).toEqual([record]);
  });

  it('answerPush - a month is bounded in bytes: a full month defers with a plain reason and keeps what it has', () => {
    const store = new MemoryStore();
    const big = (i: number): SessionRecord => makeRecord({ startedAt: BASE_START + i * 60_000, steps: Array.from({ length: 30 }, () => makeStep()) });
    const batch: SessionRecord[] = [];
    for (let i = 0; i < 600; i += 1) batch.push(big(i));
    const reply = answerPush(store, makePushParams(batch.slice(0, 5)), NOW);
    expect('accepted' in reply && reply.accepted).toHaveLength(5);
    let deferredReason = '';
    for (let i = 5; i < 600 && deferredReason === ''; i += 5) {
      const r = answerPush(store, makePushParams(batch.slice(i, i + 5)), NOW);
      if ('deferred' in r && r.deferred !== undefined && r.deferred[0] !== undefined) deferredReason = r.deferred[0].reason;
    }
    expect(deferredReason).toBe(`phone storage for 2026-11 is full (at most ${MAX_MONTH_BYTES / 1024} KiB a month); the session stays on the watch`);
    // No single value grows with the month: parts stay within their bound, so does the rest.
    for (const w of store.writes) expect(w.bytes).toBeLessThanOrEqual(PART_BYTES + 100);
    // The month's parts together stay within MAX_MONTH_BYTES.
    const monthBytes = store.keys().filter((k) => k.indexOf('history:2026-11/') === 0).reduce((sum, k) => sum + new TextEncoder().encode(store.getItem(k) as string).length, 0);
    expect(monthBytes).toBeLessThanOrEqual(MAX_MONTH_BYTES);
    expect(monthBytes).toBeGreaterThan(MAX_MONTH_BYTES - 8 * 1024);
  });

  it('answerPush - history keeps 60 months: a newer month drops the oldest, a session older than that is refused, a wrong-clock month stays', () => {
    const store = new MemoryStore();
    const at = (y: number, m: number): SessionRecord => makeRecord({ startedAt: Date.UTC(y, m, 10, 9), endedAt: Date.UTC(y, m, 10, 9) + 180_000 });
    const old = at(2021, 11);
    const unset = at(2019, 5);
    answerPush(store, makePushParams([old, unset]), NOW);
    const next = at(2026, 11);
    expect(answerPush(store, makePushParams([next]), NOW)).toEqual({ accepted: [next.id], rejected: [] });
    expect(readHistory(store).records.map((r) => r.id)).toEqual([unset.id, next.id]);
    const tooOld = at(2021, 10);
    expect(answerPush(store, makePushParams([tooOld]), NOW)).toEqual({ accepted: [], rejected: [{ id: tooOld.id, reason: 'is from 2021-11, older than the 60 months of history the phone keeps' }] });
    expect(readIndex(store).months.map((m) => m.month)).toEqual(['2026-12', '2019-06']);
  });

  it('answerPush - a full disk defers everything and leaves storage unchanged', () => {
    const store = new MemoryStore();
    answerPush(store, makePushParams(makeRecords(3)), NOW);
    const before = store.snapshot();
    store.failAfterWrites = 1;
    const record = makeRecord({ startedAt: BASE_START + 40 * DAY_MS });
    const reply = answerPush(store, makePushParams([record]), NOW);
    expect(reply).toEqual({
      accepted: [],
      rejected: [],
      deferred: [{ id: record.id, reason: `phone storage refused the write (could not save ${idBucketKey(record.id)}: storage write failed)` }],
    });
    expect(store.snapshot()).toEqual(before);
  });

  it('readIndex - counts per month, newest first; rebuilt from buckets when damaged', () => {
    const store = new MemoryStore();
    answerPush(store, makePushParams(makeRecords(25)), NOW);
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-12', count: 4 }, { month: '2026-11', count: 21 }] });
    store.setItem(HISTORY_INDEX_KEY, 'nope');
    expect(readIndex(store)).toEqual({
      months: [{ month: '2026-12', count: 4 }, { month: '2026-11', count: 21 }],
      problem: 'history index was unreadable; counted the months instead',
    });
  });
});

describe('history store properties', () => {
  it('answerPush - any sequence of pushes with duplicates stores each id exactly once', () => {
    const pool = Array.from({ length: 12 }, (_, i) => makeRecord({ startedAt: BASE_START + i * 9 * DAY_MS }));
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 11 }), { maxLength: 8 }), { maxLength: 10 }), (batches) => {
        const store = new MemoryStore();
        const sent = new Set<string>();
        for (const batch of batches) {
          const records = batch.map((i) => pool[i] as SessionRecord);
          const reply = answerPush(store, makePushParams(records), NOW);
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
