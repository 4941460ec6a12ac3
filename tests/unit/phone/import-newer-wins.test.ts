// Newer wins, for notes and pain scores in an import (docs/sync.md: an import is "idempotent by id,
// newer-wins for notes, plan and preferences"; the phone's scores are kept like notes). What is
// already there stays unless the incoming copy is newer: a stored score gives way to a newer one
// from the file, and of two copies in one file with the same time the one read first stays, as a
// stored copy with that time would.

import { describe, expect, it } from 'vitest';
import { importAll } from '../../../core/phone/export-import';
import { addRecords } from '../../../core/phone/history-store';
import { readNote } from '../../../core/phone/notes';
import { readPainScoreEntries, savePainScore } from '../../../core/phone/pain-scores';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord } from '../../fixtures/records';

const NOW = BASE_START + 400 * DAY_MS;

function fileWith(fields: Record<string, unknown>): string {
  return JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [], notes: [], plan: null, ...fields });
}

function summaryOf(store: MemoryStore, text: string) {
  const result = importAll(store, text, NOW);
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  return result.summary;
}

describe('import - newer wins', () => {
  it('import newer wins - a stored pain score older than the file\'s is replaced by it, and counted as added', () => {
    const record = makeRecord({ status: 'pain' });
    const store = new MemoryStore();
    addRecords(store, [record], NOW);
    expect(savePainScore(store, record.id, 6, 100).ok).toBe(true);
    const summary = summaryOf(store, fileWith({ painScores: [{ sessionId: record.id, score: 2, updatedAt: 200 }] }));
    expect([summary.painScoresAdded, summary.painScoresSkipped]).toEqual([1, 0]);
    expect(readPainScoreEntries(store)).toEqual([{ sessionId: record.id, score: 2, updatedAt: 200 }]);
  });

  it('import newer wins - of two notes for one session with the same time in one file, the first stays (the second is not newer)', () => {
    const record = makeRecord();
    const store = new MemoryStore();
    addRecords(store, [record], NOW);
    const summary = summaryOf(
      store,
      fileWith({
        notes: [
          { sessionId: record.id, text: 'first', updatedAt: 300 },
          { sessionId: record.id, text: 'second, same time', updatedAt: 300 },
        ],
      }),
    );
    expect([summary.notesAdded, summary.notesSkipped]).toEqual([1, 0]);
    expect(readNote(store, record.id)).toEqual({ ok: true, value: { sessionId: record.id, text: 'first', updatedAt: 300 } });
  });

  it('import newer wins - of two pain scores for one session with the same time in one file, the first stays', () => {
    const record = makeRecord({ status: 'pain' });
    const store = new MemoryStore();
    addRecords(store, [record], NOW);
    const summary = summaryOf(
      store,
      fileWith({
        painScores: [
          { sessionId: record.id, score: 4, updatedAt: 300 },
          { sessionId: record.id, score: 9, updatedAt: 300 },
        ],
      }),
    );
    expect([summary.painScoresAdded, summary.painScoresSkipped]).toEqual([1, 0]);
    expect(readPainScoreEntries(store)).toEqual([{ sessionId: record.id, score: 4, updatedAt: 300 }]);
  });
});
