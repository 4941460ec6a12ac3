// docs/sync.md "Phone storage rules", a value storage cannot read (the read itself throws: a damaged
// file, a passing fault) as opposed to one read that does not parse: the writer never writes over
// or removes it, and the index keeps its count. A push whose open part cannot be read stores its
// sessions in a new part; a push that would have to know what the unreadable value holds (a stored
// copy of one of its ids, a rebuild or a conversion, the quarantine it adds to) defers its sessions
// with the reason and writes nothing. Once reads work, every old and new session reads back once.

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import {
  HISTORY_INDEX_KEY,
  HISTORY_QUARANTINE_KEY,
  addRecords,
  bucketKey,
  idBucketKey,
  partKey,
  readHistory,
  readIndex,
  readQuarantine,
} from '../../../core/phone/history-store';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { FailingReadStore, MemoryStore, unreadableKey } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 11, 20, 12);
const at = (y: number, m: number, d: number): SessionRecord => makeRecord({ startedAt: Date.UTC(y, m, d, 9), tzOffsetMin: 0 });
const ids = (records: readonly SessionRecord[]): string[] => records.map((r) => r.id);
const NOVEMBER_0 = partKey('2026-11', 0);

function stored(store: MemoryStore, records: readonly SessionRecord[]): void {
  expect(addRecords(store, records, NOW)).toEqual({ added: ids(records), alreadyStored: [], rejected: [], deferred: [] });
}

/** The outcome of a push that wrote nothing because `key` could not be read. */
function deferredFor(records: readonly SessionRecord[], key: string): unknown {
  return { added: [], alreadyStored: [], rejected: [], deferred: records.map((r) => ({ id: r.id, reason: expect.stringContaining(`could not read ${key}`) as unknown })) };
}

/** A session that day whose id's bucket `ok` accepts (ids are random: drawn until one is). */
function atWithBucket(y: number, m: number, d: number, ok: (bucket: string) => boolean): SessionRecord {
  let record = at(y, m, d);
  while (!ok(idBucketKey(record.id))) record = at(y, m, d);
  return record;
}

/** `old` stored in November, then the index damaged and November's part unreadable: a rebuild is blocked. */
function blockedRebuild(old: readonly SessionRecord[]): FailingReadStore {
  const store = new FailingReadStore();
  stored(store, old);
  store.setItem(HISTORY_INDEX_KEY, '{broken');
  store.failing.add(NOVEMBER_0);
  return store;
}

