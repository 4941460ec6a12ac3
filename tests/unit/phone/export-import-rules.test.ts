// The import's rules for what it may replace, from docs/design.md and docs/sync.md: newer wins for
// notes, pain scores and the plan (equal or older is skipped); an unreadable stored note or score is
// never written over (it may be the only copy); a broken file or a refused write imports nothing,
// saying why; "delete everything" removes what an export holds (history, notes, pain scores, plan)
// and leaves the rest; an export names what it could not read.

import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, deleteAll, exportAll, importAll } from '../../../core/phone/export-import';
import { addRecords, readHistory } from '../../../core/phone/history-store';
import { noteKey, readNote, saveNote } from '../../../core/phone/notes';
import { PAIN_PREFIX, readPainScores, savePainScore } from '../../../core/phone/pain-scores';
import { PLAN_KEY, readPlan, savePlan } from '../../../core/routines/plan-store';
import { PREFS_KEY } from '../../../core/settings/prefs-store';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';
import { BASE_START, DAY_MS, makeRecord } from '../../fixtures/records';

const NOW = BASE_START + 400 * DAY_MS;

function exportDoc(fields: Record<string, unknown>): string {
  return JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [], notes: [], plan: null, ...fields });
}

function summaryOf(store: MemoryStore, text: string) {
  const result = importAll(store, text, NOW);
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  return result.summary;
}

