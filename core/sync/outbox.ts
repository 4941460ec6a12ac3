// The watch's outbox on top of a KeyValueStore: finished sessions wait here until the phone
// acknowledges them. Every function reports problems as values and never throws into a page.
//
// Storage: one key, OUTBOX_KEY, holding JSON
//   { v: 1, pending: [{id, record, attempts, lastError?}],
//     rejected: [{id, record, reason, rejectedAt}], recent: [RecentEntry] }
// One key means one setItem per change, so a crash can never leave a record both pending and
// rejected. An unreadable value is copied verbatim to `outbox.quarantine.<n>` before anything is
// written, and the readable entries are kept.

import type { SessionRecord } from '../model';
import type { IdReason } from './protocol';
import { MAX_PUSH_BYTES } from './protocol';
import { MAX_ID_LENGTH, isSessionId, validateRecord } from './record-validation';
import { describeProblems } from '../result';
import { shorten } from './json';
import type { KeyValueStore } from './store';
import { errorText, listKeys, readItem, writeAll } from './store';
import type { Batch, OutboxState, RejectedEntry } from './outbox-state';
import { applyAck, dropRejected, emptyOutbox, enqueueRecord, enqueueRefused, reviveTemporary, isQueued, noteFailure, requeueRejected, selectBatch } from './outbox-state';
import { decodeOutbox } from './outbox-codec';
import type { RecentEntry } from './recent-history';

export const OUTBOX_KEY = 'outbox';
export const OUTBOX_QUARANTINE_PREFIX = 'outbox.quarantine.';
/** The watch holds at most this many sessions for the phone (waiting and refused together). */
export const MAX_OUTBOX_RECORDS = 1000;
/** Said when it is full; the finished session then stays in the session snapshot, not lost. */
export const OUTBOX_FULL_MESSAGE = `the watch is holding ${MAX_OUTBOX_RECORDS} sessions for the phone: open Knead near the phone to send them, or discard refused ones in History`;

export interface Loaded {
  readonly state: OutboxState;
  /** False when the stored outbox could not be read or set aside: writing would destroy it. */
  readonly writable: boolean;
  /** A sentence for logs and the History page when storage needed attention. */
  readonly problem?: string;
}

export type OutboxResult =
  | { readonly ok: true; readonly problem?: string }
  | { readonly ok: false; readonly error: string };

export function loadOutbox(store: KeyValueStore): Loaded {
  const read = readItem(store, OUTBOX_KEY);
  if (read.error !== undefined) return { state: emptyOutbox(), writable: false, problem: read.error };
  if (read.value === undefined) return { state: emptyOutbox(), writable: true };
  const decoded = decodeOutbox(read.value);
  if (decoded.problem === undefined) return { state: decoded.state, writable: true };
  const quarantineKey = freeQuarantineKey(store);
  const saved = writeAll(store, [
    [quarantineKey, read.value],
    [OUTBOX_KEY, JSON.stringify(decoded.state)],
  ]);
  if (!saved.ok) {
    return {
      state: decoded.state,
      writable: false,
      problem: `${decoded.problem}; could not set it aside (${saved.error}), so nothing was changed`,
    };
  }
  return {
    state: decoded.state,
    writable: true,
    problem: `${decoded.problem}; the original was set aside under '${quarantineKey}' and ${countEntries(decoded.state)} readable entries were kept`,
  };
}

function countEntries(state: OutboxState): number {
  return state.pending.length + state.rejected.length;
}

function freeQuarantineKey(store: KeyValueStore): string {
  const taken = new Set(listKeys(store));
  let n = 1;
  while (taken.has(`${OUTBOX_QUARANTINE_PREFIX}${n}`)) n += 1;
  return `${OUTBOX_QUARANTINE_PREFIX}${n}`;
}

function update(store: KeyValueStore, change: (state: OutboxState) => OutboxState): OutboxResult {
  const loaded = loadOutbox(store);
  if (!loaded.writable) return { ok: false, error: loaded.problem === undefined ? 'outbox storage is unavailable' : loaded.problem };
  const next = change(loaded.state);
  if (next === loaded.state) return loaded.problem === undefined ? { ok: true } : { ok: true, problem: loaded.problem };
  let text: string;
  try {
    text = JSON.stringify(next);
  } catch (error) {
    return { ok: false, error: `could not encode the outbox: ${errorText(error)}` };
  }
  const saved = writeAll(store, [[OUTBOX_KEY, text]]);
  if (!saved.ok) return { ok: false, error: saved.error };
  return loaded.problem === undefined ? { ok: true } : { ok: true, problem: loaded.problem };
}

