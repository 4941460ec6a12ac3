import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREAS, type SessionRecord } from '../../../core/routines/model';
import { deleteAll, exportAll, importAll } from '../../../core/phone/export-import';
import { bucketKey, HISTORY_QUARANTINE_KEY, HISTORY_RETENTION_MONTHS, MAX_MONTH_BYTES, readBucket, readHistory } from '../../../core/phone/history-store';
import { MAX_RECORD_STEPS, MAX_ROUTINE_NAME_LENGTH, MAX_TZ_OFFSET_MIN, MIN_TZ_OFFSET_MIN } from '../../../core/records/record-validation';
import { readAllNotes, saveNote } from '../../../core/phone/notes';
import { readPlan, savePlan } from '../../../core/routines/plan-store';
import { PREFS_KEY, savePrefs } from '../../../core/settings/prefs-store';
import { addRecords } from '../../../core/phone/history-store';
import { readPainScores, savePainScore } from '../../../core/phone/pain-scores';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';
import { BASE_START, DAY_MS, makeCheckIn, makeRecord, makeRecords, makeStep } from '../../fixtures/records';

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

  it('export/import - check-in answers and the phone\'s pain scores go out and come back exactly; a newer score wins, an older one is skipped', () => {
    const checkedIn = makeRecord({ feeling: 'worse', hurt: true, hurtArea: 'forearms', hurtSide: 'right', painScore: 5, checkIn: [{ area: 'forearms', tightness: 3, tighterSide: 'right' }, { area: 'neck' , newSoreness: true }], notes: [] });
    const unrated = makeRecord({ minutesAfterBase: 60, checkIn: [], notes: [] });
    const source = new MemoryStore();
    addRecords(source, [checkedIn, unrated], NOW);
    expect(savePainScore(source, checkedIn.id, 8, NOW - 10).ok).toBe(true);
    const text = exportAll(source, NOW).text;
    expect(JSON.parse(text).painScores).toEqual([{ sessionId: checkedIn.id, score: 8, updatedAt: NOW - 10 }]);

    const target = new MemoryStore();
    const imported = importAll(target, text, NOW);
    expect(imported.ok && imported.summary.painScoresAdded).toBe(1);
    expect(target.snapshot()).toEqual(source.snapshot());
    const back = readHistory(target).records.find((r) => r.id === checkedIn.id);
    expect(back).toEqual(checkedIn);
    expect('feeling' in (readHistory(target).records.find((r) => r.id === unrated.id) as SessionRecord)).toBe(false);

    // A score changed on this phone after the export is newer: importing the old file keeps it.
    expect(savePainScore(target, checkedIn.id, 2, NOW).ok).toBe(true);
    const again = importAll(target, text, NOW);
    expect(again.ok && [again.summary.painScoresAdded, again.summary.painScoresSkipped]).toEqual([0, 1]);
    expect(readPainScores(target).get(checkedIn.id)).toBe(2);
  });

  it('export/import - a file from before check-in answers and pain scores (no such fields) still imports whole', () => {
    const old = { ...makeRecord(), checkIn: [makeCheckIn({ area: 'neck', tightness: 1 })] };
    const text = JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [old], notes: [], plan: null });
    const target = new MemoryStore();
    expect(importAll(target, text, NOW)).toEqual({
      ok: true,
      summary: { added: 1, skipped: 0, rejected: [], notesAdded: 0, notesSkipped: 0, plan: 'none', prefs: 'none' },
    });
    expect(readHistory(target).records).toEqual([old]);
  });

  it('export/import - a full disk during import changes nothing, and the error gives the storage\'s reason and says nothing was imported', () => {
    const text = exportAll(filled(makeRecords(4)), NOW).text;
    const store = new MemoryStore();
    store.failAfterWrites = 2;
    const result = importAll(store, text, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/storage write failed.*; nothing was imported$/);
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
        status: fc.constantFrom('completed' as const, 'stopped' as const, 'pain' as const),
      })
      .map(({ day, minute, tz, status }) =>
        makeRecord({ startedAt: BASE_START + day * DAY_MS + minute * 60_000, tzOffsetMin: tz, status, ...(status === 'pain' ? { painStepIndex: 1, checkIn: [makeCheckIn({ pain: true })] } : {}) }),
      );
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

