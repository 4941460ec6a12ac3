// The phone's session history in settingsStorage (string values only), split into one key per
// local month so adding a session rewrites one month, not years of history.
//
//   'history:2026-11'  JSON array of SessionRecord, sorted by startedAt then id
//   'history:index'    JSON { v: 1, months: [{ month: '2026-11', count: 12 }] }, newest month first;
//                      a cache for the Overview, rebuilt from the buckets when missing or damaged
//   'storage:version'  '1' (see storage-version.ts)
//
// A damaged bucket is reported and never rewritten; the other months stay readable and writable.

import type { SessionRecord } from '../model';
import { describeProblems } from '../result';
import type { IdReason, PushReply, ErrorReply } from '../sync/protocol';
import { errorReply, parsePushParams } from '../sync/protocol';
import { isPlainObject, parseJson, shorten } from '../sync/json';
import { validateRecord } from '../sync/record-validation';
import type { KeyValueStore } from '../sync/store';
import { listKeys, readItem, writeAll } from '../sync/store';
import { localMonth } from '../local-time';
import { checkStorageVersion } from './storage-version';

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
}

export interface PreparedRecords {
  readonly outcome: AddOutcome;
  /** Bucket and index writes that store `outcome.added`; empty when nothing is new. */
  readonly writes: ReadonlyArray<readonly [string, string | undefined]>;
}

/**
 * Validates records and works out the writes that would store the new ones, without writing, so
 * callers (push, import) can apply them together with their own writes in one writeAll.
 * Only the buckets of new records are touched.
 */
export function prepareRecords(store: KeyValueStore, inputs: readonly unknown[], now: number, path = 'records'): PreparedRecords {
  const rejected: IdReason[] = [];
  const deferred: IdReason[] = [];
  const byMonth = new Map<string, SessionRecord[]>();
  const seen = new Set<string>();
  inputs.forEach((raw, index) => {
    const checked = validateRecord(raw, `${path}[${index}]`, now);
    if (!checked.ok) {
      rejected.push({ id: idOf(raw, `${path}[${index}]`), reason: describeProblems(checked.problems) });
      return;
    }
    if (seen.has(checked.value.id)) return;
    seen.add(checked.value.id);
    const month = monthOf(checked.value);
    const list = byMonth.get(month);
    if (list === undefined) byMonth.set(month, [checked.value]);
    else list.push(checked.value);
  });

  const added: string[] = [];
  const alreadyStored: string[] = [];
  const writes: Array<readonly [string, string | undefined]> = [];
  const counts = new Map<string, number>();
  byMonth.forEach((incoming, month) => {
    const bucket = readBucket(store, month);
    if (bucket.problem !== undefined) {
      const reason = `${bucket.problem}; the session stays on the watch until this is repaired`;
      for (const r of incoming) deferred.push({ id: r.id, reason });
      return;
    }
    const known = new Set(bucket.records.map((r) => r.id));
    const fresh = incoming.filter((r) => !known.has(r.id));
    for (const r of incoming) if (known.has(r.id)) alreadyStored.push(r.id);
    if (fresh.length === 0) return;
    const merged = bucket.records.concat(fresh).sort(byStart);
    writes.push([bucketKey(month), JSON.stringify(merged)]);
    counts.set(month, merged.length);
    for (const r of fresh) added.push(r.id);
  });
  if (writes.length > 0) writes.push([HISTORY_INDEX_KEY, indexWith(store, counts)]);
  return { outcome: { added, alreadyStored, rejected, deferred }, writes };
}

/** Validates and stores records; if storage refuses, nothing is written and the new ones are deferred. */
export function addRecords(store: KeyValueStore, inputs: readonly unknown[], now: number, path = 'records'): AddOutcome {
  const prepared = prepareRecords(store, inputs, now, path);
  const { added, alreadyStored, rejected, deferred } = prepared.outcome;
  if (prepared.writes.length === 0) return prepared.outcome;
  const version = checkStorageVersion(store);
  if (!version.ok) return deferAll(added, alreadyStored, rejected, deferred, version.error);
  const saved = writeAll(store, version.writes.concat(prepared.writes));
  if (saved.ok) return prepared.outcome;
  return deferAll(added, alreadyStored, rejected, deferred, `phone storage refused the write (${saved.error})`);
}

function deferAll(added: readonly string[], alreadyStored: readonly string[], rejected: readonly IdReason[], deferred: readonly IdReason[], reason: string): AddOutcome {
  return { added: [], alreadyStored, rejected, deferred: deferred.concat(added.map((id) => ({ id, reason }))) };
}

function indexWith(store: KeyValueStore, counts: ReadonlyMap<string, number>): string {
  const merged = new Map<string, number>();
  for (const m of readIndex(store).months) merged.set(m.month, m.count);
  counts.forEach((count, month) => merged.set(month, count));
  const months: MonthCount[] = [];
  merged.forEach((count, month) => months.push({ month, count }));
  months.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  return JSON.stringify({ v: 1, months });
}

function idOf(raw: unknown, fallback: string): string {
  if (isPlainObject(raw) && typeof raw['id'] === 'string' && raw['id'].length > 0 && raw['id'].length <= 64) return raw['id'];
  return fallback;
}

/**
 * The side service's handler for `sessions.push`. A malformed request gets an error reply and
 * changes nothing; otherwise each record is accepted (stored now or before), rejected with the
 * reason, or deferred (left on the watch for a later try).
 */
export function pushSessions(store: KeyValueStore, params: unknown, now: number): PushReply | ErrorReply {
  const parsed = parsePushParams(params);
  if (!parsed.ok) {
    const message = describeProblems(parsed.problems);
    const code = message.indexOf('newer than this app') >= 0 ? 'unsupported-version' : message.indexOf('bytes; at most') >= 0 ? 'too-large' : 'bad-request';
    return errorReply(code, message);
  }
  const version = checkStorageVersion(store);
  if (!version.ok) return errorReply('storage', version.error);
  const outcome = addRecords(store, parsed.value.records, now);
  const reply: PushReply = { accepted: outcome.added.concat(outcome.alreadyStored), rejected: outcome.rejected };
  return outcome.deferred.length > 0 ? { ...reply, deferred: outcome.deferred } : reply;
}
