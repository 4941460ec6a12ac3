// Details of phone storage that docs/sync.md states and no other test pins: the index lives under
// `history:index`; the quarantine keeps as many of the newest damaged values as fit in 64 KiB; a
// month's unreadable sessions are reported with the reason of the first; a request can carry an
// import of the full 20 MiB (the request limit is the import limit plus 1 KiB of envelope).

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { HISTORY_QUARANTINE_KEY, MAX_QUARANTINE_BYTES, bucketKey, partKey, readBucket, readQuarantine } from '../../../core/phone/history-store';
import { MAX_IMPORT_BYTES } from '../../../core/phone/export-import';
import { MAX_REQUEST_BYTES } from '../../../core/phone/history-requests';
import { answerPush } from '../../../core/phone/sync-answers';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 11, 1, 12);
const at = (y: number, m: number, d: number): SessionRecord => makeRecord({ startedAt: Date.UTC(y, m, d, 9), tzOffsetMin: 0 });

describe('phone storage details', () => {
  it('history index - stored under history:index with the month and its count', () => {
    const store = new MemoryStore();
    const record = at(2026, 10, 3);
    answerPush(store, makePushParams([record]), NOW);
    const index = JSON.parse(store.getItem('history:index') ?? 'null') as { months: Array<{ month: string; count: number }> };
    expect(index.months.map((m) => [m.month, m.count])).toEqual([['2026-11', 1]]);
  });

  it('quarantine - after overflowing, it holds the newest damaged values that fit in 64 KiB, not fewer', () => {
    const store = new MemoryStore();
    // Six damaged layout-1 months of about 20 KB, met one push at a time: three fit in 64 KiB, four do not.
    for (let i = 0; i < 6; i += 1) {
      const month = `2026-${String(i + 1).padStart(2, '0')}`;
      store.setItem(bucketKey(month), `damaged ${i} ${'x'.repeat(20_000)}`);
      answerPush(store, makePushParams([at(2026, i, 15)]), NOW);
    }
    expect((store.getItem(HISTORY_QUARANTINE_KEY) ?? '').length).toBeLessThanOrEqual(MAX_QUARANTINE_BYTES);
    expect(readQuarantine(store).map((q) => q.raw.slice(0, 9))).toEqual(['damaged 3', 'damaged 4', 'damaged 5']);
  });

  it('reading a month - unreadable sessions are counted and the first one\'s reason is given', () => {
    const good = at(2026, 10, 3);
    const store = new MemoryStore({ [partKey('2026-11', 0)]: JSON.stringify([{ ...good, tzOffsetMin: 'zero' }, good, { ...good, id: 'x2', status: 'maybe' }]) });
    const bucket = readBucket(store, '2026-11');
    expect(bucket.records).toEqual([good]);
    expect(bucket.problem).toMatch(/2 unreadable session\(s\): .*tzOffsetMin/);
  });

  it('history requests - the request limit holds a full-size import and its envelope (1 KiB more)', () => {
    expect(MAX_REQUEST_BYTES).toBe(MAX_IMPORT_BYTES + 1024);
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
  });
});
