// Export everything Knead keeps on the phone as one versioned JSON text, import such a text back,
// and delete it all. Import validates first and writes once: a broken file changes nothing.
//
//   { "format": "knead-export", "v": 1, "exportedAt": <ms>,
//     "records": [SessionRecord...], "notes": [{sessionId, text, updatedAt}...], "plan": TherapistPlan | null,
//     "prefs": {settings, updatedAt} | null,         (prefs arrived later: older exports lack it)
//     "painScores": [{sessionId, score, updatedAt}...] }  (the phone's 0-10 scores; older exports lack it)

import type { TherapistPlan } from '../routines/model';
import { describeProblems } from '../kernel/result';
import type { IdReason } from '../sync/protocol';
import { isSessionId } from '../records/record-validation';
import { isPlainObject, parseJson, utf8ByteLength } from '../kernel/json';
import type { KeyValueStore } from '../kernel/store';
import { listKeys, readItem, writeAll } from '../kernel/store';
import { HISTORY_PREFIX, prepareRecords, readHistory } from './history-store';
import type { SessionNote } from './notes';
import { NOTE_PREFIX, noteKey, readAllNotes, readNote, validateNote } from './notes';
import { PAIN_PREFIX, readPainScoreEntries, validatePainScore } from './pain-scores';
import type { PainScoreEntry } from './pain-scores';
import { PLAN_KEY, readPlan } from '../routines/plan-store';
import { PREFS_KEY, readPrefs } from '../settings/prefs-store';
import { mergeSettings } from '../settings/settings-merge';
import { validatePlan } from '../routines/plan-validation';
import { STORAGE_VERSION_KEY, checkStorageVersion } from '../kernel/storage-version';

export const EXPORT_FORMAT = 'knead-export';
export const EXPORT_VERSION = 1;
/** Ten years of daily sessions are about 5 MB; anything far beyond is not an export of ours. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ExportResult {
  readonly text: string;
  /** Data that could not be read and is therefore missing from `text`. */
  readonly problems: readonly string[];
}

export function exportAll(store: KeyValueStore, now: number): ExportResult {
  const history = readHistory(store);
  const notes = readAllNotes(store);
  const plan = readPlan(store);
  const prefs = readPrefs(store);
  const painScores = readPainScoreEntries(store);
  const problems = history.problems.concat(notes.problems, plan.problem === undefined ? [] : [plan.problem], prefs.problem === undefined ? [] : [prefs.problem]);
  const text = JSON.stringify({
    format: EXPORT_FORMAT,
    v: EXPORT_VERSION,
    exportedAt: now,
    records: history.records,
    notes: notes.notes,
    plan: plan.plan,
    prefs: prefs.stamped,
    painScores,
  });
  return { text, problems };
}

export interface ImportSummary {
  readonly added: number;
  /** Records already stored (same id). */
  readonly skipped: number;
  readonly rejected: readonly IdReason[];
  readonly notesAdded: number;
  readonly notesSkipped: number;
  readonly plan: 'imported' | 'kept' | 'none' | 'rejected';
  readonly planProblem?: string;
  /** Cue preferences: imported when valid and newer than the stored ones (last writer wins). */
  readonly prefs: 'imported' | 'kept' | 'none' | 'rejected';
  readonly prefsProblem?: string;
  /** The phone's pain scores (absent when the file had none): added when newer than the stored one. */
  readonly painScoresAdded?: number;
  readonly painScoresSkipped?: number;
}

export type ImportResult =
  | { readonly ok: true; readonly summary: ImportSummary }
  | { readonly ok: false; readonly error: string };

const NOTHING = 'nothing was imported';

