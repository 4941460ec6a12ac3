// How the side service's history writer deals with what it finds (docs/sync.md, "Phone storage
// rules"): a layout-1 month value seen beside layout 2 is merged into that month's parts when the
// month is next written; converting or rebuilding keeps each id once and sets a different second
// copy aside; a stored copy that no longer validates does not block the session (it is stored, the
// damaged one reported); a dropped month's ids leave the id index when their bucket is next written.
// Damage never defers a session (a value storage cannot read is not damage: it is left as stored,
// see history-unreadable-part.test.ts).

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import {
  HISTORY_INDEX_KEY,
  bucketKey,
  idBucketKey,
  partKey,
  readBucket,
  readHistory,
  readIndex,
  readQuarantine,
} from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2027, 11, 1, 12);
const at = (y: number, m: number, d: number, h = 9): SessionRecord => makeRecord({ startedAt: Date.UTC(y, m, d, h), tzOffsetMin: 0 });
const ids = (records: readonly SessionRecord[]): string[] => records.map((r) => r.id);

function accepted(store: MemoryStore, records: readonly SessionRecord[]): void {
  expect(answerPush(store, makePushParams(records), NOW)).toEqual({ accepted: ids(records), rejected: [] });
}

/** Keys of layout 1 (one value per month). */
const layoutOneKeys = (store: MemoryStore): string[] => store.keys().filter((k) => /^history:\d{4}-\d{2}$/.test(k));

