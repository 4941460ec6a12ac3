// When storage, not the person, is the problem (a newer layout, a full or read-only disk, a key that
// cannot be read), saving or removing a pain score and reading a note say so in the storage's own
// words: the Settings App shows that text after "not saved", so it must not be tied to a field the
// person could fix, and the stored value stays.

import { describe, expect, it } from 'vitest';
import { noteKey, readNote } from '../../../core/phone/notes';
import { PAIN_PREFIX, readPainScores, savePainScore } from '../../../core/phone/pain-scores';
import { describeProblems } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { MemoryStore, unreadableKey } from '../../fixtures/memory-store';

const SCORED = { [`${PAIN_PREFIX}s1`]: JSON.stringify({ score: 3, updatedAt: 1 }) };

function shown<T>(result: Validated<T>): string {
  return result.ok ? 'ok' : describeProblems(result.problems);
}

class RefusingRemove extends MemoryStore {
  override removeItem(): void {
    throw new Error('read-only');
  }
}

describe('notes and pain scores - storage errors', () => {
  it('pain scores - removing a score on storage that refuses keeps it and says why, in the storage\'s words', () => {
    const store = new RefusingRemove(SCORED);
    const result = savePainScore(store, 's1', null, 2);
    expect(result.ok).toBe(false);
    expect(shown(result)).toMatch(/^could not .*read-only$/);
    expect(readPainScores(store).get('s1')).toBe(3);
  });

  it('pain scores - a newer storage layout or a full disk: the reason alone is shown, with no field before it', () => {
    const newer = new MemoryStore({ ...SCORED, [STORAGE_VERSION_KEY]: '99' });
    expect(shown(savePainScore(newer, 's1', 5, 2))).toMatch(/^phone storage version 99 is newer/);
    const full = new MemoryStore(SCORED);
    full.failWrites = true;
    expect(shown(savePainScore(full, 's1', 5, 2))).toMatch(/^could not save .*storage write failed$/);
  });

  it('notes - a note storage cannot read: the reason alone is shown, with no field before it', () => {
    const store = new MemoryStore({ [noteKey('s1')]: JSON.stringify({ text: 'fine', updatedAt: 4 }) });
    expect(shown(readNote(unreadableKey(store, noteKey('s1')), 's1'))).toMatch(/^could not read .*disk error$/);
  });
});
