// docs/sync.md "Phone storage rules": the quarantine holds damaged values at most 64 KiB, the oldest
// going first (a value bigger than half of it is cut); retention counts 60 months back from the
// newest month holding a session from a trusted clock, so a session from a watch clock set years
// ahead drops nothing; "the same session again" ignores the phone's own clock flag; readers report a
// value storage cannot read and go on.

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { HISTORY_QUARANTINE_KEY, MAX_QUARANTINE_BYTES, bucketKey, partKey, readBucket, readHistory, readIndex, readQuarantine } from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { DAY_MS, makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 11, 1, 12);
const at = (y: number, m: number, d: number): SessionRecord => makeRecord({ startedAt: Date.UTC(y, m, d, 9), tzOffsetMin: 0 });

function accepted(store: MemoryStore, records: readonly SessionRecord[], now = NOW): void {
  expect(answerPush(store, makePushParams(records), now)).toEqual({ accepted: records.map((r) => r.id), rejected: [] });
}

describe('history quarantine', () => {
  it('quarantine - stays within 64 KiB: the oldest entries go first, the newest is kept', () => {
    const store = new MemoryStore();
    // Each push meets a damaged layout-1 month of about 20 KB in a month it writes.
    for (let i = 0; i < 6; i += 1) {
      const month = `2026-${String(i + 1).padStart(2, '0')}`;
      store.setItem(bucketKey(month), `damaged ${i} ${'x'.repeat(20_000)}`);
      accepted(store, [at(2026, i, 15)]);
    }
    const text = store.getItem(HISTORY_QUARANTINE_KEY) as string;
    expect(text.length).toBeLessThanOrEqual(MAX_QUARANTINE_BYTES);
    const kept = readQuarantine(store).map((q) => q.raw.slice(0, 9));
    expect(kept[kept.length - 1]).toBe('damaged 5');
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(6);
    expect(kept).toEqual(['damaged 0', 'damaged 1', 'damaged 2', 'damaged 3', 'damaged 4', 'damaged 5'].slice(6 - kept.length));
    expect(readHistory(store).records).toHaveLength(6);
  });

  it('quarantine - a damaged value larger than half the quarantine is kept cut, marked with an ellipsis', () => {
    const store = new MemoryStore();
    const huge = `start ${'y'.repeat(MAX_QUARANTINE_BYTES)}`;
    store.setItem(bucketKey('2026-11'), huge);
    accepted(store, [at(2026, 10, 15)]);
    const [entry] = readQuarantine(store);
    expect(entry?.raw).toBe(`${huge.slice(0, MAX_QUARANTINE_BYTES / 2)}…`);
    expect((store.getItem(HISTORY_QUARANTINE_KEY) as string).length).toBeLessThanOrEqual(MAX_QUARANTINE_BYTES);
  });

  it('quarantine - an unreadable quarantine reads as empty and is started again; malformed entries are not shown', () => {
    const store = new MemoryStore({ [HISTORY_QUARANTINE_KEY]: '{"v":1,"entries":[' });
    expect(readQuarantine(store)).toEqual([]);
    store.setItem(bucketKey('2026-11'), 'broken');
    accepted(store, [at(2026, 10, 15)]);
    expect(readQuarantine(store).map((q) => q.raw)).toEqual(['broken']);
    const good = { month: '2026-11', at: 5, raw: 'x', reason: 'r' };
    store.setItem(
      HISTORY_QUARANTINE_KEY,
      JSON.stringify({ v: 1, entries: [good, { ...good, month: 7 }, { ...good, at: '5' }, { ...good, raw: null }, { ...good, reason: undefined }, 'text'] }),
    );
    expect(readQuarantine(store)).toEqual([good]);
    for (const text of ['[]', '{"v":1}', '{"v":1,"entries":{}}']) {
      store.setItem(HISTORY_QUARANTINE_KEY, text);
      expect(readQuarantine(store), text).toEqual([]);
    }
  });

  it('quarantine - earlier entries are kept when more damage is set aside', () => {
    const store = new MemoryStore();
    store.setItem(bucketKey('2026-10'), 'first damage');
    accepted(store, [at(2026, 9, 15)]);
    store.setItem(bucketKey('2026-11'), 'second damage');
    accepted(store, [at(2026, 10, 15)]);
    expect(readQuarantine(store).map((q) => [q.month, q.raw])).toEqual([
      ['2026-10', 'first damage'],
      ['2026-11', 'second damage'],
    ]);
  });
});

