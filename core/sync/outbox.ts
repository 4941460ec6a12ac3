// The watch's outbox on top of a KeyValueStore: finished sessions wait here until the phone
// acknowledges them. Every function reports problems as values and never throws into a page.
//
// Storage (see outbox-layout.ts): a small index under OUTBOX_KEY and one key per held session, so
// a change writes the sessions it touches plus the index, never the whole queue. Every change is
// one writeAll, so a failed write leaves no half update. An outbox stored by an older Knead as one
// key is converted on first load. An unreadable index or session is copied verbatim to
// `outbox.quarantine.<n>` before anything is written, and the readable sessions are kept.

import type { SessionRecord } from '../routines/model';
import type { IdReason } from './protocol';
import { MAX_PUSH_BYTES } from './protocol';
import { MAX_ID_LENGTH, isSessionId, validateRecord } from '../records/record-validation';
import { describeProblems } from '../kernel/result';
import { shorten } from '../kernel/json';
import type { KeyValueStore } from '../kernel/store';
import { errorText, freeQuarantineKeys, listKeys, readItem, writeAll } from '../kernel/store';
import type { Batch, OutboxState, RejectedEntry } from './outbox-state';
import { applyAck, dropRejected, emptyOutbox, enqueueRecord, enqueueRefused, reviveTemporary, isQueued, noteFailure, requeueRejected, selectBatch } from './outbox-state';
import { decodeOutbox } from './outbox-codec';
import type { RecentEntry } from './recent-history';
import type { DecodedSlot, Layout } from './outbox-layout';
import { OUTBOX_KEY, OUTBOX_RECORD_PREFIX, decodeIndex, decodeSlot, emptyLayout, planSave, slotKey, stateFromSlots } from './outbox-layout';

export { OUTBOX_KEY, OUTBOX_RECORD_PREFIX } from './outbox-layout';
export const OUTBOX_QUARANTINE_PREFIX = 'outbox.quarantine.';
/** The watch holds at most this many sessions for the phone (waiting and refused together). */
export const MAX_OUTBOX_RECORDS = 1000;
/** Said when it is full; the finished session then stays in the session snapshot, not lost. */
export const OUTBOX_FULL_MESSAGE = `the watch is holding ${MAX_OUTBOX_RECORDS} sessions for the phone: open Knead near the phone to send them, or discard refused ones in History`;
/** Slots a load reads at most (beyond the bound: room for holes left by acknowledged sessions). */
export const MAX_SLOT_SPAN = MAX_OUTBOX_RECORDS + 200;
/** A stored index claiming more slots than this is damaged (a converted old outbox may be large). */
const SANE_SLOT_SPAN = 20 * MAX_OUTBOX_RECORDS;

export interface Loaded {
  readonly state: OutboxState;
  /** False when the stored outbox could not be read or set aside: writing would destroy it. */
  readonly writable: boolean;
  /** A sentence for logs and the History page when storage needed attention. */
  readonly problem?: string;
  /** Where each session is stored, so a change writes only what it touches. */
  readonly layout: Layout;
}

export type OutboxResult =
  | { readonly ok: true; readonly problem?: string }
  | { readonly ok: false; readonly error: string };

export function loadOutbox(store: KeyValueStore): Loaded {
  const read = readItem(store, OUTBOX_KEY);
  if (read.error !== undefined) return unreadable(read.error);
  if (read.value === undefined) return { state: emptyOutbox(), writable: true, layout: emptyLayout() };
  const index = decodeIndex(read.value, SANE_SLOT_SPAN);
  if (index === 'legacy') return convertLegacy(store, read.value);
  if ('problem' in index) {
    // The index is damaged: the sessions are found by listing keys, the original is set aside.
    const slots = listKeys(store)
      .filter((k) => k.indexOf(OUTBOX_RECORD_PREFIX) === 0)
      .map((k) => Number(k.slice(OUTBOX_RECORD_PREFIX.length)))
      .filter((n) => Number.isInteger(n) && n >= 0);
    const tail = slots.reduce((max, n) => Math.max(max, n + 1), 0);
    const head = slots.reduce((min, n) => Math.min(min, n), tail);
    return loadSlots(store, { head, tail, slots }, [], { raw: read.value, problem: index.problem });
  }
  const slots: number[] = [];
  for (let slot = index.head; slot < index.tail; slot += 1) slots.push(slot);
  return loadSlots(store, { head: index.head, tail: index.tail, slots }, index.recent, undefined, read.value);
}

function unreadable(problem: string): Loaded {
  return { state: emptyOutbox(), writable: false, problem, layout: emptyLayout() };
}

