// docs/sync.md "Phone storage", history:quarantine: at most 64 KiB (the oldest entries go first),
// and "a value over half of it is cut". Both bounds to the byte: exactly 64 KiB is still within
// the quarantine, and a value of exactly half of it is not over half.

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { HISTORY_QUARANTINE_KEY, MAX_QUARANTINE_BYTES, bucketKey, readQuarantine } from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 11, 1, 12);
const november = (): SessionRecord => makeRecord({ startedAt: Date.UTC(2026, 10, 15, 9), tzOffsetMin: 0 });

function accepted(store: MemoryStore, records: readonly SessionRecord[]): void {
  expect(answerPush(store, makePushParams(records), NOW)).toEqual({ accepted: records.map((r) => r.id), rejected: [] });
}

/** A store whose quarantine already holds one entry with `rawLength` characters, and a damaged November. */
function storeWithEarlierEntry(rawLength: number): MemoryStore {
  const earlier = { month: '2026-10', at: 1, raw: 'a'.repeat(rawLength), reason: 'earlier damage' };
  const store = new MemoryStore({ [HISTORY_QUARANTINE_KEY]: JSON.stringify({ v: 1, entries: [earlier] }) });
  store.setItem(bucketKey('2026-11'), 'broken');
  return store;
}

describe('history quarantine bounds', () => {
  it('quarantine bounds - a damaged value of exactly half the quarantine is kept whole; one character more is cut', () => {
    const half = MAX_QUARANTINE_BYTES / 2;
    const exact = `damaged ${'z'.repeat(half - 8)}`;
    expect(exact.length).toBe(half);
    const store = new MemoryStore();
    store.setItem(bucketKey('2026-11'), exact);
    accepted(store, [november()]);
    expect(readQuarantine(store).map((q) => q.raw)).toEqual([exact]);

    const longer = `${exact}!`;
    const other = new MemoryStore();
    other.setItem(bucketKey('2026-11'), longer);
    accepted(other, [november()]);
    expect(readQuarantine(other).map((q) => q.raw)).toEqual([`${exact}…`]);
  });

  it('quarantine bounds - a quarantine of exactly 64 KiB keeps every entry; one byte more drops the oldest', () => {
    // What the quarantine costs besides the earlier entry's text, measured on a small one.
    const probe = storeWithEarlierEntry(100);
    accepted(probe, [november()]);
    expect(readQuarantine(probe)).toHaveLength(2);
    const rest = (probe.getItem(HISTORY_QUARANTINE_KEY) as string).length - 100;

    const full = storeWithEarlierEntry(MAX_QUARANTINE_BYTES - rest);
    accepted(full, [november()]);
    expect((full.getItem(HISTORY_QUARANTINE_KEY) as string).length).toBe(MAX_QUARANTINE_BYTES);
    expect(readQuarantine(full).map((q) => [q.month, q.raw.length])).toEqual([
      ['2026-10', MAX_QUARANTINE_BYTES - rest],
      ['2026-11', 'broken'.length],
    ]);

    const over = storeWithEarlierEntry(MAX_QUARANTINE_BYTES - rest + 1);
    accepted(over, [november()]);
    expect(readQuarantine(over).map((q) => [q.month, q.raw])).toEqual([['2026-11', 'broken']]);
  });
});