describe('history - a value storage cannot read', () => {
  it('push - an open part storage fails to read is kept byte for byte and still counted; the new session goes to a new part and every session reads back once', () => {
    const store = new FailingReadStore();
    const old = [at(2026, 10, 2), at(2026, 10, 3)];
    stored(store, old);
    const before = store.getItem(NOVEMBER_0);
    store.failing.add(NOVEMBER_0);
    const fresh = at(2026, 10, 20);
    stored(store, [fresh]);
    expect(store.getItem(NOVEMBER_0)).toBe(before);
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-11', count: 3 }] });
    expect(readHistory(store)).toEqual({ records: [...old, fresh], problems: [] });
    // The next push appends after the new part, and knows every id stored before.
    const later = at(2026, 10, 21);
    expect(addRecords(store, [...old, fresh, later], NOW)).toEqual({ added: [later.id], alreadyStored: ids([...old, fresh]), rejected: [], deferred: [] });
    expect(readHistory(store)).toEqual({ records: [...old, fresh, later], problems: [] });
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-11', count: 4 }] });
  });

  it('push - an open part storage cannot read at all is left as it is: the push is stored, readers report the part and skip it, the failure is noted', () => {
    const memory = new MemoryStore();
    const old = [at(2026, 10, 2), at(2026, 10, 3)];
    stored(memory, old);
    const before = memory.getItem(NOVEMBER_0);
    const broken = unreadableKey(memory, NOVEMBER_0);
    const fresh = at(2026, 10, 20);
    expect(addRecords(broken, [fresh], NOW)).toEqual({ added: [fresh.id], alreadyStored: [], rejected: [], deferred: [] });
    expect(memory.getItem(NOVEMBER_0)).toBe(before);
    expect(readHistory(broken)).toEqual({ records: [fresh], problems: [`could not read ${NOVEMBER_0}: disk error`] });
    expect(readIndex(broken)).toEqual({ months: [{ month: '2026-11', count: 3 }] });
    const quarantine = readQuarantine(memory);
    expect(quarantine.map((q) => [q.month, q.raw])).toEqual([['2026-11', '']]);
    expect(quarantine[0]?.reason).toContain(`could not read ${NOVEMBER_0}: disk error`);
    expect(readHistory(memory)).toEqual({ records: [...old, fresh], problems: [] });
  });

  it('push - a session whose stored copy is in a part storage fails to read is deferred with the reason and nothing is written; once reads work it is already stored, once', () => {
    const store = new FailingReadStore();
    const november = [at(2026, 10, 2), at(2026, 10, 3)];
    const december = at(2026, 11, 2);
    stored(store, november);
    stored(store, [december]);
    const again = november[1] as SessionRecord;
    store.failing.add(NOVEMBER_0);
    const snapshot = store.snapshot();
    expect(addRecords(store, [again], NOW)).toEqual(deferredFor([again], NOVEMBER_0));
    expect(store.snapshot()).toEqual(snapshot);
    expect(addRecords(store, [again], NOW)).toEqual({ added: [], alreadyStored: [again.id], rejected: [], deferred: [] });
    expect(readHistory(store)).toEqual({ records: [...november, december], problems: [] });
  });

  it('rebuild - with the index damaged and a part storage fails to read, the push defers its sessions and writes nothing; the next push stores everything', () => {
    const old = [at(2026, 10, 2), at(2026, 10, 3)];
    const store = blockedRebuild(old);
    const snapshot = store.snapshot();
    const fresh = at(2026, 10, 20);
    expect(addRecords(store, [fresh], NOW)).toEqual(deferredFor([fresh], NOVEMBER_0));
    expect(store.snapshot()).toEqual(snapshot);
    stored(store, [fresh]);
    expect(readHistory(store)).toEqual({ records: [...old, fresh], problems: [] });
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-11', count: 3 }] });
  });

  it('rebuild - while the rebuild is blocked every session of the push is deferred with the reason, even one the phone would refuse as too old (no judgement from a history it cannot read whole)', () => {
    const store = blockedRebuild([at(2026, 10, 2)]);
    const snapshot = store.snapshot();
    const fresh = at(2026, 10, 20);
    const tooOld = at(2020, 0, 15);
    expect(addRecords(store, [fresh, tooOld], NOW)).toEqual(deferredFor([fresh, tooOld], NOVEMBER_0));
    expect(store.snapshot()).toEqual(snapshot);
  });

  it('rebuild - a session sent twice in one push while the rebuild is blocked is deferred once, and nothing is written', () => {
    const store = blockedRebuild([at(2026, 10, 2)]);
    const snapshot = store.snapshot();
    const fresh = at(2026, 10, 20);
    expect(addRecords(store, [fresh, fresh], NOW)).toEqual(deferredFor([fresh], NOVEMBER_0));
    expect(store.snapshot()).toEqual(snapshot);
  });

  it('conversion - a layout-1 month value storage fails to read is not converted away: the push defers and writes nothing; the next push converts every session', () => {
    const keep = at(2026, 9, 3);
    const held = at(2026, 10, 3);
    const store = new FailingReadStore({
      [STORAGE_VERSION_KEY]: '1',
      [bucketKey('2026-10')]: JSON.stringify([keep]),
      [bucketKey('2026-11')]: JSON.stringify([held]),
    });
    store.failing.add(bucketKey('2026-11'));
    const snapshot = store.snapshot();
    const fresh = at(2026, 11, 1);
    expect(addRecords(store, [fresh], NOW)).toEqual(deferredFor([fresh], bucketKey('2026-11')));
    expect(store.snapshot()).toEqual(snapshot);
    stored(store, [fresh]);
    expect(readHistory(store)).toEqual({ records: [keep, held, fresh], problems: [] });
    expect(readQuarantine(store)).toEqual([]);
  });

  it('merge - a layout-1 month value beside layout 2 that storage cannot read is left in place; the push is stored, and the value joins its month once readable', () => {
    const memory = new MemoryStore();
    const first = at(2026, 10, 5);
    stored(memory, [first]);
    const legacy = at(2026, 10, 1);
    const text = JSON.stringify([legacy]);
    memory.setItem(bucketKey('2026-11'), text);
    const fresh = at(2026, 10, 6);
    expect(addRecords(unreadableKey(memory, bucketKey('2026-11')), [fresh], NOW)).toEqual({ added: [fresh.id], alreadyStored: [], rejected: [], deferred: [] });
    expect(memory.getItem(bucketKey('2026-11'))).toBe(text);
    const later = at(2026, 10, 7);
    stored(memory, [later]);
    expect(memory.getItem(bucketKey('2026-11'))).toBeNull();
    expect(readHistory(memory)).toEqual({ records: [legacy, first, fresh, later], problems: [] });
    expect(readIndex(memory)).toEqual({ months: [{ month: '2026-11', count: 4 }] });
  });

  it('merge - a layout-1 value holding a session whose stored copy storage cannot read is kept until the copy can be compared; then it merges, each session once', () => {
    const store = new FailingReadStore();
    const first = at(2026, 10, 5);
    stored(store, [first]);
    const legacyText = JSON.stringify([first]);
    store.setItem(bucketKey('2026-11'), legacyText);
    store.failing.add(NOVEMBER_0);
    const fresh = at(2026, 10, 6);
    addRecords(store, [fresh], NOW);
    expect(store.getItem(bucketKey('2026-11'))).toBe(legacyText);
    store.failing.delete(NOVEMBER_0);
    const later = at(2026, 10, 7);
    addRecords(store, [later], NOW);
    expect(store.getItem(bucketKey('2026-11'))).toBeNull();
    expect(readHistory(store)).toEqual({ records: [first, fresh, later], problems: [] });
  });

  it('quarantine - a quarantine storage fails to read is never written over: the push that would add to it defers and writes nothing; the next one keeps both entries', () => {
    const store = new FailingReadStore();
    stored(store, [at(2026, 10, 2)]);
    store.setItem(NOVEMBER_0, 'first damage');
    stored(store, [at(2026, 10, 3)]);
    store.setItem(NOVEMBER_0, 'second damage');
    store.failing.add(HISTORY_QUARANTINE_KEY);
    const snapshot = store.snapshot();
    const fresh = at(2026, 10, 4);
    expect(addRecords(store, [fresh], NOW)).toEqual(deferredFor([fresh], HISTORY_QUARANTINE_KEY));
    expect(store.snapshot()).toEqual(snapshot);
    stored(store, [fresh]);
    expect(readQuarantine(store).map((q) => q.raw)).toEqual(['first damage', 'second damage']);
    expect(readHistory(store).records).toEqual([fresh]);
  });

  it('merge - an id bucket storage fails to read while a layout-1 value is merged is not written over: the push defers; a stored session sent again is never stored twice', () => {
    const store = new FailingReadStore();
    const stored0 = at(2026, 10, 2);
    stored(store, [stored0]);
    // A layout-1 session whose id shares the stored session's id bucket, and a new one that does not.
    const legacy = atWithBucket(2026, 10, 1, (bucket) => bucket === idBucketKey(stored0.id));
    const fresh = atWithBucket(2026, 10, 6, (bucket) => bucket !== idBucketKey(stored0.id));
    store.setItem(bucketKey('2026-11'), JSON.stringify([legacy]));
    store.failing.add(idBucketKey(stored0.id));
    const snapshot = store.snapshot();
    expect(addRecords(store, [fresh], NOW)).toEqual(deferredFor([fresh], idBucketKey(stored0.id)));
    expect(store.snapshot()).toEqual(snapshot);
    stored(store, [fresh]);
    expect(addRecords(store, [stored0, legacy], NOW)).toEqual({ added: [], alreadyStored: [stored0.id, legacy.id], rejected: [], deferred: [] });
    expect(readHistory(store)).toEqual({ records: [legacy, stored0, fresh], problems: [] });
  });

  it('merge - an id bucket storage fails to read blocks the push even when a later legacy session\'s bucket reads', () => {
    const store = new FailingReadStore();
    const stored0 = at(2026, 10, 2);
    stored(store, [stored0]);
    const first = atWithBucket(2026, 10, 1, (bucket) => bucket === idBucketKey(stored0.id));
    const fresh = atWithBucket(2026, 10, 6, (bucket) => bucket !== idBucketKey(stored0.id));
    const second = atWithBucket(2026, 10, 3, (bucket) => bucket !== idBucketKey(stored0.id) && bucket !== idBucketKey(fresh.id));
    store.setItem(bucketKey('2026-11'), JSON.stringify([first, second]));
    store.failing.add(idBucketKey(stored0.id));
    const snapshot = store.snapshot();
    expect(addRecords(store, [fresh], NOW)).toEqual(deferredFor([fresh], idBucketKey(stored0.id)));
    expect(store.snapshot()).toEqual(snapshot);
  });

  it('readers - an index storage cannot read is reported, and the months are counted from their parts', () => {
    const memory = new MemoryStore();
    stored(memory, [at(2026, 10, 2), at(2026, 10, 3)]);
    expect(readIndex(unreadableKey(memory, HISTORY_INDEX_KEY))).toEqual({
      months: [{ month: '2026-11', count: 2 }],
      problem: expect.stringContaining(`could not read ${HISTORY_INDEX_KEY}`) as unknown,
    });
  });
});
