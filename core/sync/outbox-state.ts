// The outbox as a value: pure transitions (enqueue, pick a batch, apply the phone's answer) that
// core/sync/outbox.ts loads from and saves to storage. A record leaves `pending` only when the
// phone names its id as accepted, or moves to `rejected` (kept, with the phone's reason).

import type { SessionRecord } from '../routines/model';
import type { IdReason } from './protocol';
import { MAX_PUSH_BYTES, MAX_RECORDS_PER_PUSH, PUSH_ENVELOPE_BYTES } from './protocol';
import { jsonByteLength } from '../kernel/json';
import type { RecentEntry } from './recent-history';
import { addRecent, markRecent, summarize } from './recent-history';
import { classifyLegacyRefusal } from './protocol';

export const OUTBOX_FORMAT_VERSION = 1;

export interface PendingEntry {
  readonly id: string;
  /** Stored as it was enqueued; the phone is the one that validates it. */
  readonly record: Readonly<Record<string, unknown>>;
  readonly attempts: number;
  readonly lastError?: string;
}

export interface RejectedEntry {
  readonly id: string;
  readonly record: Readonly<Record<string, unknown>>;
  readonly reason: string;
  readonly rejectedAt: number;
}

export interface OutboxState {
  readonly v: typeof OUTBOX_FORMAT_VERSION;
  readonly pending: readonly PendingEntry[];
  readonly rejected: readonly RejectedEntry[];
  readonly recent: readonly RecentEntry[];
}

export interface Batch {
  readonly ids: readonly string[];
  readonly records: readonly Readonly<Record<string, unknown>>[];
  /** Size of the whole `sessions.push` params object as JSON. */
  readonly bytes: number;
}

export function emptyOutbox(): OutboxState {
  return { v: OUTBOX_FORMAT_VERSION, pending: [], rejected: [], recent: [] };
}

export function isQueued(state: OutboxState, id: string): boolean {
  return state.pending.some((e) => e.id === id) || state.rejected.some((e) => e.id === id);
}

/**
 * Idempotent: a record already pending, rejected, or recently acknowledged is left as it is
 * (a relaunch may finish the same session twice). Older acknowledged ones would be sent again,
 * which the phone's idempotent store turns into a harmless "accepted".
 */
export function enqueueRecord(state: OutboxState, record: SessionRecord): OutboxState {
  if (isQueued(state, record.id)) return state;
  if (state.recent.some((e) => e.id === record.id && e.sync === 'sent')) return state;
  const entry: PendingEntry = { id: record.id, record: record as unknown as Readonly<Record<string, unknown>>, attempts: 0 };
  return { ...state, pending: state.pending.concat([entry]), recent: addRecent(state.recent, summarize(record)) };
}

/** A record the watch knows the phone would refuse: kept as refused, with the reason, idempotently. */
export function enqueueRefused(state: OutboxState, record: SessionRecord, reason: string, now: number): OutboxState {
  if (isQueued(state, record.id)) return state;
  const entry: RejectedEntry = { id: record.id, record: record as unknown as Readonly<Record<string, unknown>>, reason, rejectedAt: now };
  return { ...state, rejected: state.rejected.concat([entry]), recent: addRecent(state.recent, { ...summarize(record), sync: 'rejected', reason }) };
}

/**
 * The oldest pending records whose request stays within both of the phone's limits: `maxBytes`
 * and MAX_RECORDS_PER_PUSH records (the same constants parsePushParams enforces, so a batch the
 * watch builds is never a request the phone refuses). A batch always holds the first pending
 * record when there is one, so an outbox can never get stuck behind a large record (valid records
 * are at most MAX_RECORD_BYTES, well under MAX_PUSH_BYTES).
 */
export function selectBatch(state: OutboxState, maxBytes: number = MAX_PUSH_BYTES, skip: ReadonlySet<string> = new Set()): Batch {
  const ids: string[] = [];
  const records: Readonly<Record<string, unknown>>[] = [];
  let bytes = PUSH_ENVELOPE_BYTES;
  for (const entry of state.pending) {
    if (records.length >= MAX_RECORDS_PER_PUSH) break;
    if (skip.has(entry.id)) continue;
    const size = jsonByteLength(entry.record) + (records.length > 0 ? 1 : 0);
    if (records.length > 0 && bytes + size > maxBytes) break;
    ids.push(entry.id);
    records.push(entry.record);
    bytes += size;
  }
  return { ids, records, bytes: records.length === 0 ? 0 : bytes };
}

