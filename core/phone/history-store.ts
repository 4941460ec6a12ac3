// The phone's session history in settingsStorage (string values only), split into one key per
// local month so adding a session rewrites one month, not years of history.
//
//   'history:2026-11'  JSON array of SessionRecord, sorted by startedAt then id
//   'history:index'    JSON { v: 1, months: [{ month: '2026-11', count: 12 }] }, newest month first;
//                      a cache for the Overview, rebuilt from the buckets when missing or damaged
//   'storage:version'  '1' (see storage-version.ts)
//
// Reading reports a damaged bucket or entry; writing a month sets its damaged entries aside in
// 'history:quarantine' (bounded) and keeps the rest, so damage never blocks a session.

import type { SessionRecord } from '../model';
import { describeProblems } from '../result';
import type { IdReason } from '../sync/protocol';
import { refusalClass } from '../sync/protocol';
import { isPlainObject, parseJson, shorten, utf8ByteLength } from '../sync/json';
import { isSessionId, validateRecord } from '../sync/record-validation';
import type { KeyValueStore } from '../sync/store';
import { listKeys, readItem, writeAll } from '../sync/store';
import { localMonth } from '../local-time';
import { checkStorageVersion } from './storage-version';
import type { MonthSummary } from './history-summary';
import { HISTORY_SUMMARY_KEY, encodeSummaries, readSummaries, summariesWith, summarizeMonth } from './history-summary';

export const HISTORY_PREFIX = 'history:';
export const HISTORY_INDEX_KEY = 'history:index';
const MONTH_PATTERN = /^\d{4}-\d{2}$/;

export function bucketKey(month: string): string {
  return `${HISTORY_PREFIX}${month}`;
}

/** The local month a record is filed under. */
export function monthOf(record: Pick<SessionRecord, 'startedAt' | 'tzOffsetMin'>): string {
  return localMonth(record.startedAt, record.tzOffsetMin);
}

export interface Bucket {
  readonly month: string;
  readonly records: readonly SessionRecord[];
  /** Set when the stored value is damaged; such a bucket is read-only until repaired. */
  readonly problem?: string;
  readonly exists: boolean;
}

export function readBucket(store: KeyValueStore, month: string): Bucket {
  const key = bucketKey(month);
  const read = readItem(store, key);
  if (read.error !== undefined) return { month, records: [], problem: read.error, exists: true };
  if (read.value === undefined) return { month, records: [], exists: false };
  const parsed = parseJson(read.value, `phone storage for ${month} (${key})`);
  if (!parsed.ok) return { month, records: [], problem: describeProblems(parsed.problems), exists: true };
  if (!Array.isArray(parsed.value)) return { month, records: [], problem: `phone storage for ${month} (${key}) is not a list`, exists: true };
  const records: SessionRecord[] = [];
  let bad = 0;
  let firstProblem = '';
  parsed.value.forEach((raw: unknown, index) => {
    const checked = validateRecord(raw, `${key}[${index}]`);
    if (checked.ok) records.push(checked.value);
    else {
      bad += 1;
      if (firstProblem === '') firstProblem = describeProblems(checked.problems);
    }
  });
  if (bad > 0) {
    return { month, records, exists: true, problem: `phone storage for ${month} has ${bad} unreadable session(s): ${shorten(firstProblem, 200)}` };
  }
  return { month, records, exists: true };
}

