// What the history writer must do the same whatever order storage lists keys or sessions arrive
// in, and the places it names when it sets damage aside (docs/sync.md "Phone storage rules"):
// converting layout 1 keeps the same copy of an id however keys are listed; readers order a month
// by start, then id; an id bucket is written the same for the same sessions; a damaged or unreadable
// id bucket makes the writer rebuild, so a stored session is never stored twice; a quarantined
// entry names where it was; a converted month from a wrong clock only is not trusted.

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { HISTORY_INDEX_KEY, bucketKey, idBucketKey, partKey, readHistory, readQuarantine } from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { makePushParams } from '../../../core/sync/protocol';
import { FailingReadStore, MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2027, 11, 1, 12);
const at = (y: number, m: number, d: number, id?: string): SessionRecord => {
  const r = makeRecord({ startedAt: Date.UTC(y, m, d, 9), tzOffsetMin: 0 });
  return id === undefined ? r : { ...r, id };
};

function accepted(store: MemoryStore, records: readonly SessionRecord[]): void {
  expect(answerPush(store, makePushParams(records), NOW)).toEqual({ accepted: records.map((r) => r.id), rejected: [] });
}

/** A store holding `entries` in this insertion order (MemoryStore lists keys as inserted). */
const storeOf = (entries: Array<[string, string]>): MemoryStore => {
  const store = new MemoryStore();
  for (const [k, v] of entries) store.setItem(k, v);
  return store;
};