export interface AckOutcome {
  readonly state: OutboxState;
  readonly accepted: number;
  readonly rejected: number;
}

/**
 * Applies the phone's answer. Ids the outbox does not hold (a duplicated reply, a phone
 * answering for someone else) change nothing; an id both accepted and rejected counts as accepted,
 * since the phone has stored it.
 */
export function applyAck(state: OutboxState, accepted: readonly string[], rejected: readonly IdReason[], now: number): AckOutcome {
  const acceptedSet = new Set(accepted);
  const reasons = new Map<string, string>();
  for (const r of rejected) if (!acceptedSet.has(r.id) && !reasons.has(r.id)) reasons.set(r.id, r.reason);
  const pending: PendingEntry[] = [];
  const newlyRejected: RejectedEntry[] = [];
  let recent = state.recent.slice();
  let acceptedCount = 0;
  for (const entry of state.pending) {
    if (acceptedSet.has(entry.id)) {
      acceptedCount += 1;
      recent = markRecent(recent, entry.id, 'sent');
      continue;
    }
    const reason = reasons.get(entry.id);
    if (reason !== undefined && classifyLegacyRefusal(reason) === 'temporary') {
      // An older phone refused it for something waiting fixes: it stays pending, with the reason.
      pending.push({ ...entry, lastError: reason });
      continue;
    }
    if (reason !== undefined) {
      newlyRejected.push({ id: entry.id, record: entry.record, reason, rejectedAt: now });
      recent = markRecent(recent, entry.id, 'rejected', reason);
      continue;
    }
    pending.push(entry);
  }
  // A rejected record the phone later stored (after an app update and a manual retry) is done.
  const stillRejected = state.rejected.filter((e) => {
    if (!acceptedSet.has(e.id)) return true;
    recent = markRecent(recent, e.id, 'sent');
    acceptedCount += 1;
    return false;
  });
  return {
    state: { ...state, pending, rejected: stillRejected.concat(newlyRejected), recent },
    accepted: acceptedCount,
    rejected: newlyRejected.length,
  };
}

/** Counts a failed attempt on the records that were in flight, for display and diagnostics. */
export function noteFailure(state: OutboxState, ids: readonly string[], error: string): OutboxState {
  const inFlight = new Set(ids);
  return {
    ...state,
    pending: state.pending.map((e) => (inFlight.has(e.id) ? { ...e, attempts: e.attempts + 1, lastError: error } : e)),
  };
}

/** Refused records whose reason waiting fixes (clock, version, phone storage) go back to pending. */
export function reviveTemporary(state: OutboxState): OutboxState {
  const revive = state.rejected.filter((e) => classifyLegacyRefusal(e.reason) === 'temporary');
  if (revive.length === 0) return state;
  let recent = state.recent;
  for (const e of revive) recent = markRecent(recent, e.id, 'pending');
  return {
    ...state,
    rejected: state.rejected.filter((e) => classifyLegacyRefusal(e.reason) !== 'temporary'),
    pending: state.pending.concat(revive.map((e) => ({ id: e.id, record: e.record, attempts: 0, lastError: e.reason }))),
    recent,
  };
}

/** The person discarded a refused record on the watch: it leaves the outbox and the recent list. */
export function dropRejected(state: OutboxState, id: string): OutboxState {
  if (!state.rejected.some((e) => e.id === id)) return state;
  return { ...state, rejected: state.rejected.filter((e) => e.id !== id), recent: state.recent.filter((e) => e.id !== id) };
}

/** The person asked to try a rejected record again (e.g. after updating Knead on both ends). */
export function requeueRejected(state: OutboxState, id: string): OutboxState {
  const entry = state.rejected.find((e) => e.id === id);
  if (entry === undefined) return state;
  return {
    ...state,
    rejected: state.rejected.filter((e) => e.id !== id),
    pending: state.pending.concat([{ id: entry.id, record: entry.record, attempts: 0 }]),
    recent: markRecent(state.recent, id, 'pending'),
  };
}