describe('import rules', () => {
  it('import rules - a file over the size limit is refused unread, saying its size and the limit', () => {
    const store = new MemoryStore();
    const text = exportDoc({ pad: 'x'.repeat(MAX_IMPORT_BYTES) });
    const result = importAll(store, text, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(String(MAX_IMPORT_BYTES));
    expect(!result.ok && result.error).toMatch(/nothing was imported$/);
    expect(store.snapshot()).toEqual({});
  });

  it('import rules - a file of exactly the size limit is read (the limit is inclusive)', () => {
    const base = exportDoc({ pad: '' });
    const text = exportDoc({ pad: 'x'.repeat(MAX_IMPORT_BYTES - base.length) });
    expect(text.length).toBe(MAX_IMPORT_BYTES);
    expect(importAll(new MemoryStore(), text, NOW).ok).toBe(true);
  });

  it('import rules - what is not text, or has a version that is not a whole number from 1, imports nothing', () => {
    expect(importAll(new MemoryStore(), 42 as unknown as string, NOW)).toEqual({ ok: false, error: 'the import is not text; nothing was imported' });
    for (const v of [0, -1, 1.5, null, undefined]) {
      const result = importAll(new MemoryStore(), exportDoc({ v }), NOW);
      expect(result.ok ? 'ok' : result.error, String(v)).toMatch(/no readable version; nothing was imported$/);
    }
    const noFormat = importAll(new MemoryStore(), JSON.stringify({ v: 1, records: [] }), NOW);
    expect(noFormat.ok ? 'ok' : noFormat.error).toMatch(/not a Knead export/);
  });

  it('import rules - notes that are not a list import nothing, records included', () => {
    const store = new MemoryStore();
    const result = importAll(store, exportDoc({ records: [makeRecord()], notes: { a: 1 } }), NOW);
    expect(result.ok ? 'ok' : result.error).toMatch(/^notes must be a list; nothing was imported$/);
    expect(store.snapshot()).toEqual({});
  });

  it('import rules - a file without notes or pain scores (older exports) is fine', () => {
    const record = makeRecord();
    const text = JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [record], plan: null });
    expect(summaryOf(new MemoryStore(), text)).toEqual({ added: 1, skipped: 0, rejected: [], notesAdded: 0, notesSkipped: 0, plan: 'none', prefs: 'none' });
  });

  it('import rules - a file holding only known things writes nothing at all (not even the storage version)', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    addRecords(store, [record], NOW);
    const before = store.snapshot();
    store.writes.length = 0;
    expect(summaryOf(store, exportDoc({ records: [record] }))).toMatchObject({ added: 0, skipped: 1 });
    expect(store.writes).toEqual([]);
    expect(store.snapshot()).toEqual(before);
    // Into an empty phone, a file whose every entry is refused leaves it empty.
    const empty = new MemoryStore();
    expect(summaryOf(empty, exportDoc({ records: [{ ...record, status: 'x' }] })).rejected).toHaveLength(1);
    expect(empty.snapshot()).toEqual({});
  });

  it('import rules - of two notes for one session in the file the newer is taken; a stored note is replaced only by a newer one', () => {
    const a = makeRecord();
    const b = makeRecord({ minutesAfterBase: 60 });
    const store = new MemoryStore();
    addRecords(store, [a, b], NOW);
    expect(saveNote(store, a.id, 'stored a', 100).ok).toBe(true);
    expect(saveNote(store, b.id, 'stored b', 100).ok).toBe(true);
    const summary = summaryOf(
      store,
      exportDoc({
        notes: [
          { sessionId: a.id, text: 'older in file', updatedAt: 150 },
          { sessionId: a.id, text: 'newest in file', updatedAt: 200 },
          { sessionId: a.id, text: 'oldest in file', updatedAt: 120 },
          // Equal to the stored one: not newer, skipped.
          { sessionId: b.id, text: 'same time', updatedAt: 100 },
        ],
      }),
    );
    expect([summary.notesAdded, summary.notesSkipped]).toEqual([1, 1]);
    expect(readNote(store, a.id)).toEqual({ ok: true, value: { sessionId: a.id, text: 'newest in file', updatedAt: 200 } });
    expect(readNote(store, b.id)).toEqual({ ok: true, value: { sessionId: b.id, text: 'stored b', updatedAt: 100 } });
  });

  it('import rules - an unreadable stored note is kept (it may be the only copy) and the import says so', () => {
    const record = makeRecord();
    const store = new MemoryStore();
    addRecords(store, [record], NOW);
    store.setItem(noteKey(record.id), '{"text":');
    const summary = summaryOf(store, exportDoc({ notes: [{ sessionId: record.id, text: 'from the file', updatedAt: 500 }] }));
    expect([summary.notesAdded, summary.notesSkipped]).toEqual([0, 0]);
    expect(summary.rejected).toEqual([{ id: record.id, reason: expect.stringMatching(/the stored note was kept$/) }]);
    expect(store.getItem(noteKey(record.id))).toBe('{"text":');
  });

  it('import rules - a malformed note is refused by its place in the file, with the field', () => {
    const summary = summaryOf(new MemoryStore(), exportDoc({ notes: [42, { sessionId: 'a b', text: 'x', updatedAt: 1 }] }));
    expect(summary.rejected.map((r) => r.id)).toEqual(['notes[0]', 'notes[1]']);
    expect(summary.rejected[0]?.reason).toContain('notes[0].sessionId');
    expect(summary.rejected[1]?.reason).toContain('notes[1].sessionId');
  });

  it('import rules - pain scores: the newest in the file is taken, a stored one replaced only by a newer one, counted', () => {
    const a = makeRecord({ status: 'pain' });
    const b = makeRecord({ minutesAfterBase: 60, status: 'pain' });
    const store = new MemoryStore();
    addRecords(store, [a, b], NOW);
    expect(savePainScore(store, b.id, 6, 300).ok).toBe(true);
    const summary = summaryOf(
      store,
      exportDoc({
        painScores: [
          { sessionId: a.id, score: 3, updatedAt: 100 },
          { sessionId: a.id, score: 7, updatedAt: 200 },
          { sessionId: a.id, score: 1, updatedAt: 150 },
          { sessionId: b.id, score: 2, updatedAt: 300 },
        ],
      }),
    );
    expect([summary.painScoresAdded, summary.painScoresSkipped]).toEqual([1, 1]);
    expect(readPainScores(store)).toEqual(new Map([[a.id, 7], [b.id, 6]]));
  });

  it('import rules - a pain score for no session id, or an unreadable stored score, is refused with the reason; the stored one stays', () => {
    const record = makeRecord({ status: 'pain' });
    const store = new MemoryStore();
    addRecords(store, [record], NOW);
    store.setItem(`${PAIN_PREFIX}${record.id}`, 'garbled');
    const summary = summaryOf(
      store,
      exportDoc({
        painScores: [
          { sessionId: 'has space', score: 3, updatedAt: 100 },
          { score: 3, updatedAt: 100 },
          { sessionId: record.id, score: 3, updatedAt: -5 },
          { sessionId: record.id, score: 4, updatedAt: 100 },
        ],
      }),
    );
    expect(summary.rejected.map((r) => r.id)).toEqual(['painScores[0]', 'painScores[1]', 'painScores[2]', record.id]);
    expect(summary.rejected[0]?.reason).toContain('painScores[0].sessionId');
    expect(summary.rejected[2]?.reason).toContain('painScores[2].updatedAt');
    expect(summary.rejected[3]?.reason).toMatch(/unreadable/);
    expect(store.getItem(`${PAIN_PREFIX}${record.id}`)).toBe('garbled');
    expect([summary.painScoresAdded, summary.painScoresSkipped]).toEqual([undefined, undefined]);
  });

  it('import rules - the plan: a newer one replaces the stored one, an equal or older one is kept, an unreadable stored one is kept with the reason', () => {
    const store = new MemoryStore();
    const stored = { ...makePlan(), updatedAt: 1_000 };
    expect(savePlan(store, stored).ok).toBe(true);
    expect(summaryOf(store, exportDoc({ plan: { ...stored, weeklyTarget: 5, updatedAt: 1_000 } })).plan).toBe('kept');
    expect(summaryOf(store, exportDoc({ plan: { ...stored, weeklyTarget: 5, updatedAt: 999 } })).plan).toBe('kept');
    expect(readPlan(store).plan).toEqual(stored);
    expect(summaryOf(store, exportDoc({ plan: { ...stored, weeklyTarget: 5, updatedAt: 1_001 } })).plan).toBe('imported');
    expect(readPlan(store).plan).toEqual({ ...stored, weeklyTarget: 5, updatedAt: 1_001 });

    store.setItem(PLAN_KEY, '{"broken');
    const summary = summaryOf(store, exportDoc({ plan: { ...stored, updatedAt: 5_000 } }));
    expect(summary.plan).toBe('kept');
    expect(summary.planProblem).toMatch(/the stored plan was kept$/);
    expect(store.getItem(PLAN_KEY)).toBe('{"broken');
  });
});