describe('history writer order', () => {
  it('history writer - converting keeps the older month\'s copy of a clashing id however storage lists the months', () => {
    const older = at(2026, 9, 3, 'watch01-same');
    const newer = { ...at(2026, 10, 3), id: 'watch01-same' };
    const oct: [string, string] = [bucketKey('2026-10'), JSON.stringify([older])];
    const nov: [string, string] = [bucketKey('2026-11'), JSON.stringify([newer])];
    for (const order of [[oct, nov], [nov, oct]]) {
      const store = storeOf([[STORAGE_VERSION_KEY, '1'], ...order]);
      accepted(store, [at(2026, 11, 1)]);
      expect(readHistory(store).records.filter((r) => r.id === 'watch01-same')).toEqual([older]);
      expect(readQuarantine(store).map((q) => q.raw)).toEqual([JSON.stringify(newer)]);
    }
  });

  it('history writer - rebuilding keeps the copy of the first part of a month however storage lists the parts', () => {
    const first = at(2026, 10, 3, 'watch01-dup');
    const second = { ...at(2026, 10, 4), id: 'watch01-dup' };
    const p0: [string, string] = [partKey('2026-11', 0), JSON.stringify([first])];
    const p1: [string, string] = [partKey('2026-11', 1), JSON.stringify([second])];
    for (const order of [[p0, p1], [p1, p0]]) {
      // No index: the writer rebuilds from the parts.
      const store = storeOf([[STORAGE_VERSION_KEY, '2'], ...order]);
      accepted(store, [at(2026, 10, 20)]);
      expect(readHistory(store).records.filter((r) => r.id === 'watch01-dup')).toEqual([first]);
    }
  });

  it('history writer - a month is read in order of start, then id, whatever the ids and the stored order', () => {
    const late = at(2026, 10, 9, 'watch01-a');
    const early = at(2026, 10, 2, 'watch01-z');
    const tieB = at(2026, 10, 5, 'watch01-b');
    const tieA = at(2026, 10, 5, 'watch01-aa');
    const store = new MemoryStore();
    accepted(store, [late, tieB, early, tieA]);
    expect(readHistory(store).records.map((r) => r.id)).toEqual(['watch01-z', 'watch01-aa', 'watch01-b', 'watch01-a']);
    // Conversion from layout 1 gives the same order.
    const legacy = storeOf([[STORAGE_VERSION_KEY, '1'], [bucketKey('2026-11'), JSON.stringify([late, tieB, early, tieA])]]);
    accepted(legacy, [at(2026, 11, 1)]);
    expect(readHistory(legacy).records.map((r) => r.id).slice(0, 4)).toEqual(['watch01-z', 'watch01-aa', 'watch01-b', 'watch01-a']);
  });

  it('history writer - an id bucket holds the same text for the same sessions whatever order they came in', () => {
    const a = at(2026, 10, 3);
    let n = 0;
    while (idBucketKey(`watch01-peer-${n}`) !== idBucketKey(a.id)) n += 1;
    const b = at(2026, 10, 4, `watch01-peer-${n}`);
    const one = new MemoryStore();
    accepted(one, [a]);
    accepted(one, [b]);
    const two = new MemoryStore();
    accepted(two, [b]);
    accepted(two, [a]);
    expect(one.getItem(idBucketKey(a.id))).toBe(two.getItem(idBucketKey(a.id)));
    expect(Object.keys(JSON.parse(one.getItem(idBucketKey(a.id)) as string) as object)).toEqual([a.id, b.id].sort());
  });

  it('history writer - a damaged id bucket alone makes the writer rebuild: a stored session sent again is already stored, not stored twice', () => {
    const store = new MemoryStore();
    const record = at(2026, 10, 3);
    accepted(store, [record, at(2026, 10, 4)]);
    store.setItem(idBucketKey(record.id), '{broken');
    accepted(store, [record]);
    expect(readHistory(store).records.filter((r) => r.id === record.id)).toHaveLength(1);
    expect(JSON.parse(store.getItem(idBucketKey(record.id)) as string)).toMatchObject({ [record.id]: '2026-11/0' });
  });

  it('history writer - an id bucket storage fails to read also makes the writer rebuild rather than miss a stored id', () => {
    const store = new FailingReadStore();
    const record = at(2026, 10, 3);
    accepted(store, [record]);
    store.failing.add(idBucketKey(record.id));
    accepted(store, [record]);
    expect(readHistory(store).records).toEqual([record]);
  });

  it('history writer - a quarantined entry names where it was: the layout-1 value and its index, or the part', () => {
    const good = at(2026, 10, 2);
    const broken = { ...at(2026, 10, 3), tzOffsetMin: 9999 };
    const legacy = storeOf([[STORAGE_VERSION_KEY, '1'], [bucketKey('2026-11'), JSON.stringify([good, good, broken])]]);
    accepted(legacy, [at(2026, 11, 1)]);
    expect(readQuarantine(legacy)[0]?.reason).toContain('history:2026-11[2].tzOffsetMin');
    // Beside layout 2 (merged when the month is written).
    const beside = new MemoryStore();
    accepted(beside, [at(2026, 10, 5)]);
    beside.setItem(bucketKey('2026-11'), JSON.stringify([broken]));
    accepted(beside, [at(2026, 10, 6)]);
    expect(readQuarantine(beside)[0]?.reason).toContain('history:2026-11[0].tzOffsetMin');
    // A damaged part names its key.
    const parts = new MemoryStore();
    accepted(parts, [at(2026, 10, 5)]);
    parts.setItem(partKey('2026-11', 0), '[{"v":');
    accepted(parts, [at(2026, 10, 6)]);
    expect(readQuarantine(parts)[0]?.reason).toContain(partKey('2026-11', 0));
  });

  it('history writer - a layout-1 value beside layout 2 storage fails to read is left as stored and noted, and merged into its month by the next push', () => {
    const store = new FailingReadStore();
    accepted(store, [at(2026, 10, 5)]);
    const legacy = at(2026, 10, 1);
    const text = JSON.stringify([legacy]);
    store.setItem(bucketKey('2026-11'), text);
    store.failing.add(bucketKey('2026-11'));
    accepted(store, [at(2026, 10, 6)]);
    expect(store.getItem(bucketKey('2026-11'))).toBe(text);
    expect(readQuarantine(store).map((q) => [q.month, q.raw])).toEqual([['2026-11', '']]);
    expect(readQuarantine(store)[0]?.reason).toContain(`could not read ${bucketKey('2026-11')}: read failed`);
    accepted(store, [at(2026, 10, 7)]);
    expect(store.getItem(bucketKey('2026-11'))).toBeNull();
    expect(readHistory(store).records[0]).toEqual(legacy);
    expect(readHistory(store).records).toHaveLength(4);
  });

  it('history writer - a part storage has lost is not damage to set aside: the session is stored, nothing quarantined', () => {
    const store = new MemoryStore();
    accepted(store, [at(2026, 10, 2)]);
    store.removeItem(partKey('2026-11', 0));
    const fresh = at(2026, 10, 3);
    accepted(store, [fresh]);
    expect(readQuarantine(store)).toEqual([]);
    expect(readHistory(store)).toEqual({ records: [fresh], problems: [] });
  });

  it('history writer - converted months keep their clock flags: a wrong-clock-only month is suspect and not trusted, a right one trusted only', () => {
    const store = storeOf([
      [STORAGE_VERSION_KEY, '1'],
      [bucketKey('2019-01'), JSON.stringify([makeRecord({ startedAt: Date.UTC(2019, 0, 2, 9), tzOffsetMin: 0, clockSuspect: true })])],
      [bucketKey('2026-11'), JSON.stringify([at(2026, 10, 2)])],
    ]);
    accepted(store, [at(2026, 10, 3)]);
    const index = JSON.parse(store.getItem(HISTORY_INDEX_KEY) as string) as { months: Array<{ month: string; trusted: boolean; suspect: boolean }> };
    expect(index.months.map((m) => [m.month, m.trusted, m.suspect])).toEqual([
      ['2026-11', true, false],
      ['2019-01', false, true],
    ]);
  });
});
