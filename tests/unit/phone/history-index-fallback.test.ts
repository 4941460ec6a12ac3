// docs/sync.md "Phone storage", history:index: the counts readers show, newest month first; while
// the index is damaged, readers count the months from the keys in the same order, whatever order
// storage lists its keys in (the History month picker opens on the first month).

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { HISTORY_INDEX_KEY } from '../../../core/phone/history-layout';
import { readIndex } from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 11, 1, 12);
const on = (month: number, day: number): SessionRecord => makeRecord({ startedAt: Date.UTC(2026, month, day, 9), tzOffsetMin: 0 });

describe('history index fallback', () => {
  it('history index - damaged, the months are counted newest first whatever order the keys were written in', () => {
    const store = new MemoryStore();
    // November first, then September (two sessions), then October: storage lists keys as written.
    for (const records of [[on(10, 3)], [on(8, 4), on(8, 5)], [on(9, 6)]]) {
      expect(answerPush(store, makePushParams(records), NOW)).toEqual({ accepted: records.map((r) => r.id), rejected: [] });
    }
    const counted = [
      { month: '2026-11', count: 1 },
      { month: '2026-10', count: 1 },
      { month: '2026-09', count: 2 },
    ];
    expect(readIndex(store).months).toEqual(counted);
    store.setItem(HISTORY_INDEX_KEY, '{"v":2,"months":');
    const fallback = readIndex(store);
    expect(fallback.months).toEqual(counted);
    expect(fallback.problem).toContain('counted the months instead');
  });
});