describe('delete everything', () => {
  it('delete everything - removes history, notes, pain scores, the plan and the layout version; preferences and other keys stay; says how many', () => {
    const record = makeRecord({ status: 'pain' });
    const store = new MemoryStore({ [PREFS_KEY]: 'prefs', 'ui:month': '2026-11', 'request:abc': '{}' });
    addRecords(store, [record], NOW);
    saveNote(store, record.id, 'a note', NOW);
    savePainScore(store, record.id, 4, NOW);
    savePlan(store, makePlan());
    const removable = store.keys().filter((k) => !['ui:month', 'request:abc', PREFS_KEY].includes(k));
    expect(removable).toContain(STORAGE_VERSION_KEY);
    expect(deleteAll(store)).toEqual({ ok: true, removed: removable.length });
    expect(store.keys().sort()).toEqual(['request:abc', 'ui:month', PREFS_KEY].sort());
  });

  it('delete everything - when storage refuses, nothing is removed and the reason is given', () => {
    const store = new MemoryStore();
    addRecords(store, [makeRecord()], NOW);
    const before = store.snapshot();
    class RefusingRemove extends MemoryStore {
      override removeItem(): void {
        throw new Error('read-only');
      }
    }
    const refusing = new RefusingRemove(before);
    const result = deleteAll(refusing);
    expect(result.ok).toBe(false);
    expect(result.removed).toBe(0);
    expect(result.error).toContain('read-only');
    expect(refusing.snapshot()).toEqual(before);
  });
});

describe('export', () => {
  it('export - names what it could not read (a note, the plan, the preferences) and exports the rest', () => {
    const record = makeRecord();
    const store = new MemoryStore();
    addRecords(store, [record], NOW);
    store.setItem(noteKey(record.id), 'not json');
    store.setItem(PLAN_KEY, 'not json either');
    store.setItem(PREFS_KEY, '{"settings":');
    const exported = exportAll(store, NOW);
    expect(exported.problems).toHaveLength(3);
    const doc = JSON.parse(exported.text) as Record<string, unknown>;
    expect(doc).toMatchObject({ format: 'knead-export', v: 1, exportedAt: NOW, notes: [], plan: null, prefs: null, painScores: [] });
    expect(doc['records']).toEqual(readHistory(store).records);
  });
});
