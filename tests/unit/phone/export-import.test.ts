import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/model';
import { deleteAll, exportAll, importAll } from '../../../core/phone/export-import';
import { readHistory } from '../../../core/phone/history-store';
import { readAllNotes, saveNote } from '../../../core/phone/notes';
import { readPlan, savePlan } from '../../../core/phone/plan-store';
import { PREFS_KEY, savePrefs } from '../../../core/phone/prefs-store';
import { addRecords } from '../../../core/phone/history-store';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';
import { BASE_START, DAY_MS, makeRecord, makeRecords } from '../../fixtures/records';

const NOW = BASE_START + 400 * DAY_MS;

function filled(records: readonly SessionRecord[]): MemoryStore {
  const store = new MemoryStore();
  addRecords(store, records, NOW);
  for (const r of records.slice(0, 2)) saveNote(store, r.id, `note for ${r.id}`, 5);
  savePlan(store, makePlan());
  savePrefs(store, { intensity: 'strong', leadInSeconds: 10, halfwayTick: false, screen: 'keep-on' }, NOW - DAY_MS);
  return store;
}

describe('export and import', () => {
  it('export/import - importing an export into an empty phone restores everything', () => {
    const source = filled(makeRecords(5));
    const exported = exportAll(source, NOW);
    expect(exported.problems).toEqual([]);
    const target = new MemoryStore();
    expect(importAll(target, exported.text, NOW)).toEqual({
      ok: true,
      summary: { added: 5, skipped: 0, rejected: [], notesAdded: 2, notesSkipped: 0, plan: 'imported', prefs: 'imported' },
    });
    expect(target.snapshot()).toEqual(source.snapshot());
  });

  it('export/import - importing twice skips what is already there and changes nothing', () => {
    const source = filled(makeRecords(3));
    const text = exportAll(source, NOW).text;
    const before = source.snapshot();
    expect(importAll(source, text, NOW)).toEqual({
      ok: true,
      summary: { added: 0, skipped: 3, rejected: [], notesAdded: 0, notesSkipped: 2, plan: 'kept', prefs: 'kept' },
    });
    expect(source.snapshot()).toEqual(before);
  });

  it('export/import - invalid records are rejected with reasons, valid ones imported', () => {
    const good = makeRecord();
    const text = JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [good, { ...good, id: 'other', status: 'x' }], notes: [], plan: null });
    const result = importAll(new MemoryStore(), text, NOW);
    expect(result).toEqual({
      ok: true,
      summary: { added: 1, skipped: 0, rejected: [{ id: 'other', reason: 'records[1].status must be one of: completed, stopped, pain' }], notesAdded: 0, notesSkipped: 0, plan: 'none', prefs: 'none' },
    });
  });

  it('export/import - a full disk during import changes nothing', () => {
    const text = exportAll(filled(makeRecords(4)), NOW).text;
    const store = new MemoryStore();
    store.failAfterWrites = 2;
    const result = importAll(store, text, NOW);
    expect(result.ok).toBe(false);
    expect(store.snapshot()).toEqual({});
  });

  it('export/import - older preferences than the stored ones are kept; invalid ones are refused with the reason', () => {
    const store = filled(makeRecords(1));
    const newer = store.getItem(PREFS_KEY);
    const older = JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [], notes: [], plan: null, prefs: { settings: { intensity: 'gentle', leadInSeconds: 0, halfwayTick: true, screen: 'allow-off' }, updatedAt: 5 } });
    expect(importAll(store, older, NOW)).toMatchObject({ ok: true, summary: { prefs: 'kept' } });
    const broken = JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [], notes: [], plan: null, prefs: { settings: { intensity: 'loud', leadInSeconds: 0, halfwayTick: true, screen: 'allow-off' }, updatedAt: NOW } });
    const result = importAll(store, broken, NOW);
    expect(result).toMatchObject({ ok: true, summary: { prefs: 'rejected' } });
    expect(result.ok && result.summary.prefsProblem).toMatch(/^prefs\.settings\.intensity /);
    expect(store.getItem(PREFS_KEY)).toBe(newer);
  });

  it('deleteAll - removes records, notes and plan and nothing else (preferences stay)', () => {
    const store = filled(makeRecords(3));
    const prefs = store.getItem(PREFS_KEY);
    expect(deleteAll(store).ok).toBe(true);
    expect(store.snapshot()).toEqual({ [PREFS_KEY]: prefs });
    expect(readHistory(store).records).toEqual([]);
    expect(readAllNotes(store).notes).toEqual([]);
    expect(readPlan(store)).toEqual({ plan: null });
  });
});

describe('export and import properties', () => {
  it('export/import - any set of records, notes and plan round-trips', () => {
    const recordArb = fc
      .record({
        day: fc.integer({ min: 0, max: 365 }),
        minute: fc.integer({ min: 0, max: 1439 }),
        tz: fc.integer({ min: -720, max: 840 }),
        status: fc.constantFrom('completed' as const, 'stopped' as const),
      })
      .map(({ day, minute, tz, status }) => makeRecord({ startedAt: BASE_START + day * DAY_MS + minute * 60_000, tzOffsetMin: tz, status }));
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 25 }),
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
        (records, noteTexts, target) => {
          const source = new MemoryStore();
          addRecords(source, records, NOW);
          noteTexts.forEach((t, i) => {
            const r = records[i];
            if (r !== undefined) saveNote(source, r.id, t, i + 1);
          });
          if (target !== undefined) savePlan(source, makePlan({ weeklyTarget: target }));
          const target2 = new MemoryStore();
          const result = importAll(target2, exportAll(source, NOW).text, NOW);
          return result.ok && JSON.stringify(target2.snapshot()) === JSON.stringify(source.snapshot());
        },
      ),
      { numRuns: 100 },
    );
  });
});
