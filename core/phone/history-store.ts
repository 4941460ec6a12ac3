// The phone's session history in settingsStorage (string values only), in bounded pieces so that
// storing a session costs the same whatever the history holds (layout in history-layout.ts):
// month parts of at most PART_BYTES, an id index hashed into ID_BUCKETS buckets (idempotency by id
// across months without reading them), the index of months, and 'history:summary' for the Overview.
//
// Readers (the Settings App, export) find a month's parts from the keys and report a damaged part
// or entry without losing the rest. The side service is the only writer (history-requests.ts):
// prepareRecords works out the writes of a push or import on a HistoryWriter, which converts
// layout 1 (one value per month) the first time, and sets damaged values aside in
// 'history:quarantine' (bounded), alone, so damage never blocks a session.

import type { SessionRecord } from '../routines/model';
import { describeProblems } from '../kernel/result';
import type { IdReason } from '../sync/protocol';
import { refusalClass } from '../sync/protocol';
import { isPlainObject, parseJson, shorten } from '../kernel/json';
import { isSessionId, validateRecord } from '../records/record-validation';
import type { KeyValueStore } from '../kernel/store';
import { listKeys, readItem, writeAll } from '../kernel/store';
import { localMonth } from '../kernel/local-time';
import { checkStorageVersion } from '../kernel/storage-version';
import { HISTORY_INDEX_KEY, encodeIndex, monthKeyOf, parseIndex } from './history-layout';
import type { QuarantineEntry } from './history-writer';
import { HistoryWriter, MAX_MONTH_BYTES, byStart } from './history-writer';
import type { MonthSummary } from './history-summary';
import { HISTORY_SUMMARY_KEY, addSession, encodeSummaries, readSummaries, summarizeMonth } from './history-summary';

export { HISTORY_INDEX_KEY, HISTORY_PREFIX, PART_BYTES, bucketKey, partKey, idBucketKey } from './history-layout';
export { MAX_MONTH_BYTES } from './history-writer';

/** The local month a record is filed under. */
export function monthOf(record: Pick<SessionRecord, 'startedAt' | 'tzOffsetMin'>): string {
  return localMonth(record.startedAt, record.tzOffsetMin);
}

export interface Bucket {
  readonly month: string;
  /** Sorted by start, then id. */
  readonly records: readonly SessionRecord[];
  /** Set when a stored value or entry of the month is damaged (the rest is still read). */
  readonly problem?: string;
  readonly exists: boolean;
}

/** The month's keys: layout 1's bucket first, then its parts in order. */
function monthKeys(keys: readonly string[], month: string): string[] {
  const found: Array<{ key: string; part: number }> = [];
  for (const key of keys) {
    const at = monthKeyOf(key);
    if (at !== undefined && at.month === month) found.push({ key, part: at.part === undefined ? -1 : at.part });
  }
  return found.sort((a, b) => a.part - b.part).map((f) => f.key);
}

export function readBucket(store: KeyValueStore, month: string, keys: readonly string[] = listKeys(store)): Bucket {
  const records: SessionRecord[] = [];
  const problems: string[] = [];
  let bad = 0;
  let firstBad = '';
  const found = monthKeys(keys, month);
  for (const key of found) {
    const read = readItem(store, key);
    if (read.error !== undefined) {
      problems.push(read.error);
      continue;
    }
    if (read.value === undefined) continue;
    const parsed = parseJson(read.value, `phone storage for ${month} (${key})`);
    if (!parsed.ok) {
      problems.push(describeProblems(parsed.problems));
      continue;
    }
    if (!Array.isArray(parsed.value)) {
      problems.push(`phone storage for ${month} (${key}) is not a list`);
      continue;
    }
    (parsed.value as unknown[]).forEach((raw, index) => {
      const checked = validateRecord(raw, `${key}[${index}]`);
      if (checked.ok) records.push(checked.value);
      else {
        bad += 1;
        if (firstBad === '') firstBad = describeProblems(checked.problems);
      }
    });
  }
  if (bad > 0) problems.push(`phone storage for ${month} has ${bad} unreadable session(s): ${shorten(firstBad, 200)}`);
  records.sort(byStart);
  const exists = found.length > 0;
  return problems.length > 0 ? { month, records, exists, problem: problems.join('; ') } : { month, records, exists };
}

/** Months that have sessions stored, newest first, found from the keys themselves (not the index). */
export function storedMonths(store: KeyValueStore, keys: readonly string[] = listKeys(store)): string[] {
  const months: string[] = [];
  for (const key of keys) {
    const at = monthKeyOf(key);
    if (at !== undefined && months.indexOf(at.month) < 0) months.push(at.month);
  }
  return months.sort().reverse();
}

