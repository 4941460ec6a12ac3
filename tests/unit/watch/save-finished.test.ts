// Saving a finished session on the watch (core/watch/finish.ts, docs/watch.md "Recovery"): the
// record is queued with its check-in and the watch's progression answers, a copy is kept for the
// Summary page, and only then is the session cleared, so a failed save loses nothing.
import { describe, expect, it } from 'vitest';
import { loadOutbox } from '../../../core/sync/outbox';
import { lastSummary, saveFinished } from '../../../core/watch/finish';
import { KEYS } from '../../../core/watch/keys';
import { saveProgression } from '../../../core/watch/progression-store';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeCheckIn, makeRecord } from '../../fixtures/records';

/** A record as the engine gives it: no check-in yet. */
const finished = () => makeRecord({ checkIn: [], notes: [] });

describe('saving a finished session', () => {
  it('finish - the Summary page reads back the saved record with the check-in given', () => {
    const store = new MemoryStore();
    const record = finished();
    const saved = saveFinished(store, record, [makeCheckIn({ area: 'neck', tightness: 3 })]);
    expect(saved.queued).toBe(true);
    const summary = lastSummary(store);
    expect(summary?.id).toBe(record.id);
    expect(summary?.checkIn.map((c) => [c.area, c.tightness])).toEqual([['neck', 3]]);
  });

  it('finish - a damaged Summary copy reads as none, never as a broken record', () => {
    const store = new MemoryStore();
    expect(lastSummary(store)).toBeNull();
    for (const damaged of ['{"id":', '[1]', '"text"', 'null', '{"id":5}', '{"v":1}']) {
      store.setItem(KEYS.lastSummary, damaged);
      expect(lastSummary(store)).toBeNull();
    }
  });

  it('finish - when the outbox cannot take the record the save says so, and the finished session stays stored', () => {
    const store = new MemoryStore();
    store.setItem(KEYS.session, 'the finished session');
    store.failWrites = true;
    const saved = saveFinished(store, finished());
    expect(saved.queued).toBe(false);
    expect(saved.error).toMatch(/save|outbox|write/i);
    expect(store.getItem(KEYS.session)).toBe('the finished session');
    expect(lastSummary(store)).toBeNull();
  });

  it('finish - a record already carrying progression answers keeps its own; one without gets the watch\'s', () => {
    const store = new MemoryStore();
    saveProgression(store, { decisions: [{ week: 20_400, choice: 'accepted' }] });
    const own = [{ week: 20_393, choice: 'declined' as const }];
    saveFinished(store, { ...finished(), progression: own });
    expect(lastSummary(store)?.progression).toEqual(own);
    saveFinished(store, finished());
    expect(lastSummary(store)?.progression).toEqual([{ week: 20_400, choice: 'accepted' }]);
    expect(loadOutbox(store).state.pending.map((p) => p.record.progression)).toEqual([own, [{ week: 20_400, choice: 'accepted' }]]);
  });
});
