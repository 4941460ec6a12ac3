// The watch's check-in log at its edges (core/watch/checkin-log.ts): it keeps the last 20 rated
// sessions, an unrated check-in adds nothing, and a damaged entry is skipped without losing the
// good ones (read leniently: damage means no evidence, never an error).
import { describe, expect, it } from 'vitest';
import { CHECKIN_LOG_LIMIT, loadCheckInLog, rememberCheckIn } from '../../../core/watch/checkin-log';
import { KEYS } from '../../../core/watch/keys';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeCheckIn, makeRecord } from '../../fixtures/records';

describe('check-in log - limits', () => {
  it('check-in log - keeps the 20 most recent rated sessions, dropping the oldest first', () => {
    expect(CHECKIN_LOG_LIMIT).toBe(20);
    const store = new MemoryStore();
    const records = Array.from({ length: 21 }, (_, i) => makeRecord({ minutesAfterBase: i * 1440, checkIn: [makeCheckIn({ area: 'neck', tightness: 2 })] }));
    for (const record of records) rememberCheckIn(store, record);
    expect(loadCheckInLog(store).map((e) => e.id)).toEqual(records.slice(1).map((r) => r.id));
  });

  it('check-in log - a check-in without any tightness leaves the log as it was', () => {
    const store = new MemoryStore();
    rememberCheckIn(store, makeRecord({ checkIn: [makeCheckIn({ area: 'neck', tightness: 1 })] }));
    const before = store.snapshot();
    const { tightness: _unrated, ...noTightness } = makeCheckIn({ area: 'forearms' });
    rememberCheckIn(store, makeRecord({ minutesAfterBase: 60, checkIn: [noTightness] }));
    rememberCheckIn(store, makeRecord({ minutesAfterBase: 120, checkIn: [] }));
    expect(store.snapshot()).toEqual(before);
  });

  it('check-in log - damaged entries are skipped and the good ones kept', () => {
    const store = new MemoryStore();
    const good = { id: 'w-1', ratings: [{ area: 'neck', tightness: 3 }] };
    store.setItem(KEYS.checkins, JSON.stringify([good, 5, null, { id: 7, ratings: [] }, { id: 'w-2' }, { id: 'w-3', ratings: 'tight' }]));
    expect(loadCheckInLog(store)).toEqual([good]);
  });

  it('check-in log - a stored value that is not a list reads as no evidence', () => {
    const store = new MemoryStore();
    store.setItem(KEYS.checkins, JSON.stringify({ id: 'w-1', ratings: [] }));
    expect(loadCheckInLog(store)).toEqual([]);
  });
});