describe('history repairs', () => {
  it('history repairs - a layout-1 month value found beside layout 2 joins its parts when that month is next written: nothing twice, the bad entry set aside', () => {
    const store = new MemoryStore();
    const stored = [at(2026, 10, 3), at(2026, 10, 4)];
    accepted(store, stored);
    const legacyOnly = at(2026, 10, 1);
    const broken = { ...at(2026, 10, 2), tzOffsetMin: 9999 };
    // An older Knead wrote the whole month again, holding one session already in the parts.
    store.setItem(bucketKey('2026-11'), JSON.stringify([legacyOnly, stored[0], broken]));
    // A push into another month leaves it as it is (and readers read it).
    const december = at(2026, 11, 5);
    accepted(store, [december]);
    expect(layoutOneKeys(store)).toEqual([bucketKey('2026-11')]);
    // A push into November merges it.
    const fresh = at(2026, 10, 20);
    accepted(store, [fresh]);
    expect(layoutOneKeys(store)).toEqual([]);
    expect(readHistory(store)).toEqual({ records: [legacyOnly, ...stored, fresh, december], problems: [] });
    expect(readIndex(store).months).toEqual([
      { month: '2026-12', count: 1 },
      { month: '2026-11', count: 4 },
    ]);
    const quarantine = readQuarantine(store);
    expect(quarantine.map((q) => [q.month, (JSON.parse(q.raw) as SessionRecord).id])).toEqual([['2026-11', broken.id]]);
    expect(quarantine[0]?.reason).toContain('tzOffsetMin');
    expect(quarantine[0]?.at).toBe(NOW);
    // The merged sessions are known by id: sent again they are already stored, nothing written.
    const before = store.snapshot();
    accepted(store, [legacyOnly]);
    expect(store.snapshot()).toEqual(before);
  });

  it('history repairs - converting layout 1 keeps an id once: the same copy in two months is not set aside, a different one is', () => {
    const first = at(2026, 8, 3);
    const sameAgain = { ...first };
    const other = at(2026, 9, 3);
    const clash = { ...other, startedAt: Date.UTC(2026, 10, 7, 9), endedAt: Date.UTC(2026, 10, 7, 9) + 180_000 };
    const store = new MemoryStore({
      [STORAGE_VERSION_KEY]: '1',
      [bucketKey('2026-09')]: JSON.stringify([first]),
      // The same session again, filed under the wrong month by some older writer.
      [bucketKey('2026-10')]: JSON.stringify([other, sameAgain]),
      [bucketKey('2026-11')]: JSON.stringify([clash]),
    });
    const fresh = at(2026, 11, 1);
    accepted(store, [fresh]);
    const history = readHistory(store);
    expect(history.problems).toEqual([]);
    expect(ids(history.records)).toEqual(ids([first, other, fresh]));
    const quarantine = readQuarantine(store);
    expect(quarantine.map((q) => q.raw)).toEqual([JSON.stringify(clash)]);
    expect(quarantine[0]?.reason).toContain('different session');
    expect(layoutOneKeys(store)).toEqual([]);
  });

  it('history repairs - a stored copy that no longer validates does not block its session: the good copy is stored, the damaged one reported', () => {
    const store = new MemoryStore();
    const neighbour = at(2026, 10, 2);
    const record = at(2026, 10, 3);
    accepted(store, [neighbour, record]);
    // Storage damage inside a readable part: the record's fields no longer validate.
    const key = partKey('2026-11', 0);
    const damaged = (JSON.parse(store.getItem(key) as string) as Array<Record<string, unknown>>).map((r) => (r['id'] === record.id ? { ...r, tzOffsetMin: 'zero' } : r));
    store.setItem(key, JSON.stringify(damaged));
    expect(answerPush(store, makePushParams([record]), NOW)).toEqual({ accepted: [record.id], rejected: [] });
    const bucket = readBucket(store, '2026-11');
    expect(bucket.records).toEqual([neighbour, record]);
    expect(bucket.problem).toContain('1 unreadable session');
  });

  it("history repairs - a month dropped by retention leaves the id index when its bucket is next written; its sessions are then too old, not 'already stored'", () => {
    const store = new MemoryStore();
    const old = at(2021, 11, 10);
    accepted(store, [old]);
    // A new session 60 months later whose id shares the old one's id bucket.
    const base = at(2026, 11, 10);
    let n = 0;
    while (idBucketKey(`${base.id}-${n}`) !== idBucketKey(old.id)) n += 1;
    const next = { ...base, id: `${base.id}-${n}` };
    accepted(store, [next]);
    expect(readHistory(store).records).toEqual([next]);
    expect(JSON.parse(store.getItem(idBucketKey(old.id)) as string)).toEqual({ [next.id]: '2026-12/0' });
    expect(store.keys().filter((k) => k.indexOf('history:2021-') === 0)).toEqual([]);
    expect(answerPush(store, makePushParams([old]), NOW)).toEqual({
      accepted: [],
      rejected: [{ id: old.id, reason: 'is from 2021-12, older than the 60 months of history the phone keeps' }],
    });
  });

  it("history repairs - retention also removes a dropped month's layout-1 value found beside its parts", () => {
    const store = new MemoryStore();
    const old = at(2021, 11, 10);
    accepted(store, [old]);
    store.setItem(bucketKey('2021-12'), JSON.stringify([at(2021, 11, 11)]));
    const next = at(2026, 11, 10);
    accepted(store, [next]);
    expect(store.keys().filter((k) => k.indexOf('history:2021-') === 0)).toEqual([]);
    expect(readHistory(store)).toEqual({ records: [next], problems: [] });
  });

  it('history repairs - an id bucket naming a part the month does not have reads as "not stored": the session is stored once', () => {
    const store = new MemoryStore();
    const record = at(2026, 10, 3);
    accepted(store, [at(2026, 10, 2)]);
    store.setItem(idBucketKey(record.id), JSON.stringify({ [record.id]: '2026-11/7' }));
    accepted(store, [record]);
    expect(ids(readBucket(store, '2026-11').records).filter((id) => id === record.id)).toEqual([record.id]);
    expect(JSON.parse(store.getItem(idBucketKey(record.id)) as string)).toEqual({ [record.id]: '2026-11/0' });
  });

  it('history repairs - a damaged index is rebuilt with the damaged part set aside and the index agreeing with what is kept', () => {
    const store = new MemoryStore();
    const november = [at(2026, 10, 2), at(2026, 10, 3)];
    const december = [at(2026, 11, 2)];
    accepted(store, [...november, ...december]);
    store.setItem(HISTORY_INDEX_KEY, '{"v":2,"months":[{"month":"2026-11"}]}');
    store.setItem(partKey('2026-12', 0), '{"not":"a list"}');
    const fresh = at(2026, 10, 20);
    accepted(store, [fresh]);
    expect(readHistory(store)).toEqual({ records: [...november, fresh], problems: [] });
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-11', count: 3 }] });
    expect(readQuarantine(store).map((q) => [q.month, q.raw])).toEqual([['2026-12', '{"not":"a list"}']]);
    expect(readQuarantine(store)[0]?.reason).toContain('not a list');
  });

  it('history repairs - a damaged open part is set aside with the reason (not JSON, or JSON that is not a list); the index then counts what is left, to the byte', () => {
    for (const [damage, reason] of [
      ['not json', 'not valid JSON'],
      ['{"x":1}', 'not a list'],
    ] as const) {
      const store = new MemoryStore();
      const earlier = [at(2026, 10, 2), at(2026, 10, 3)];
      accepted(store, earlier);
      store.setItem(partKey('2026-11', 0), damage);
      const fresh = at(2026, 10, 20);
      accepted(store, [fresh]);
      const quarantine = readQuarantine(store);
      expect(quarantine.map((q) => [q.month, q.raw]), damage).toEqual([['2026-11', damage]]);
      expect(quarantine[0]?.reason, damage).toContain(reason);
      expect(readHistory(store)).toEqual({ records: [fresh], problems: [] });
      const text = store.getItem(partKey('2026-11', 0)) as string;
      expect(JSON.parse(text)).toEqual([fresh]);
      const index = JSON.parse(store.getItem(HISTORY_INDEX_KEY) as string) as { months: Array<{ count: number; parts: number[][] }> };
      expect(index.months[0]?.count).toBe(1);
      expect(index.months[0]?.parts).toEqual([[1, new TextEncoder().encode(text).length]]);
    }
  });

  it('history repairs - a damaged closed part met through the id index is emptied: "[]" and [0, 2] in the index, the month counting the rest', () => {
    const store = new MemoryStore();
    const many = Array.from({ length: 60 }, (_, i) => makeRecord({ startedAt: Date.UTC(2026, 10, 1, 6) + i * 3_600_000, tzOffsetMin: 0 }));
    for (let i = 0; i < many.length; i += 10) accepted(store, many.slice(i, i + 10));
    const index = (): { count: number; parts: number[][] } => (JSON.parse(store.getItem(HISTORY_INDEX_KEY) as string) as { months: Array<{ count: number; parts: number[][] }> }).months[0] as { count: number; parts: number[][] };
    const before = index();
    expect(before.parts.length).toBeGreaterThan(1);
    const lost = JSON.parse(store.getItem(partKey('2026-11', 0)) as string) as SessionRecord[];
    store.setItem(partKey('2026-11', 0), '[{"broken"');
    // The watch sends one of the lost sessions again: its id names part 0.
    accepted(store, [lost[0] as SessionRecord]);
    const after = index();
    expect(store.getItem(partKey('2026-11', 0))).toBe('[]');
    expect(after.parts[0]).toEqual([0, 2]);
    expect(after.count).toBe(before.count - lost.length + 1);
    expect(readHistory(store).records).toHaveLength(60 - lost.length + 1);
  });

  it('history repairs - rebuilding after a damaged index removes id buckets that name nothing stored', () => {
    const store = new MemoryStore();
    accepted(store, [at(2026, 10, 2)]);
    store.setItem('history:ids/zz', JSON.stringify({ ghost: '2026-11/0' }));
    store.setItem(HISTORY_INDEX_KEY, 'damaged');
    accepted(store, [at(2026, 10, 3)]);
    expect(store.getItem('history:ids/zz')).toBeNull();
    expect(readIndex(store).months).toEqual([{ month: '2026-11', count: 2 }]);
  });
});