describe('history retention and clocks', () => {
  it('retention - a session from a watch clock years ahead is stored flagged and drops nothing', () => {
    const store = new MemoryStore();
    const recent = at(2026, 10, 15);
    accepted(store, [recent]);
    const ahead = at(2032, 5, 1);
    accepted(store, [ahead]);
    expect(readHistory(store).records.map((r) => [r.id, r.clockSuspect === true])).toEqual([
      [recent.id, false],
      [ahead.id, true],
    ]);
    // A later session from a right clock is still inside the window.
    const next = at(2026, 10, 20);
    accepted(store, [next]);
    expect(readIndex(store).months.map((m) => m.month)).toEqual(['2032-06', '2026-11']);
  });

  it('retention - 60 months back from the newest trusted month: the 60th month back is kept, the 61st refused', () => {
    const store = new MemoryStore();
    accepted(store, [at(2026, 10, 15)]);
    // 2026-11 is month 60 of the window; 2021-12 is the oldest month kept, 2021-11 is one too old.
    accepted(store, [at(2021, 11, 15)]);
    const tooOld = at(2021, 10, 15);
    const reply = answerPush(store, makePushParams([tooOld]), NOW);
    expect(reply).toEqual({ accepted: [], rejected: [{ id: tooOld.id, reason: expect.stringContaining('older than the 60 months') }] });
  });

  it('same session - a session the phone flagged for its clock is "already stored" when the watch sends it again later', () => {
    const store = new MemoryStore();
    // Started two days ahead of the phone's clock: stored flagged.
    const record = makeRecord({ startedAt: NOW + 2 * DAY_MS, tzOffsetMin: 0 });
    accepted(store, [record]);
    expect(readHistory(store).records[0]?.clockSuspect).toBe(true);
    const before = store.snapshot();
    // Sent again a week later, when its time is no longer ahead: the same session.
    accepted(store, [record], NOW + 7 * DAY_MS);
    expect(store.snapshot()).toEqual(before);
  });
});

describe('history readers', () => {
  it('readers - a month value storage cannot read is reported with the reason; the rest of the month is read', () => {
    class FailingRead extends MemoryStore {
      override getItem(key: string): string | null {
        if (key === partKey('2026-11', 1)) throw new Error('read failed');
        return super.getItem(key);
      }
    }
    const kept = at(2026, 10, 3);
    const store = new FailingRead({ [STORAGE_VERSION_KEY]: '2', [partKey('2026-11', 0)]: JSON.stringify([kept]), [partKey('2026-11', 1)]: '[]' });
    const bucket = readBucket(store, '2026-11');
    expect(bucket.records).toEqual([kept]);
    expect(bucket.exists).toBe(true);
    expect(bucket.problem).toContain('read failed');
    expect(readBucket(store, '2026-10')).toEqual({ month: '2026-10', records: [], exists: false });
  });

  it('readers - a month value that is JSON but not a list is reported by its key', () => {
    const store = new MemoryStore({ [partKey('2026-11', 0)]: '{"a":1}' });
    expect(readBucket(store, '2026-11').problem).toContain(partKey('2026-11', 0));
    expect(readHistory(store)).toEqual({ records: [], problems: [expect.stringContaining('not a list')] });
  });

  it('readers - a layout-1 index with its counts is read as it is; a damaged one is counted from the months and said', () => {
    const store = new MemoryStore({ 'history:index': JSON.stringify({ v: 1, months: [{ month: '2026-11', count: 3 }] }) });
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-11', count: 3 }] });
    store.setItem(partKey('2026-11', 0), JSON.stringify([at(2026, 10, 3)]));
    store.setItem('history:index', '{"v":1,"months":[{"month":"2026-11"}]}');
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-11', count: 1 }], problem: expect.stringContaining('unreadable') });
    store.removeItem('history:index');
    expect(readIndex(store)).toEqual({ months: [{ month: '2026-11', count: 1 }] });
  });
});
