// The phone's history layout 2 (bounded month parts + hashed id index): layout 1 converts without
// losing anything, ids stay unique across months, a damaged part is set aside alone, and a push
// reads and writes a bounded amount however big its month is.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import {
  HISTORY_INDEX_KEY,
  PART_BYTES,
  bucketKey,
  monthOf,
  partKey,
  readBucket,
  readHistory,
  readIndex,
  readQuarantine,
} from '../../../core/phone/history-store';
import { saveNote } from '../../../core/phone/notes';
import { answerPush } from '../../../core/phone/sync-answers';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, MINUTE_MS, makeRecord } from '../../fixtures/records';

// Late enough that every session here is in the past (none is flagged as from a clock ahead).
const NOW = Date.UTC(2027, 11, 1, 12);
const byStart = (a: SessionRecord, b: SessionRecord): number => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1);
/** Keys of layout 1 (one value per month), written by Knead before layout 2. */
const layoutOneKeys = (store: MemoryStore): string[] => store.keys().filter((k) => /^history:\d{4}-\d{2}$/.test(k));

/** Storage as layout 1 left it: one array per local month, a count-only index, version 1. */
function layoutOne(records: readonly SessionRecord[]): MemoryStore {
  const byMonth = new Map<string, SessionRecord[]>();
  for (const r of records) byMonth.set(monthOf(r), (byMonth.get(monthOf(r)) || []).concat(r));
  const store = new MemoryStore({ [STORAGE_VERSION_KEY]: '1' });
  byMonth.forEach((list, month) => store.setItem(bucketKey(month), JSON.stringify(list.slice().sort(byStart))));
  const months = Array.from(byMonth.keys()).sort().reverse().map((month) => ({ month, count: (byMonth.get(month) || []).length }));
  store.setItem(HISTORY_INDEX_KEY, JSON.stringify({ v: 1, months }));
  return store;
}

/** Counts what a push costs the store: bytes read, bytes written, and whether every key was listed. */
class CountingStore extends MemoryStore {
  bytesRead = 0;
  bytesWritten = 0;
  listed = 0;
  override getItem(key: string): string | null {
    const value = super.getItem(key);
    this.bytesRead += value === null ? 0 : key.length + value.length;
    return value;
  }
  override setItem(key: string, value: string): void {
    super.setItem(key, value);
    this.bytesWritten += key.length + value.length;
  }
  override keys(): string[] {
    this.listed += 1;
    return super.keys();
  }
}

/** `count` sessions in November 2026, spread over the month's days. */
function novemberSessions(count: number): SessionRecord[] {
  return Array.from({ length: count }, (_, i) => makeRecord({ startedAt: Date.UTC(2026, 10, 1, 6) + Math.floor((i * 28 * DAY_MS) / count), tzOffsetMin: 0 }));
}

function pushAll(store: MemoryStore, records: readonly SessionRecord[]): void {
  for (let i = 0; i < records.length; i += 10) answerPush(store, makePushParams(records.slice(i, i + 10)), NOW);
}

