// The watch remembers check-in ratings as sessions are saved, so the next run adapts even after
// the phone has taken the records; unrated check-ins add nothing; saving the same session twice
// counts once; a damaged log reads as no evidence.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { LIBRARY } from '../../../core/routines/library';
import { saveFinished } from '../../../core/watch/finish';
import { routineForRun } from '../../../core/watch/run-routine';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeCheckIn, makeRecord } from '../../fixtures/records';

const desk = LIBRARY.find((r) => r.id === 'desk-reset');
if (desk === undefined) throw new Error('desk-reset is built in');
const neckSeconds = (store: MemoryStore): number | undefined => routineForRun(desk, null, DEFAULT_SETTINGS, store).routine.steps[0]?.seconds;

describe('check-in log', () => {
  it('check-in log - three saved sessions with a tight neck make the next desk reset give the neck 75 s', () => {
    const store = new MemoryStore();
    for (let i = 0; i < 3; i += 1) {
      expect(neckSeconds(store)).toBe(60);
      saveFinished(store, makeRecord({ minutesAfterBase: i * 1440 }), [makeCheckIn({ area: 'neck', tightness: 3 })]);
    }
    expect(neckSeconds(store)).toBe(75);
  });

  it('check-in log - unrated check-ins and the same session saved twice add no evidence; a damaged log reads as none', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    saveFinished(store, record, [makeCheckIn({ area: 'neck', tightness: 3 })]);
    saveFinished(store, record, [makeCheckIn({ area: 'neck', tightness: 3 })]);
    saveFinished(store, makeRecord({ minutesAfterBase: 60 }), []);
    saveFinished(store, makeRecord({ minutesAfterBase: 120 }), [makeCheckIn({ area: 'neck', tightness: 3 })]);
    expect(neckSeconds(store)).toBe(60);
    store.setItem('knead.checkins', '{"broken');
    expect(neckSeconds(store)).toBe(60);
  });
});
