import { describe, expect, it } from 'vitest';
import { hadPain, readPainScores, savePainScore } from '../../../core/phone/pain-scores';
import { deleteAll } from '../../../core/phone/export-import';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeCheckIn, makeRecord } from '../../fixtures/records';

describe('pain scores', () => {
  it('pain scores - a 0-10 score is kept per session, replaced, removed, and gone after delete everything', () => {
    const store = new MemoryStore();
    expect(savePainScore(store, 's1', 6, 10).ok).toBe(true);
    expect(savePainScore(store, 's2', 0, 10).ok).toBe(true);
    expect(savePainScore(store, 's1', 4, 11).ok).toBe(true);
    expect([...readPainScores(store)].sort()).toEqual([['s1', 4], ['s2', 0]]);
    expect(savePainScore(store, 's2', null, 12).ok).toBe(true);
    expect([...readPainScores(store)]).toEqual([['s1', 4]]);
    deleteAll(store);
    expect(readPainScores(store).size).toBe(0);
  });

  it('pain scores - a score outside 0-10 or not whole is refused and the stored one stays', () => {
    const store = new MemoryStore();
    savePainScore(store, 's1', 3, 10);
    for (const bad of [11, -1, 2.5, Number.NaN]) {
      const saved = savePainScore(store, 's1', bad, 11);
      expect(saved.ok ? '' : saved.problems[0]?.message).toBe('must be a whole number from 0 to 10');
    }
    expect(readPainScores(store).get('s1')).toBe(3);
  });

  it('pain scores - only sessions stopped for pain or with pain at the check-in can be scored', () => {
    expect(hadPain(makeRecord({ status: 'pain', painStepIndex: 0 }))).toBe(true);
    expect(hadPain(makeRecord({ status: 'completed', checkIn: [makeCheckIn({ pain: true })] }))).toBe(true);
    expect(hadPain(makeRecord({ status: 'stopped' }))).toBe(false);
  });
});