export function importAll(store: KeyValueStore, text: string, now: number): ImportResult {
  if (typeof text !== 'string') return { ok: false, error: `the import is not text; ${NOTHING}` };
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_IMPORT_BYTES) return { ok: false, error: `the file is ${bytes} bytes, more than ${MAX_IMPORT_BYTES}; ${NOTHING}` };
  const parsed = parseJson(text, 'the file');
  if (!parsed.ok) return { ok: false, error: `${describeProblems(parsed.problems)}; ${NOTHING}` };
  const doc = parsed.value;
  if (!isPlainObject(doc) || doc['format'] !== EXPORT_FORMAT) return { ok: false, error: `the file is not a Knead export; ${NOTHING}` };
  const v = doc['v'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { ok: false, error: `the export has no readable version; ${NOTHING}` };
  if (v > EXPORT_VERSION) {
    return { ok: false, error: `the export was made by a newer Knead (format ${v}; this app reads ${EXPORT_VERSION}); update Knead to import it; ${NOTHING}` };
  }
  const records = doc['records'];
  const notes = doc['notes'] === undefined ? [] : doc['notes'];
  const scores = doc['painScores'] === undefined ? [] : doc['painScores'];
  if (!Array.isArray(records)) return { ok: false, error: `records must be a list; ${NOTHING}` };
  if (!Array.isArray(notes)) return { ok: false, error: `notes must be a list; ${NOTHING}` };
  if (!Array.isArray(scores)) return { ok: false, error: `painScores must be a list; ${NOTHING}` };
  const version = checkStorageVersion(store);
  if (!version.ok) return { ok: false, error: `${version.error}; ${NOTHING}` };

  const prepared = prepareRecords(store, records as unknown[], now, 'records');
  const noteWrites = prepareNotes(store, notes as unknown[]);
  const planOutcome = preparePlan(store, doc['plan']);
  const prefsOutcome = preparePrefs(store, doc['prefs']);
  const scoreWrites = preparePainScores(store, scores as unknown[]);
  const writes = version.writes.concat(prepared.writes, noteWrites.writes, planOutcome.writes, prefsOutcome.writes, scoreWrites.writes);
  if (prepared.writes.length + noteWrites.writes.length + planOutcome.writes.length + prefsOutcome.writes.length + scoreWrites.writes.length > 0) {
    const saved = writeAll(store, writes);
    if (!saved.ok) return { ok: false, error: `${saved.error}; ${NOTHING}` };
  }
  const outcome = prepared.outcome;
  const summary: ImportSummary = {
    added: outcome.added.length,
    skipped: outcome.alreadyStored.length,
    rejected: outcome.rejected.concat(outcome.deferred, noteWrites.rejected, scoreWrites.rejected),
    notesAdded: noteWrites.added,
    notesSkipped: noteWrites.skipped,
    ...(scoreWrites.added + scoreWrites.skipped === 0 ? {} : { painScoresAdded: scoreWrites.added, painScoresSkipped: scoreWrites.skipped }),
    plan: planOutcome.status,
    prefs: prefsOutcome.status,
    ...(prefsOutcome.problem === undefined ? {} : { prefsProblem: prefsOutcome.problem }),
  };
  return { ok: true, summary: planOutcome.problem === undefined ? summary : { ...summary, planProblem: planOutcome.problem } };
}

interface PreparedNotes {
  readonly writes: Array<readonly [string, string | undefined]>;
  readonly added: number;
  readonly skipped: number;
  readonly rejected: IdReason[];
}

/** A note replaces the stored one only when it is newer; equal or older ones are skipped. */
function prepareNotes(store: KeyValueStore, inputs: readonly unknown[]): PreparedNotes {
  const out: PreparedNotes = { writes: [], added: 0, skipped: 0, rejected: [] };
  const chosen = new Map<string, SessionNote>();
  inputs.forEach((raw, index) => {
    const path = `notes[${index}]`;
    const obj = isPlainObject(raw) ? raw : {};
    const checked = validateNote(obj['sessionId'], obj['text'], obj['updatedAt'], path);
    if (!checked.ok) {
      out.rejected.push({ id: path, reason: describeProblems(checked.problems) });
      return;
    }
    const previous = chosen.get(checked.value.sessionId);
    if (previous === undefined || checked.value.updatedAt > previous.updatedAt) chosen.set(checked.value.sessionId, checked.value);
  });
  let added = 0;
  let skipped = 0;
  chosen.forEach((note) => {
    const stored = readNote(store, note.sessionId);
    if (stored.ok && stored.value !== null && stored.value.updatedAt >= note.updatedAt) {
      skipped += 1;
      return;
    }
    if (!stored.ok) {
      // An unreadable stored note is never overwritten: it may be the only copy of the text.
      out.rejected.push({ id: note.sessionId, reason: `${describeProblems(stored.problems)}; the stored note was kept` });
      return;
    }
    out.writes.push([noteKey(note.sessionId), JSON.stringify({ text: note.text, updatedAt: note.updatedAt })]);
    added += 1;
  });
  return { ...out, added, skipped };
}