/** `range.tail` is kept even when every slot is empty: slot numbers are never reused. */
function loadSlots(store: KeyValueStore, range: { readonly head: number; readonly tail: number; readonly slots: readonly number[] }, recent: readonly RecentEntry[], badIndex: { raw: string; problem: string } | undefined, indexText?: string): Loaded {
  const slots: Array<{ slot: number; decoded: DecodedSlot; text: string }> = [];
  const damaged: Array<{ slot: number; raw: string }> = [];
  for (const slot of range.slots) {
    const read = readItem(store, slotKey(slot));
    if (read.error !== undefined) return unreadable(read.error);
    if (read.value === undefined) continue;
    const decoded = decodeSlot(read.value);
    if (decoded === undefined) damaged.push({ slot, raw: read.value });
    else slots.push({ slot, decoded, text: read.value });
  }
  const found = stateFromSlots(slots, recent);
  for (const slot of found.duplicates) {
    const dup = slots.find((s) => s.slot === slot);
    if (dup !== undefined) damaged.push({ slot, raw: dup.text });
  }
  const layout: Layout = { head: range.head, tail: range.tail, placed: found.placed, indexText: badIndex === undefined ? indexText : undefined };
  if (badIndex === undefined && damaged.length === 0) return { state: found.state, writable: true, layout };
  const aside: Array<{ raw: string; what: string; remove?: string }> = [];
  if (badIndex !== undefined) aside.push({ raw: badIndex.raw, what: badIndex.problem });
  for (const d of damaged) aside.push({ raw: d.raw, what: `stored session ${slotKey(d.slot)} was unreadable`, remove: slotKey(d.slot) });
  const keys = freeQuarantineKeys(store, OUTBOX_QUARANTINE_PREFIX, aside.length);
  const writes: Array<readonly [string, string | undefined]> = [];
  aside.forEach((a, i) => {
    writes.push([keys[i] as string, a.raw]);
    if (a.remove !== undefined) writes.push([a.remove, undefined]);
  });
  const plan = planSave(layout, found.state, MAX_SLOT_SPAN);
  return setAside(store, writes.concat(plan.writes), found.state, plan.layout, layout, aside.map((a) => a.what).join('; '), keys);
}

function setAside(store: KeyValueStore, writes: ReadonlyArray<readonly [string, string | undefined]>, state: OutboxState, savedLayout: Layout, unsavedLayout: Layout, problem: string, keys: readonly string[]): Loaded {
  const saved = writeAll(store, writes);
  if (!saved.ok) {
    return { state, writable: false, layout: unsavedLayout, problem: `${problem}; could not set it aside (${saved.error}), so nothing was changed` };
  }
  const where = keys.map((k) => `'${k}'`).join(', ');
  return {
    state,
    writable: true,
    layout: savedLayout,
    problem: `${problem}; the original was set aside under ${where} and ${countEntries(state)} readable entries were kept`,
  };
}

/** An outbox written by an older Knead as one key: every session gets its own key, nothing lost. */
function convertLegacy(store: KeyValueStore, raw: string): Loaded {
  const decoded = decodeOutbox(raw);
  let plan;
  try {
    plan = planSave(emptyLayout(), decoded.state, MAX_SLOT_SPAN);
  } catch (error) {
    return { state: decoded.state, writable: false, layout: emptyLayout(), problem: `could not convert the outbox: ${errorText(error)}` };
  }
  if (decoded.problem === undefined) {
    const saved = writeAll(store, plan.writes);
    if (saved.ok) return { state: decoded.state, writable: true, layout: plan.layout };
    return { state: decoded.state, writable: false, layout: emptyLayout(), problem: `could not convert the outbox to one key per session (${saved.error}), so nothing was changed` };
  }
  const keys = freeQuarantineKeys(store, OUTBOX_QUARANTINE_PREFIX, 1);
  const writes: Array<readonly [string, string | undefined]> = [[keys[0] as string, raw]];
  return setAside(store, writes.concat(plan.writes), decoded.state, plan.layout, emptyLayout(), decoded.problem, keys);
}

function countEntries(state: OutboxState): number {
  return state.pending.length + state.rejected.length;
}

/** `loaded`: the outbox as the caller already loaded it (a load sets damage aside, so a second one would not report it). */
function update(store: KeyValueStore, change: (state: OutboxState) => OutboxState, loaded: Loaded = loadOutbox(store)): OutboxResult {
  if (!loaded.writable) return { ok: false, error: loaded.problem === undefined ? 'outbox storage is unavailable' : loaded.problem };
  const next = change(loaded.state);
  if (next === loaded.state) return loaded.problem === undefined ? { ok: true } : { ok: true, problem: loaded.problem };
  let writes;
  try {
    writes = planSave(loaded.layout, next, MAX_SLOT_SPAN).writes;
  } catch (error) {
    return { ok: false, error: `could not encode the outbox: ${errorText(error)}` };
  }
  const saved = writeAll(store, writes);
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
    return update(store, (state) => enqueueRefused(state, record, reason, now), loaded);
  }
  return update(store, (state) => enqueueRecord(state, record), loaded);
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