describe('history layout 2', () => {
  it('history layout - layout 1 converts on the first push: every session kept, no month value left, old ids still known across months', () => {
    const old = [
      makeRecord({ startedAt: Date.UTC(2026, 8, 3, 9), tzOffsetMin: 0 }),
      makeRecord({ startedAt: Date.UTC(2026, 9, 14, 9), tzOffsetMin: 0 }),
      makeRecord({ startedAt: Date.UTC(2026, 9, 15, 9), tzOffsetMin: 0 }),
      makeRecord({ startedAt: Date.UTC(2026, 10, 20, 9), tzOffsetMin: 0 }),
    ];
    const store = layoutOne(old);
    const fresh = makeRecord({ startedAt: Date.UTC(2026, 11, 1, 9), tzOffsetMin: 0 });
    expect(answerPush(store, makePushParams([fresh]), NOW)).toEqual({ accepted: [fresh.id], rejected: [] });
    expect(readHistory(store)).toEqual({ records: old.concat(fresh), problems: [] });
    expect(layoutOneKeys(store)).toEqual([]);
    expect(store.getItem(STORAGE_VERSION_KEY)).toBe('2');
    expect(readIndex(store).months).toEqual([
      { month: '2026-12', count: 1 },
      { month: '2026-11', count: 1 },
      { month: '2026-10', count: 2 },
      { month: '2026-09', count: 1 },
    ]);
    // An old session again is already stored; the same id with another content, filed in another month, is refused.
    const before = store.snapshot();
    const september = old[0] as SessionRecord;
    expect(answerPush(store, makePushParams([september]), NOW)).toEqual({ accepted: [september.id], rejected: [] });
    expect(store.snapshot()).toEqual(before);
    const moved = { ...september, startedAt: Date.UTC(2026, 11, 9, 9), endedAt: Date.UTC(2026, 11, 9, 9) + 180_000 };
    expect(answerPush(store, makePushParams([moved]), NOW)).toEqual({
      accepted: [],
      rejected: [{ id: september.id, reason: `a different session with id ${september.id} is already stored (2026-09); this copy was not stored` }],
    });
  });

  it('history layout - a month of layout 1 is read as it is before any push (the Settings App reads both layouts)', () => {
    const old = novemberSessions(30);
    const store = layoutOne(old);
    expect(readBucket(store, '2026-11').records).toEqual(old.slice().sort(byStart));
    expect(readIndex(store).months).toEqual([{ month: '2026-11', count: 30 }]);
  });

  it('history layout - the Settings App saving a note on layout 1 leaves history as it is (one writer: the side service)', () => {
    const old = novemberSessions(5);
    const store = layoutOne(old);
    const history = (s: MemoryStore) => Object.entries(s.snapshot()).filter(([k]) => k.indexOf('history:') === 0);
    const before = history(store);
    expect(saveNote(store, (old[0] as SessionRecord).id, 'tight today', NOW).ok).toBe(true);
    expect(history(store)).toEqual(before);
    expect(store.getItem(STORAGE_VERSION_KEY)).toBe('2');
  });

  it('history layout - a push into a month of 1,000 sessions reads and writes about one part, never the month, and never lists every key', () => {
    const store = new CountingStore();
    pushAll(store, novemberSessions(1_000));
    expect(readIndex(store).months).toEqual([{ month: '2026-11', count: 1_000 }]);
    const monthBytes = store.keys().filter((k) => k.indexOf('history:2026-11/') === 0).reduce((sum, k) => sum + (store.getItem(k) || '').length, 0);
    expect(monthBytes).toBeGreaterThan(500 * 1024);
    store.bytesRead = 0;
    store.bytesWritten = 0;
    store.listed = 0;
    const fresh = makeRecord({ startedAt: Date.UTC(2026, 10, 29, 18), tzOffsetMin: 0 });
    expect(answerPush(store, makePushParams([fresh]), NOW)).toEqual({ accepted: [fresh.id], rejected: [] });
    // The open part is read, read again by writeAll (to undo on failure) and written: 3 parts at most, plus small keys.
    expect(store.bytesRead + store.bytesWritten).toBeLessThan(3 * PART_BYTES + 8 * 1024);
    expect(store.listed).toBe(0);
    for (const key of store.keys()) expect((store.getItem(key) || '').length, key).toBeLessThanOrEqual(PART_BYTES + 100);
  });

  it('history layout - a damaged closed part is set aside alone when a push meets it; the month keeps its other parts', () => {
    const store = new MemoryStore();
    const month = novemberSessions(120);
    pushAll(store, month);
    const damaged = partKey('2026-11', 1);
    const inDamaged = (JSON.parse(store.getItem(damaged) || '[]') as SessionRecord[]).map((r) => r.id);
    expect(inDamaged.length).toBeGreaterThan(0);
    store.setItem(damaged, '[{"v":1,"id":');
    // Readers report the part and still read the rest.
    const bucket = readBucket(store, '2026-11');
    expect(bucket.records.map((r) => r.id).sort()).toEqual(month.map((r) => r.id).filter((id) => !inDamaged.includes(id)).sort());
    expect(bucket.problem).toContain(damaged);
    // A session of the damaged part comes again (the watch resends it): the part goes to the quarantine alone, the session is stored.
    const resent = month.find((r) => r.id === inDamaged[0]) as SessionRecord;
    expect(answerPush(store, makePushParams([resent]), NOW)).toEqual({ accepted: [resent.id], rejected: [] });
    expect(readQuarantine(store).map((q) => [q.month, q.raw])).toEqual([['2026-11', '[{"v":1,"id":']]);
    const after = readHistory(store);
    expect(after.problems).toEqual([]);
    expect(after.records.map((r) => r.id).sort()).toEqual(month.map((r) => r.id).filter((id) => !inDamaged.includes(id) || id === resent.id).sort());
    expect(readIndex(store).months).toEqual([{ month: '2026-11', count: after.records.length }]);
  });

  it('history layout - a damaged open part is set aside alone before a push appends to it; the new session and the other parts stay', () => {
    const store = new MemoryStore();
    const month = novemberSessions(60);
    pushAll(store, month);
    const parts = store.keys().filter((k) => k.indexOf('history:2026-11/') === 0).length;
    const open = partKey('2026-11', parts - 1);
    const lost = (JSON.parse(store.getItem(open) || '[]') as SessionRecord[]).map((r) => r.id);
    store.setItem(open, 'not json');
    const fresh = makeRecord({ startedAt: Date.UTC(2026, 10, 30, 8), tzOffsetMin: 0 });
    expect(answerPush(store, makePushParams([fresh]), NOW)).toEqual({ accepted: [fresh.id], rejected: [] });
    expect(readQuarantine(store).map((q) => q.raw)).toEqual(['not json']);
    const ids = readHistory(store).records.map((r) => r.id).sort();
    expect(ids).toEqual(month.map((r) => r.id).filter((id) => !lost.includes(id)).concat(fresh.id).sort());
  });

  it('history layout - a damaged index or id bucket is rebuilt from the parts: nothing lost, ids still unique', () => {
    const store = new MemoryStore();
    const month = novemberSessions(80);
    pushAll(store, month);
    const idBucket = store.keys().find((k) => k.indexOf('history:ids/') === 0) as string;
    store.setItem(idBucket, '{broken');
    store.setItem(HISTORY_INDEX_KEY, 'nope');
    const again = month[5] as SessionRecord;
    const fresh = makeRecord({ startedAt: Date.UTC(2026, 10, 30, 8), tzOffsetMin: 0 });
    const reply = answerPush(store, makePushParams([again, fresh]), NOW);
    expect('accepted' in reply && reply.accepted.slice().sort()).toEqual([again.id, fresh.id].sort());
    expect(readHistory(store)).toEqual({ records: month.concat(fresh).sort(byStart), problems: [] });
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-11', count: 81 }] });
  });
});

