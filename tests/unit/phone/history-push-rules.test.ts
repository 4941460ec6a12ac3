// docs/sync.md "Phone storage rules", the cases no other test reaches: the same session twice in one
// push is stored once and refused never; the first push after the update converts layout 1 even when
// every session it carries is already stored; retention keeps the 60th month back and drops the 61st
// when a newer month is written; an open part storage fails to read is noted in the quarantine (with
// the reason, and no text, since none was read) and left as stored; and with no month trusted for its
// clock (a damaged flag never trusts one) nothing counts as old, so a wrong-clock session drops nothing.

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { HISTORY_INDEX_KEY, addRecords, bucketKey, partKey, readHistory, readIndex, readQuarantine } from '../../../core/phone/history-store';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { FailingReadStore, MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 11, 20, 12);
const at = (y: number, m: number, d: number): SessionRecord => makeRecord({ startedAt: Date.UTC(y, m, d, 9), tzOffsetMin: 0 });
const months = (store: MemoryStore): string[] => readIndex(store).months.map((m) => m.month);

function stored(store: MemoryStore, records: readonly SessionRecord[]): void {
  expect(addRecords(store, records, NOW)).toEqual({ added: records.map((r) => r.id), alreadyStored: [], rejected: [], deferred: [] });
}

describe('history push rules', () => {
  it('push - the same session twice in one push is stored once, and neither copy is refused', () => {
    const store = new MemoryStore();
    const record = at(2026, 10, 3);
    const outcome = addRecords(store, [record, { ...record }], NOW);
    expect(outcome.added).toEqual([record.id]);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.deferred).toEqual([]);
    expect(readHistory(store).records).toEqual([record]);
  });

  it('push - the first push after the update converts layout 1 even when every session it carries is already stored', () => {
    const kept = at(2026, 10, 3);
    const store = new MemoryStore({
      [STORAGE_VERSION_KEY]: '1',
      [bucketKey('2026-11')]: JSON.stringify([kept]),
      [HISTORY_INDEX_KEY]: JSON.stringify({ v: 1, months: [{ month: '2026-11', count: 1 }] }),
    });
    expect(addRecords(store, [kept], NOW)).toEqual({ added: [], alreadyStored: [kept.id], rejected: [], deferred: [] });
    expect(store.getItem(bucketKey('2026-11'))).toBeNull();
    expect((JSON.parse(store.getItem(HISTORY_INDEX_KEY) as string) as { v: number }).v).toBe(2);
    expect(readHistory(store).records).toEqual([kept]);
  });

  it('push - an open part storage fails to read is noted in the quarantine with the reason and no text; the new session is stored', () => {
    const store = new FailingReadStore();
    stored(store, [at(2026, 10, 3)]);
    store.failing.add(partKey('2026-11', 0));
    const fresh = at(2026, 10, 4);
    stored(store, [fresh]);
    const quarantine = readQuarantine(store);
    expect(quarantine.map((q) => [q.month, q.raw])).toEqual([['2026-11', '']]);
    expect(quarantine[0]?.reason).toContain('read failed');
    expect(readHistory(store).records).toContainEqual(fresh);
  });

  it('retention - writing a newer month keeps the month 60 months back and drops the one before it', () => {
    const store = new MemoryStore();
    // 2026-11 is month 60 counting back to 2021-12; 2021-11 is the 61st.
    const tooOld = at(2021, 10, 15);
    const oldestKept = at(2021, 11, 15);
    stored(store, [tooOld, oldestKept]);
    const newest = at(2026, 10, 15);
    stored(store, [newest]);
    expect(months(store)).toEqual(['2026-11', '2021-12']);
    expect(readHistory(store).records).toEqual([oldestKept, newest]);
  });

  it('retention - with no month trusted for its clock, a wrong-clock session drops nothing', () => {
    const store = new MemoryStore();
    const older = at(2024, 5, 15);
    const newer = at(2026, 10, 15);
    stored(store, [older, newer]);
    // Damaged flags: no stored month counts as from a right clock any more.
    const index = JSON.parse(store.getItem(HISTORY_INDEX_KEY) as string) as { months: Array<Record<string, unknown>> };
    for (const m of index.months) m['trusted'] = 'yes';
    store.setItem(HISTORY_INDEX_KEY, JSON.stringify(index));
    // Before 2020: the phone flags the watch clock as wrong.
    const unset = at(2019, 0, 1);
    stored(store, [unset]);
    expect(readHistory(store).records.map((r) => [r.id, r.clockSuspect === true])).toEqual([
      [unset.id, true],
      [older.id, false],
      [newer.id, false],
    ]);
  });
});