export interface History {
  /** Oldest first. */
  readonly records: readonly SessionRecord[];
  readonly problems: readonly string[];
}

export function readHistory(store: KeyValueStore): History {
  const records: SessionRecord[] = [];
  const problems: string[] = [];
  const keys = listKeys(store);
  for (const month of storedMonths(store, keys)) {
    const bucket = readBucket(store, month, keys);
    records.push(...bucket.records);
    if (bucket.problem !== undefined) problems.push(bucket.problem);
  }
  records.sort(byStart);
  return { records, problems };
}

export interface MonthCount {
  readonly month: string;
  readonly count: number;
}

/** The index if it is readable (layout 2 or 1), otherwise counts from the months (reported, not rewritten). */
export function readIndex(store: KeyValueStore): { readonly months: readonly MonthCount[]; readonly problem?: string } {
  const read = readItem(store, HISTORY_INDEX_KEY);
  const index = parseIndex(read.value);
  if (index !== undefined && index.v === 2) return { months: index.entries.map((e) => ({ month: e.month, count: e.count })) };
  if (index !== undefined) return { months: index.counts };
  const keys = listKeys(store);
  const months = storedMonths(store, keys).map((month) => ({ month, count: readBucket(store, month, keys).records.length }));
  if (read.error !== undefined) return { months, problem: `${read.error}; counted the months instead` };
  return read.value === undefined ? { months } : { months, problem: 'history index was unreadable; counted the months instead' };
}

export interface AddOutcome {
  readonly added: readonly string[];
  /** Already stored: counted as accepted, so a repeated request is harmless. */
  readonly alreadyStored: readonly string[];
  readonly rejected: readonly IdReason[];
  /** Valid but not stored this time (month full, storage refused); retried later. */
  readonly deferred: readonly IdReason[];
  /** Set when the phone's storage layout may not be written (newer or unreadable version): every new record is deferred. */
  readonly storageProblem?: string;
}

export interface PreparedRecords {
  readonly outcome: AddOutcome;
  /** Part, id index, index and summary writes that store `outcome.added`; empty when nothing is new. */
  readonly writes: ReadonlyArray<readonly [string, string | undefined]>;
}

/** Retention: months older than this many before the newest stored month are not kept (see docs/sync.md). */
export const HISTORY_RETENTION_MONTHS = 60;
/** Where damaged stored values and entries are set aside, alone, so the rest of their month stays usable. */
export const HISTORY_QUARANTINE_KEY = 'history:quarantine';
/** The quarantine is bounded too; the oldest entries go first when it is full (the newest always stays). */
export const MAX_QUARANTINE_BYTES = 64 * 1024;