describe('history layout 2 properties', () => {
  it('history layout - converting any layout-1 history loses nothing and the next push stores only what is new', () => {
    const recordArb = fc
      .record({ day: fc.integer({ min: 0, max: 120 }), minute: fc.integer({ min: 0, max: 1439 }), tz: fc.constantFrom(-600, 0, 60, 540) })
      .map(({ day, minute, tz }) => makeRecord({ startedAt: BASE_START + day * DAY_MS + minute * MINUTE_MS, tzOffsetMin: tz }));
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 5 }), fc.array(recordArb, { maxLength: 3 }), (old, resendPicks, fresh) => {
        const store = layoutOne(old);
        const resent = old.length === 0 ? [] : resendPicks.map((i) => old[i % old.length] as SessionRecord);
        const reply = answerPush(store, makePushParams(resent.concat(fresh)), NOW);
        if (!('accepted' in reply)) return false;
        const ids = readHistory(store).records.map((r) => r.id).sort();
        const expected = Array.from(new Set(old.concat(fresh).map((r) => r.id))).sort();
        return JSON.stringify(ids) === JSON.stringify(expected) && reply.rejected.length === 0 && (layoutOneKeys(store).length === 0 || resent.length + fresh.length === 0);
      }),
      { numRuns: 150 },
    );
  });

  it('history layout - ids are unique across months: the first copy stored wins, the same again is accepted, a different one is refused', () => {
    // Ten ids, each with two versions filed in different months (days 0-40 and 200-240 apart), enough sessions to fill several parts.
    const first = Array.from({ length: 10 }, (_, i) => makeRecord({ startedAt: BASE_START + i * 4 * DAY_MS }));
    const pool = first.flatMap((r, i) => [r, { ...r, startedAt: BASE_START + (200 + i * 4) * DAY_MS, endedAt: BASE_START + (200 + i * 4) * DAY_MS + 180_000 }]);
    const filler = Array.from({ length: 60 }, (_, i) => makeRecord({ startedAt: BASE_START + i * 3 * 3_600_000 }));
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 6 }), { maxLength: 8 }), (batches) => {
        const store = new MemoryStore();
        pushAll(store, filler);
        const model = new Map<string, SessionRecord>();
        for (const batch of batches) {
          const records = batch.map((i) => pool[i] as SessionRecord);
          const reply = answerPush(store, makePushParams(records), NOW);
          if (!('accepted' in reply)) return false;
          const seenInBatch = new Set<string>();
          for (const r of records) {
            const kept = model.get(r.id);
            const same = kept === undefined || JSON.stringify(kept) === JSON.stringify(r);
            if (kept === undefined) model.set(r.id, r);
            if (seenInBatch.has(r.id) && same) continue;
            seenInBatch.add(r.id);
            const accepted = reply.accepted.includes(r.id);
            const refused = reply.rejected.some((x) => x.id === r.id);
            if (same ? !accepted : !refused) return false;
          }
        }
        const stored = readHistory(store).records.filter((r) => model.has(r.id));
        return stored.length === model.size && stored.every((r) => JSON.stringify(r) === JSON.stringify(model.get(r.id)));
      }),
      { numRuns: 120 },
    );
  });
});