/** A score replaces the stored one only when it is newer; a malformed one is refused with its reason. */
function preparePainScores(store: KeyValueStore, inputs: readonly unknown[]): PreparedNotes {
  const out: PreparedNotes = { writes: [], added: 0, skipped: 0, rejected: [] };
  const chosen = new Map<string, PainScoreEntry>();
  inputs.forEach((raw, index) => {
    const path = `painScores[${index}]`;
    const obj = isPlainObject(raw) ? raw : {};
    const sessionId = obj['sessionId'];
    if (!isSessionId(sessionId)) {
      out.rejected.push({ id: path, reason: `${path}.sessionId must be a session id` });
      return;
    }
    const checked = validatePainScore(obj['score'], obj['updatedAt']);
    if (!checked.ok) {
      out.rejected.push({ id: path, reason: describeProblems(checked.problems.map((p) => ({ ...p, path: `${path}.${p.path}` }))) });
      return;
    }
    const previous = chosen.get(sessionId);
    if (previous === undefined || checked.value.updatedAt > previous.updatedAt) chosen.set(sessionId, { sessionId, ...checked.value });
  });
  const stored = new Map<string, number>();
  for (const e of readPainScoreEntries(store)) stored.set(e.sessionId, e.updatedAt);
  let added = 0;
  let skipped = 0;
  chosen.forEach((entry) => {
    const storedAt = stored.get(entry.sessionId);
    if (storedAt === undefined && readItem(store, `${PAIN_PREFIX}${entry.sessionId}`).value !== undefined) {
      // An unreadable stored score is never overwritten, like an unreadable note.
      out.rejected.push({ id: entry.sessionId, reason: 'the stored pain score is unreadable; it was kept' });
      return;
    }
    if (storedAt !== undefined && storedAt >= entry.updatedAt) {
      skipped += 1;
      return;
    }
    out.writes.push([`${PAIN_PREFIX}${entry.sessionId}`, JSON.stringify({ score: entry.score, updatedAt: entry.updatedAt })]);
    added += 1;
  });
  return { ...out, added, skipped };
}

interface PreparedPlan {
  readonly writes: ReadonlyArray<readonly [string, string | undefined]>;
  readonly status: ImportSummary['plan'];
  readonly problem?: string;
}

/** The imported plan wins only when it is valid and newer than the stored one. */
function preparePlan(store: KeyValueStore, input: unknown): PreparedPlan {
  if (input === undefined || input === null) return { writes: [], status: 'none' };
  const checked = validatePlan(input, 'plan');
  if (!checked.ok) return { writes: [], status: 'rejected', problem: describeProblems(checked.problems) };
  const current = readPlan(store);
  if (current.problem !== undefined) return { writes: [], status: 'kept', problem: `${current.problem}; the stored plan was kept` };
  if (current.plan !== null && !isNewer(checked.value, current.plan)) return { writes: [], status: 'kept' };
  return { writes: [[PLAN_KEY, JSON.stringify(checked.value)]], status: 'imported' };
}

interface PreparedPrefs {
  readonly writes: ReadonlyArray<readonly [string, string | undefined]>;
  readonly status: ImportSummary['prefs'];
  readonly problem?: string;
}

/** Imported preferences win only when valid and newer than the stored ones, as between phone and watch. */
function preparePrefs(store: KeyValueStore, input: unknown): PreparedPrefs {
  if (input === undefined || input === null) return { writes: [], status: 'none' };
  const current = readPrefs(store).stamped;
  const merged = mergeSettings(current === null ? { settings: readPrefs(store).prefs, updatedAt: -1 } : current, input, 'prefs');
  if (merged.problems.length > 0) return { writes: [], status: 'rejected', problem: describeProblems(merged.problems) };
  if (merged.winner === 'local') return { writes: [], status: 'kept' };
  return { writes: [[PREFS_KEY, JSON.stringify(merged.result)]], status: 'imported' };
}

function isNewer(incoming: TherapistPlan, current: TherapistPlan): boolean {
  return incoming.updatedAt > current.updatedAt;
}

/** Removes every record, note, pain score and the plan, and the layout version; the cue preferences stay (docs/sync.md). */
export function deleteAll(store: KeyValueStore): { readonly ok: boolean; readonly removed: number; readonly error?: string } {
  const keys = listKeys(store).filter(
    (k) => k.indexOf(HISTORY_PREFIX) === 0 || k.indexOf(NOTE_PREFIX) === 0 || k.indexOf(PAIN_PREFIX) === 0 || k === PLAN_KEY || k === STORAGE_VERSION_KEY,
  );
  const saved = writeAll(store, keys.map((k) => [k, undefined] as const));
  return saved.ok ? { ok: true, removed: keys.length } : { ok: false, removed: 0, error: saved.error };
}