/** The record as compared for "same session": the phone's clock flag is not part of what the watch sent. */
function sameSession(a: SessionRecord, b: SessionRecord): boolean {
  const { clockSuspect: _a, ...restA } = a;
  const { clockSuspect: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The quarantine with `added` after what it holds; an error when storage cannot read it (never written over). */
function quarantineWith(store: KeyValueStore, added: readonly QuarantineEntry[]): { readonly text: string } | { readonly error: string } {
  const read = readItem(store, HISTORY_QUARANTINE_KEY);
  if (read.error !== undefined) return { error: read.error };
  let entries: QuarantineEntry[] = [];
  if (read.value !== undefined) {
    const parsed = parseJson(read.value, 'history quarantine');
    if (parsed.ok && isPlainObject(parsed.value) && Array.isArray(parsed.value['entries'])) entries = parsed.value['entries'] as QuarantineEntry[];
  }
  const room = Math.floor(MAX_QUARANTINE_BYTES / 2);
  entries = entries.concat(added.map((e) => (e.raw.length > room ? { ...e, raw: `${e.raw.slice(0, room)}…` } : e)));
  let text = JSON.stringify({ v: 1, entries });
  while (text.length > MAX_QUARANTINE_BYTES && entries.length > 1) {
    entries = entries.slice(1);
    text = JSON.stringify({ v: 1, entries });
  }
  return { text };
}

/** Damaged entries set aside so far (newest last), for the Settings App's Data section. */
export function readQuarantine(store: KeyValueStore): readonly QuarantineEntry[] {
  const read = readItem(store, HISTORY_QUARANTINE_KEY);
  if (read.value === undefined) return [];
  const parsed = parseJson(read.value, 'history quarantine');
  if (!parsed.ok || !isPlainObject(parsed.value) || !Array.isArray(parsed.value['entries'])) return [];
  return (parsed.value['entries'] as unknown[]).filter(
    (e): e is QuarantineEntry => isPlainObject(e) && typeof e['month'] === 'string' && typeof e['raw'] === 'string' && typeof e['reason'] === 'string' && typeof e['at'] === 'number',
  );
}

/**
 * Validates records and works out the writes that would store the new ones, without writing, so
 * callers (push, import) can apply them together with their own writes in one writeAll.
 *
 * - Idempotent by id across all months (through the id index): the same session again is
 *   "already stored" wherever it is filed; a different session under a stored id is rejected with
 *   the reason (never kept silently, never stored twice).
 * - A damaged stored value (a part, a layout-1 month) is set aside alone in the quarantine and the
 *   rest of its month stays, so damage never blocks a session; only a full month defers one
 *   (MAX_MONTH_BYTES).
 * - A value storage cannot read is never written over or removed (it may hold sessions): an open
 *   part is left behind for a new one; a push that needs to know what it holds (a stored copy of
 *   one of its ids, a rebuild, an id bucket, the quarantine) writes nothing and defers its sessions.
 * - Months older than HISTORY_RETENTION_MONTHS before the newest month are dropped when a newer month is
 *   written; a session older than that window is refused (it would be dropped at once).
 */
export function prepareRecords(store: KeyValueStore, inputs: readonly unknown[], now: number, path = 'records'): PreparedRecords {
  const rejected: IdReason[] = [];
  const deferred: IdReason[] = [];
  const alreadyStored: string[] = [];
  const valids: SessionRecord[] = [];
  inputs.forEach((raw, index) => {
    const checked = validateRecord(raw, `${path}[${index}]`, now);
    if (checked.ok) {
      valids.push(checked.value);
      return;
    }
    // The protocol's rule (core/sync/protocol refusalClass): a version this phone cannot read yet
    // is temporary (the session waits on the watch until Knead is updated), anything else is not.
    const reason = describeProblems(checked.problems);
    (refusalClass(checked.problems) === 'temporary' ? deferred : rejected).push({ id: idOf(raw, `${path}[${index}]`), reason });
  });
  if (valids.length === 0) return { outcome: { added: [], alreadyStored, rejected, deferred }, writes: [] };

  const writer = new HistoryWriter(store, now);
  if (!writer.loadIds(valids.map((r) => r.id))) {
    writer.rebuildAll();
    writer.loadIds(valids.map((r) => r.id));
  }
  // A rebuild that met a value storage cannot read would lose it: nothing is written this time.
  if (writer.blocked !== undefined) {
    const ids = Array.from(new Set(valids.map((r) => r.id)));
    return { outcome: deferAll(ids, alreadyStored, rejected, deferred, unreadableReason(writer.blocked)), writes: [] };
  }
  // Retention counts back from the newest month holding a session from a clock that looked right.
  let newest = '';
  writer.entries.forEach((e) => {
    if (e.trusted && e.month > newest) newest = e.month;
  });
  for (const r of valids) {
    const month = monthOf(r);
    if (r.clockSuspect !== true && month > newest) newest = month;
  }
  const oldestKept = newest === '' ? -Infinity : monthIndex(newest) - HISTORY_RETENTION_MONTHS + 1;

  const incoming = new Map<string, SessionRecord>();
  const byMonth = new Map<string, SessionRecord[]>();
  for (const record of valids) {
    const earlier = incoming.get(record.id);
    if (earlier !== undefined) {
      if (!sameSession(earlier, record)) rejected.push({ id: record.id, reason: conflictReason(record.id, monthOf(earlier)) });
      continue;
    }
    const known = writer.find(record.id);
    if (known !== undefined && known.unreadable !== undefined) {
      // Its stored copy cannot be compared now; storing it again could store it twice.
      deferred.push({ id: record.id, reason: unreadableReason(known.unreadable) });
      continue;
    }
    if (known !== undefined && known.record !== undefined) {
      if (sameSession(known.record, record)) alreadyStored.push(record.id);
      else rejected.push({ id: record.id, reason: conflictReason(record.id, known.month) });
      continue;
    }
    // Not stored, or its stored copy is damaged (readers report that one; this one is stored).
    const month = monthOf(record);
    if (monthIndex(month) < oldestKept && record.clockSuspect !== true) {
      rejected.push({ id: record.id, reason: `is from ${month}, older than the ${HISTORY_RETENTION_MONTHS} months of history the phone keeps` });
      continue;
    }
    incoming.set(record.id, record);
    const list = byMonth.get(month);
    if (list === undefined) byMonth.set(month, [record]);
    else list.push(record);
  }

  const added: string[] = [];
  byMonth.forEach((records, month) => {
    writer.convertLegacyMonth(month);
    for (const r of records.sort(byStart)) {
      if (!writer.fits(month, r)) {
        deferred.push({ id: r.id, reason: `phone storage for ${month} is full (at most ${MAX_MONTH_BYTES / 1024} KiB a month); the session stays on the watch` });
        continue;
      }
      writer.append(month, r);
      added.push(r.id);
    }
  });
  // Reported in the order they came (appended by start, so an import of an export lays out alike).
  const addedSet = new Set(added);
  added.length = 0;
  incoming.forEach((r) => {
    if (addedSet.has(r.id)) added.push(r.id);
  });
  // A value storage could not read that these writes would replace (a late id bucket): nothing is written.
  if (writer.blocked !== undefined) return { outcome: deferAll(added, alreadyStored, rejected, deferred, unreadableReason(writer.blocked)), writes: [] };
  // Nothing to write (an added session always writes its part): nothing new, nothing repaired.
  if (writer.writes.size === 0) return { outcome: { added, alreadyStored, rejected, deferred }, writes: [] };

  // Retention: a newer month pushes the oldest ones out (a month holding a session from a wrong
  // watch clock, e.g. 2019, is not really old: kept).
  Array.from(writer.entries.values()).forEach((e) => {
    if (monthIndex(e.month) < oldestKept && !e.suspect && !byMonth.has(e.month)) writer.drop(e.month);
  });
  writer.writeIds();
  const writes: Array<readonly [string, string | undefined]> = [];
  writer.writes.forEach((value, key) => writes.push([key, value]));
  if (writer.quarantined.length > 0) {
    const quarantine = quarantineWith(store, writer.quarantined);
    if ('error' in quarantine) return { outcome: deferAll(added, alreadyStored, rejected, deferred, unreadableReason(quarantine.error)), writes: [] };
    writes.push([HISTORY_QUARANTINE_KEY, quarantine.text]);
  }
  writes.push([HISTORY_INDEX_KEY, encodeIndex(writer.entries.values())]);
  writes.push([HISTORY_SUMMARY_KEY, summaryAfter(writer)]);
  return { outcome: { added, alreadyStored, rejected, deferred }, writes };
}

/**
 * The month summaries after a push: a month that only had sessions appended adds them to its
 * stored summary (when that summary matched the month's count before); any other month whose
 * summary is missing or stale (history stored before summaries existed, converted, or damage) is
 * summarized from its records, once, so the next pushes are cheap.
 */
function summaryAfter(writer: HistoryWriter): string {
  const current = readSummaries(writer.store, writer.countsBefore);
  const trusted = new Map<string, MonthSummary>();
  for (const m of current.months) trusted.set(m.month, m);
  const out: MonthSummary[] = [];
  writer.entries.forEach((entry, month) => {
    const stored = writer.rebuilt.has(month) ? undefined : trusted.get(month);
    const appended = writer.appended.get(month) || [];
    if (stored !== undefined && stored.sessions + appended.length === entry.count) {
      let summary = stored;
      for (const r of appended) summary = addSession(summary, r);
      out.push(summary);
    } else out.push(summarizeMonth(month, writer.monthRecords(month)));
  });
  return encodeSummaries(out.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0)));
}