describe('export and import properties at the edges', () => {
  const SAFE_TZ = [MIN_TZ_OFFSET_MIN, 0, MAX_TZ_OFFSET_MIN];
  /** The month a session was lived in, by its own zone (computed here with Date, not the product's helpers). */
  const livedMonth = (r: Pick<SessionRecord, 'startedAt' | 'tzOffsetMin'>): string => new Date(r.startedAt + r.tzOffsetMin * 60_000).toISOString().slice(0, 7);

  /** Valid records that reach the limits: 1 or 30 steps, names of 1 or 60 characters, zones at ±edges,
   *  completed, stopped and pain sessions (pain with its step and check-in areas marked painful). */
  const validArb = fc
    .record({
      day: fc.integer({ min: 0, max: 365 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      tz: fc.oneof(fc.constantFrom(...SAFE_TZ), fc.integer({ min: MIN_TZ_OFFSET_MIN, max: MAX_TZ_OFFSET_MIN })),
      status: fc.constantFrom('completed' as const, 'stopped' as const, 'pain' as const),
      stepCount: fc.oneof(fc.constantFrom(1, MAX_RECORD_STEPS), fc.integer({ min: 1, max: MAX_RECORD_STEPS })),
      nameLength: fc.oneof(fc.constantFrom(1, MAX_ROUTINE_NAME_LENGTH), fc.integer({ min: 1, max: MAX_ROUTINE_NAME_LENGTH })),
      checkInAreas: fc.subarray([...AREAS]),
      painPick: fc.nat(),
    })
    .map(({ day, minute, tz, status, stepCount, nameLength, checkInAreas, painPick }) => {
      const steps = Array.from({ length: stepCount }, (_, i) => makeStep({ area: AREAS[i % AREAS.length] ?? 'neck', side: 'both' }));
      const checkIn = checkInAreas.map((area, i) => makeCheckIn({ area, pain: status === 'pain' && i % 2 === 0, tightness: (i % 4) as 0 | 1 | 2 | 3 }));
      return makeRecord({
        startedAt: BASE_START + day * DAY_MS + minute * 60_000,
        tzOffsetMin: tz,
        status,
        steps,
        checkIn,
        routineName: 'r'.repeat(nameLength),
        ...(status === 'pain' ? { painStepIndex: painPick % stepCount } : {}),
      });
    });

  /** Records one step past a limit, each with what its refusal must say (the field, or the rule). */
  const refusedArb = fc
    .tuple(
      validArb,
      fc.constantFrom(
        { says: 'steps', brk: (r: SessionRecord) => ({ ...r, steps: Array.from({ length: MAX_RECORD_STEPS + 1 }, () => makeStep()) }) },
        { says: 'tzOffsetMin', brk: (r: SessionRecord) => ({ ...r, tzOffsetMin: MAX_TZ_OFFSET_MIN + 1 }) },
        { says: 'tzOffsetMin', brk: (r: SessionRecord) => ({ ...r, tzOffsetMin: MIN_TZ_OFFSET_MIN - 1 }) },
        { says: 'routineName', brk: (r: SessionRecord) => ({ ...r, routineName: 'r'.repeat(MAX_ROUTINE_NAME_LENGTH + 1) }) },
        // (A start before EARLIEST_START_MS is a watch clock never set: stored, flagged clockSuspect, not refused.)
        { says: 'startedAt', brk: (r: SessionRecord) => ({ ...r, startedAt: -1 }) },
        { says: 'endedAt', brk: (r: SessionRecord) => ({ ...r, endedAt: r.startedAt - 1 }) },
        { says: 'painStepIndex', brk: (r: SessionRecord) => ({ ...r, status: 'pain' as const, painStepIndex: r.steps.length }) },
        // History keeps 60 months back from the newest one (at least 2026-09 here): 2021-01 is outside.
        { says: `older than the ${HISTORY_RETENTION_MONTHS} months`, brk: (r: SessionRecord) => ({ ...r, startedAt: Date.UTC(2021, 0, 15), endedAt: Date.UTC(2021, 0, 15, 0, 10), tzOffsetMin: 0 }) },
      ),
    )
    .map(([record, { says, brk }]) => ({ record: brk(record), says }));

  /** A month (2027-03) already holding as many sessions as a month may: the next one must wait on the watch. */
  const FULL_MONTH = '2027-03';
  const fullBucket = (() => {
    const records: SessionRecord[] = [];
    const size = () => JSON.stringify(records).length;
    for (let i = 0; size() < MAX_MONTH_BYTES - 1_000; i += 1) records.push(makeRecord({ startedAt: Date.UTC(2027, 2, 10, 0, i % 1440), tzOffsetMin: 0, notes: [] }));
    // Pad the names until even the smallest session (about 250 bytes) no longer fits.
    for (let i = 0; MAX_MONTH_BYTES - size() > 200; i += 1) {
      const r = records[i % records.length] as SessionRecord;
      records[i % records.length] = { ...r, routineName: r.routineName + 'x'.repeat(Math.min(MAX_ROUTINE_NAME_LENGTH - r.routineName.length, MAX_MONTH_BYTES - size() - 150)) };
    }
    expect(size()).toBeLessThanOrEqual(MAX_MONTH_BYTES);
    return { records, text: JSON.stringify(records) };
  })();

  it('export/import - pain sessions and records at the limits are stored; records past a limit are refused saying which; a full month defers its sessions; a damaged month is set aside, not lost', () => {
    // Already on the phone, in September 2026: the generated sessions start in November.
    const before = [makeRecord({ startedAt: BASE_START - 60 * DAY_MS }), makeRecord({ startedAt: BASE_START - 59 * DAY_MS, status: 'pain', painStepIndex: 1 })];
    fc.assert(
      fc.property(fc.array(validArb, { maxLength: 12 }), fc.array(refusedArb, { maxLength: 4 }), fc.boolean(), fc.nat(), (valid, refused, damage, pick) => {
        const target = new MemoryStore();
        expect(addRecords(target, before, NOW).added).toHaveLength(2);
        target.setItem(bucketKey(FULL_MONTH), fullBucket.text);
        const damagedCandidates = valid.filter((r) => livedMonth(r) !== FULL_MONTH);
        const damagedMonth = damage && damagedCandidates.length > 0 ? livedMonth(damagedCandidates[pick % damagedCandidates.length] as SessionRecord) : null;
        const damagedText = '{"this bucket": "was damaged"';
        if (damagedMonth !== null) target.setItem(bucketKey(damagedMonth), damagedText);
        const doc = JSON.stringify({ format: 'knead-export', v: 1, records: [...valid, ...refused.map((r) => r.record)], notes: [] });
        const result = importAll(target, doc, NOW);
        if (!result.ok) throw new Error(result.error);
        const deferred = valid.filter((r) => livedMonth(r) === FULL_MONTH);
        const stored = valid.filter((r) => livedMonth(r) !== FULL_MONTH);
        expect(result.summary.added).toBe(stored.length);
        const reasons = new Map(result.summary.rejected.map((r) => [r.id, r.reason]));
        for (const { record, says } of refused) expect(reasons.get(record.id), `refused ${record.id}`).toContain(says);
        for (const r of deferred) expect(reasons.get(r.id), `deferred ${r.id}`).toContain('stays on the watch');
        expect(reasons.size).toBe(refused.length + deferred.length);
        const byId = (a: SessionRecord, b: SessionRecord) => (a.id < b.id ? -1 : 1);
        const history = readHistory(target).records.filter((r) => livedMonth(r) !== FULL_MONTH);
        expect(history.slice().sort(byId)).toEqual([...before, ...stored].sort(byId));
        expect(readBucket(target, FULL_MONTH).records).toEqual(fullBucket.records.slice().sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1)));
        if (damagedMonth !== null) expect(target.getItem(HISTORY_QUARANTINE_KEY)).toContain(JSON.stringify(damagedText).slice(1, -1));
      }),
      // Each run reads a full month (about 870 sessions): 40 runs reach every edge and stay quick.
      { numRuns: 40 },
    );
    // No timeout of its own: the config's applies (60 s in vitest.config.ts, 180 s under Stryker's
    // coverage instrumentation in vitest.mutation.config.ts, where 60 s failed the dry run).
  });
});