/** Months that have a bucket, newest first, found from the keys themselves (not the index). */
export function storedMonths(store: KeyValueStore): string[] {
  const months: string[] = [];
  for (const key of listKeys(store)) {
    if (key.indexOf(HISTORY_PREFIX) !== 0) continue;
    const month = key.slice(HISTORY_PREFIX.length);
    if (MONTH_PATTERN.test(month)) months.push(month);
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
  for (const month of storedMonths(store)) {
    const bucket = readBucket(store, month);
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

/** The index if it is readable, otherwise counts from the buckets (reported, not rewritten). */
export function readIndex(store: KeyValueStore): { readonly months: readonly MonthCount[]; readonly problem?: string } {
  const read = readItem(store, HISTORY_INDEX_KEY);
  if (read.value !== undefined) {
    const parsed = parseJson(read.value, 'history index');
    if (parsed.ok && isPlainObject(parsed.value) && parsed.value['v'] === 1 && Array.isArray(parsed.value['months'])) {
      const months: MonthCount[] = [];
      let ok = true;
      for (const m of parsed.value['months'] as unknown[]) {
        if (isPlainObject(m) && typeof m['month'] === 'string' && MONTH_PATTERN.test(m['month']) && typeof m['count'] === 'number') {
          months.push({ month: m['month'], count: m['count'] });
        } else ok = false;
      }
      if (ok) return { months };
    }
  }
  const months = storedMonths(store).map((month) => ({ month, count: readBucket(store, month).records.length }));
  return read.value === undefined ? { months } : { months, problem: 'history index was unreadable; counted the months instead' };
}

function byStart(a: SessionRecord, b: SessionRecord): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface AddOutcome {
  readonly added: readonly string[];
  /** Already stored: counted as accepted, so a repeated request is harmless. */
  readonly alreadyStored: readonly string[];
  readonly rejected: readonly IdReason[];
  /** Valid but not stored this time (damaged month bucket, storage full); retried later. */
  readonly deferred: readonly IdReason[];
  /** Set when the phone's storage layout may not be written (newer or unreadable version): every new record is deferred. */
  readonly storageProblem?: string;
}

export interface PreparedRecords {
  readonly outcome: AddOutcome;
  /** Bucket and index writes that store `outcome.added`; empty when nothing is new. */
  readonly writes: ReadonlyArray<readonly [string, string | undefined]>;
}

/** A month's bucket never grows past this; a push into a full month is deferred with the reason. */
export const MAX_BUCKET_BYTES = 512 * 1024;
/** Retention: months older than this many before the newest stored month are not kept (see docs/sync.md). */
export const HISTORY_RETENTION_MONTHS = 60;
/** Where damaged stored entries are set aside, alone, so the rest of their month stays usable. */
export const HISTORY_QUARANTINE_KEY = 'history:quarantine';
/** The quarantine is bounded too; the oldest entries go first when it is full. */
export const MAX_QUARANTINE_BYTES = 64 * 1024;

interface QuarantineEntry {
  readonly month: string;
  readonly at: number;
  /** The damaged value as it was stored (cut to fit the quarantine). */
  readonly raw: string;
  readonly reason: string;
}

/** What is stored, by id, across every month (read once per push or import). */
interface StoredIds {
  readonly months: Map<string, { readonly raw: unknown[] | undefined; readonly damaged?: string }>;
  readonly byId: Map<string, { readonly month: string; readonly raw: unknown }>;
}

function scanStored(store: KeyValueStore): StoredIds {
  const months = new Map<string, { readonly raw: unknown[] | undefined; readonly damaged?: string }>();
  const byId = new Map<string, { readonly month: string; readonly raw: unknown }>();
  for (const month of storedMonths(store)) {
    const read = readItem(store, bucketKey(month));
    if (read.error !== undefined || read.value === undefined) {
      months.set(month, { raw: undefined, damaged: read.error === undefined ? 'missing' : read.error });
      continue;
    }
    const parsed = parseJson(read.value, `phone storage for ${month}`);
    if (!parsed.ok || !Array.isArray(parsed.value)) {
      months.set(month, { raw: undefined, damaged: parsed.ok ? `phone storage for ${month} is not a list` : describeProblems(parsed.problems) });
      continue;
    }
    const raw = parsed.value as unknown[];
    months.set(month, { raw });
    for (const entry of raw) {
      if (isPlainObject(entry) && typeof entry['id'] === 'string' && !byId.has(entry['id'])) byId.set(entry['id'], { month, raw: entry });
    }
  }
  return { months, byId };
}

/** The record as compared for "same session": the phone's clock flag is not part of what the watch sent. */
function sameSession(a: SessionRecord, b: SessionRecord): boolean {
  const { clockSuspect: _a, ...restA } = a;
  const { clockSuspect: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function quarantineWith(store: KeyValueStore, added: readonly QuarantineEntry[]): string {
  const read = readItem(store, HISTORY_QUARANTINE_KEY);
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
  return text;
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
 * - Idempotent by id across all months: the same session again is "already stored" wherever it
 *   is filed; a different session under a stored id is rejected with the reason (never kept
 *   silently, never stored twice).
 * - A damaged stored entry is set aside alone in the quarantine when its month is written (a month
 *   that is not readable at all is set aside whole and the month starts again), so damage never
 *   blocks a session; only a full month defers one (MAX_BUCKET_BYTES).
 * - Months older than HISTORY_RETENTION_MONTHS before the newest month are dropped when a newer month is
 *   written; a session older than that window is refused (it would be dropped at once).
 */
export function prepareRecords(store: KeyValueStore, inputs: readonly unknown[], now: number, path = 'records'): PreparedRecords {
  const rejected: IdReason[] = [];
  const deferred: IdReason[] = [];
  const stored = scanStored(store);
  const byMonth = new Map<string, SessionRecord[]>();
  const alreadyStored: string[] = [];
  const incomingIds = new Map<string, SessionRecord>();
  let newest = '';
  stored.months.forEach((bucket, month) => {
    const trusted = bucket.raw !== undefined && bucket.raw.some((r) => isPlainObject(r) && r['clockSuspect'] !== true);
    if (trusted && month > newest) newest = month;
  });
  const valids: SessionRecord[] = [];
  inputs.forEach((raw, index) => {
    const checked = validateRecord(raw, `${path}[${index}]`, now);
    if (!checked.ok) {
      // The protocol's rule (core/sync/protocol refusalClass): a version this phone cannot read yet
      // is temporary (the session waits on the watch until Knead is updated), anything else is not.
      const reason = describeProblems(checked.problems);
      (refusalClass(checked.problems) === 'temporary' ? deferred : rejected).push({ id: idOf(raw, `${path}[${index}]`), reason });
      return;
    }
    valids.push(checked.value);
    const month = monthOf(checked.value);
    if (checked.value.clockSuspect !== true && month > newest) newest = month;
  });
  // Retention counts back from the newest month holding a session from a clock that looked right.
  const oldestKept = newest === '' ? -Infinity : monthIndex(newest) - HISTORY_RETENTION_MONTHS + 1;
  for (const record of valids) {
    const earlier = incomingIds.get(record.id);
    if (earlier !== undefined) {
      if (!sameSession(earlier, record)) rejected.push({ id: record.id, reason: conflictReason(record.id, monthOf(earlier)) });
      continue;
    }
    const known = stored.byId.get(record.id);
    if (known !== undefined) {
      const storedRecord = validateRecord(known.raw);
      if (storedRecord.ok && sameSession(storedRecord.value, record)) alreadyStored.push(record.id);
      else if (storedRecord.ok) rejected.push({ id: record.id, reason: conflictReason(record.id, known.month) });
      else {
        // The stored copy is damaged: it is set aside when its month is rewritten; store this one.
        incomingIds.set(record.id, record);
        pushTo(byMonth, monthOf(record), record);
      }
      continue;
    }
    const month = monthOf(record);
    if (monthIndex(month) < oldestKept && record.clockSuspect !== true) {
      rejected.push({ id: record.id, reason: `is from ${month}, older than the ${HISTORY_RETENTION_MONTHS} months of history the phone keeps` });
      continue;
    }
    incomingIds.set(record.id, record);
    pushTo(byMonth, month, record);
  }

  const added: string[] = [];
  const writes: Array<readonly [string, string | undefined]> = [];
  const quarantined: QuarantineEntry[] = [];
  const counts = new Map<string, number>();
  const summaries: MonthSummary[] = [];
  byMonth.forEach((incoming, month) => {
    const existing = stored.months.get(month);
    const kept: SessionRecord[] = [];
    if (existing !== undefined && existing.raw === undefined) {
      const read = readItem(store, bucketKey(month));
      quarantined.push({ month, at: now, raw: read.value === undefined ? '' : read.value, reason: existing.damaged === undefined ? 'unreadable' : existing.damaged });
    } else if (existing !== undefined && existing.raw !== undefined) {
      existing.raw.forEach((raw, index) => {
        const checked = validateRecord(raw, `${bucketKey(month)}[${index}]`);
        if (checked.ok && !incomingIds.has(checked.value.id)) kept.push(checked.value);
        else if (!checked.ok) quarantined.push({ month, at: now, raw: safeText(raw), reason: shorten(describeProblems(checked.problems), 200) });
      });
    }
    const merged = kept.concat(incoming).sort(byStart);
    const text = JSON.stringify(merged);
    if (utf8ByteLength(text) > MAX_BUCKET_BYTES) {
      const reason = `phone storage for ${month} is full (at most ${MAX_BUCKET_BYTES / 1024} KiB a month); the session stays on the watch`;
      for (const r of incoming) deferred.push({ id: r.id, reason });
      return;
    }
    writes.push([bucketKey(month), text]);
    counts.set(month, merged.length);
    summaries.push(summarizeMonth(month, merged));
    for (const r of incoming) added.push(r.id);
  });
  // Retention: a newer month pushes the oldest ones out.
  const dropped: string[] = [];
  if (writes.length > 0) {
    stored.months.forEach((bucket, month) => {
      // A month holding a session from a wrong watch clock (e.g. 2019) is not really old: kept.
      const suspect = bucket.raw !== undefined && bucket.raw.some((r) => isPlainObject(r) && r['clockSuspect'] === true);
      if (monthIndex(month) < oldestKept && !suspect && !byMonth.has(month)) {
        writes.push([bucketKey(month), undefined]);
        dropped.push(month);
      }
    });
  }
  if (quarantined.length > 0 && writes.length > 0) writes.push([HISTORY_QUARANTINE_KEY, quarantineWith(store, quarantined)]);
  if (writes.length > 0) {
    const index = indexAfter(store, counts, dropped);
    writes.push([HISTORY_INDEX_KEY, JSON.stringify({ v: 1, months: index })]);
    writes.push([HISTORY_SUMMARY_KEY, summaryAfter(store, stored, index, summaries)]);
  }
  return { outcome: { added, alreadyStored, rejected, deferred }, writes };
}

function pushTo(map: Map<string, SessionRecord[]>, month: string, record: SessionRecord): void {
  const list = map.get(month);
  if (list === undefined) map.set(month, [record]);
  else list.push(record);
}

function conflictReason(id: string, month: string): string {
  return `a different session with id ${shorten(id)} is already stored (${month}); this copy was not stored`;
}

function safeText(raw: unknown): string {
  try {
    const text = JSON.stringify(raw);
    return typeof text === 'string' ? text : String(raw);
  } catch {
    return String(raw);
  }
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

function indexAfter(store: KeyValueStore, counts: ReadonlyMap<string, number>, dropped: readonly string[]): MonthCount[] {
  const merged = new Map<string, number>();
  for (const m of readIndex(store).months) if (dropped.indexOf(m.month) < 0) merged.set(m.month, m.count);
  counts.forEach((count, month) => merged.set(month, count));
  const months: MonthCount[] = [];
  merged.forEach((count, month) => months.push({ month, count }));
  months.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  return months;
}

/**
 * The month summaries after a push: the months it wrote are summarized from their new content;
 * any other month whose stored summary is missing or stale (history stored before summaries
 * existed, or damage) is summarized from the bucket already read, so the next ones are cheap.
 */
function summaryAfter(store: KeyValueStore, stored: StoredIds, index: readonly MonthCount[], updated: readonly MonthSummary[]): string {
  const counts = new Map<string, number>();
  for (const m of index) counts.set(m.month, m.count);
  const current = readSummaries(store, counts);
  const rebuilt: MonthSummary[] = [];
  for (const month of current.stale) {
    if (updated.some((u) => u.month === month)) continue;
    const records: SessionRecord[] = [];
    for (const raw of stored.months.get(month)?.raw ?? []) {
      const checked = validateRecord(raw);
      if (checked.ok) records.push(checked.value);
    }
    rebuilt.push(summarizeMonth(month, records));
  }
  return encodeSummaries(summariesWith(current.months, rebuilt.concat(updated)).filter((m) => counts.has(m.month)));
}

/** The id to name a refused record by: its own when the watch could match it (the one id rule), else its place. */
function idOf(raw: unknown, fallback: string): string {
  return isPlainObject(raw) && isSessionId(raw['id']) ? raw['id'] : fallback;
}