/** Why a session waits when storage could not read a value its push needs (read again next time). */
function unreadableReason(error: string): string {
  return `phone storage could not be read (${error}); the session stays on the watch`;
}

function conflictReason(id: string, month: string): string {
  return `a different session with id ${shorten(id)} is already stored (${month}); this copy was not stored`;
}

/** Validates and stores records; if storage refuses, nothing is written and the new ones are deferred. */
export function addRecords(store: KeyValueStore, inputs: readonly unknown[], now: number, path = 'records'): AddOutcome {
  const prepared = prepareRecords(store, inputs, now, path);
  const { added, alreadyStored, rejected, deferred } = prepared.outcome;
  if (prepared.writes.length === 0) return prepared.outcome;
  const version = checkStorageVersion(store);
  if (!version.ok) return { ...deferAll(added, alreadyStored, rejected, deferred, version.error), storageProblem: version.error };
  const saved = writeAll(store, version.writes.concat(prepared.writes));
  if (saved.ok) return prepared.outcome;
  return deferAll(added, alreadyStored, rejected, deferred, `phone storage refused the write (${saved.error})`);
}

function deferAll(added: readonly string[], alreadyStored: readonly string[], rejected: readonly IdReason[], deferred: readonly IdReason[], reason: string): AddOutcome {
  return { added: [], alreadyStored, rejected, deferred: deferred.concat(added.map((id) => ({ id, reason }))) };
}

/** The id to name a refused record by: its own when the watch could match it (the one id rule), else its place. */
function idOf(raw: unknown, fallback: string): string {
  return isPlainObject(raw) && isSessionId(raw['id']) ? raw['id'] : fallback;
}