/**
 * Queues a finished session. Idempotent by id: enqueuing the same session twice keeps one. The
 * record is checked with the phone's own validator first: one the phone would refuse is kept
 * straight away among the refused ones with the reason (shown in History, retry or discard),
 * never sent in a loop and never lost.
 */
export function enqueue(store: KeyValueStore, record: SessionRecord, now = 0): OutboxResult {
  if (!isSessionId(record.id)) {
    return { ok: false, error: `session id must be 1-${MAX_ID_LENGTH} visible ASCII characters` };
  }
  const loaded = loadOutbox(store);
  const held = loaded.state.pending.length + loaded.state.rejected.length;
  if (held >= MAX_OUTBOX_RECORDS && !isQueued(loaded.state, record.id)) {
    return { ok: false, error: OUTBOX_FULL_MESSAGE };
  }
  const checked = validateRecord(record);
  if (!checked.ok) {
    const reason = `the phone would refuse it: ${shorten(describeProblems(checked.problems), 200)}`;
    return update(store, (state) => enqueueRefused(state, record, reason, now));
  }
  return update(store, (state) => enqueueRecord(state, record));
}

/**
 * The next request to send (oldest first, within the phone's limits), leaving out `skip` (sessions
 * the phone deferred during this flush, so one full month never holds back the others); empty
 * when nothing is left to send.
 */
export function nextBatch(store: KeyValueStore, maxBytes: number = MAX_PUSH_BYTES, skip: ReadonlySet<string> = new Set()): Batch {
  return selectBatch(loadOutbox(store).state, maxBytes, skip);
}

/** Which of `ids` are still pending (answered but not stored, e.g. deferred by the phone). */
export function pendingIds(store: KeyValueStore, ids: readonly string[]): string[] {
  const pending = new Set(loadOutbox(store).state.pending.map((e) => e.id));
  return ids.filter((id) => pending.has(id));
}

/** Sessions refused for a reason waiting fixes go back to pending (each flush starts with this). */
export function reviveTemporaryRefusals(store: KeyValueStore): OutboxResult {
  return update(store, reviveTemporary);
}

/** The person discarded a refused session on the watch. */
export function discardRejected(store: KeyValueStore, id: string): OutboxResult {
  return update(store, (state) => dropRejected(state, id));
}

export interface AckResult {
  readonly ok: boolean;
  readonly accepted: number;
  readonly rejected: number;
  readonly error?: string;
}

/** Applies the phone's reply. Safe to call twice with the same reply. */
export function acknowledge(store: KeyValueStore, accepted: readonly string[], rejected: readonly IdReason[], now: number): AckResult {
  let counts = { accepted: 0, rejected: 0 };
  const result = update(store, (state) => {
    const outcome = applyAck(state, accepted, rejected, now);
    counts = { accepted: outcome.accepted, rejected: outcome.rejected };
    return outcome.accepted + outcome.rejected === 0 ? state : outcome.state;
  });
  return result.ok ? { ok: true, ...counts } : { ok: false, accepted: 0, rejected: 0, error: result.error };
}

/** Remembers that sending `ids` failed (shown on the History page); the records stay pending. */
export function recordFailure(store: KeyValueStore, ids: readonly string[], error: string): OutboxResult {
  return update(store, (state) => (ids.some((id) => isQueued(state, id)) ? noteFailure(state, ids, error) : state));
}

/** Puts a rejected record back in the queue at the person's request. */
export function retryRejected(store: KeyValueStore, id: string): OutboxResult {
  return update(store, (state) => requeueRejected(state, id));
}

export interface OutboxStatus {
  readonly pending: number;
  readonly rejected: readonly RejectedEntry[];
  readonly recent: readonly RecentEntry[];
  readonly problem?: string;
}

/** What Home ("waiting to sync") and History show. Read-only apart from setting corrupt data aside. */
export function outboxStatus(store: KeyValueStore): OutboxStatus {
  const loaded = loadOutbox(store);
  const base = { pending: loaded.state.pending.length, rejected: loaded.state.rejected, recent: loaded.state.recent };
  return loaded.problem === undefined ? base : { ...base, problem: loaded.problem };
}
