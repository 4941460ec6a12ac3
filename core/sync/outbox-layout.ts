// How the outbox sits in storage, so that saving one finished session writes about the same bytes
// whatever the queue holds (issue 10, finding 13: one key rewritten whole cost 87 MiB for 500).
//
//   outbox           the index: { v: 2, head, tail, recent }: no record bodies, only the numbers of
//                    the slots in use and the bounded recent list History shows.
//   outbox:r:<slot>  one waiting or refused session: { v: 2, n, status, id, record, attempts,
//                    lastError? | reason, rejectedAt }. `n` orders the queue (oldest first).
//
// Slots are numbered from `tail` upwards and never reused, so no key listing is needed (Zepp's
// localStorage documents none): a load reads slots head..tail-1, a removed session leaves a hole.
// The span is kept within MAX_SLOT_SPAN by moving the oldest live record to a new slot (keeping
// its `n`), so a long-refused session never makes loads read ever more keys. A change writes only
// the slots whose content changed plus the index, in one writeAll (all or nothing).

import type { OutboxState, PendingEntry, RejectedEntry } from './outbox-state';
import { OUTBOX_FORMAT_VERSION } from './outbox-state';
import { decodePending, decodeRecent, decodeRejected, keepValid } from './outbox-codec';
import type { RecentEntry } from './recent-history';
import { isPlainObject } from '../kernel/json';
import { newerVersionMessage } from '../kernel/checks';

import { OUTBOX_KEY, OUTBOX_RECORD_PREFIX } from './outbox-keys';

export { OUTBOX_KEY, OUTBOX_RECORD_PREFIX } from './outbox-keys';
export const OUTBOX_LAYOUT_VERSION = 2;

export type Status = 'pending' | 'rejected';

/** Where each held session is and what its slot holds now (to write only what changed). */
export interface Placed {
  readonly slot: number;
  readonly n: number;
  readonly status: Status;
  readonly text: string;
}

export interface Layout {
  readonly head: number;
  readonly tail: number;
  readonly placed: ReadonlyMap<string, Placed>;
  /** The index as stored, undefined when there is none yet. */
  readonly indexText: string | undefined;
}

export function emptyLayout(): Layout {
  return { head: 0, tail: 0, placed: new Map(), indexText: undefined };
}

export function slotKey(slot: number): string {
  return `${OUTBOX_RECORD_PREFIX}${slot}`;
}

export interface DecodedIndex {
  readonly head: number;
  readonly tail: number;
  readonly recent: readonly RecentEntry[];
}

/** 'legacy' = the version 1 single-key outbox, to be converted; a string = unreadable. */
export function decodeIndex(raw: string, maxSpan: number): DecodedIndex | 'legacy' | { readonly problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { problem: 'outbox storage is not valid JSON' };
  }
  if (!isPlainObject(parsed)) return { problem: 'outbox storage is not an object' };
  const v = parsed['v'];
  if (typeof v === 'number' && v > OUTBOX_LAYOUT_VERSION) return { problem: newerVersionMessage('outbox storage', v, OUTBOX_LAYOUT_VERSION) };
  if (v !== OUTBOX_LAYOUT_VERSION) return 'legacy';
  const { head, tail } = parsed;
  if (!isSlot(head) || !isSlot(tail) || head > tail || tail - head > maxSpan) return { problem: 'outbox index has no usable slot range' };
  const problems: string[] = [];
  const recent = keepValid(parsed['recent'], 'recent', decodeRecent, problems);
  if (problems.length > 0) return { problem: problems.join('; ') };
  return { head, tail, recent };
}

function isSlot(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export type DecodedSlot =
  | { readonly status: 'pending'; readonly n: number; readonly entry: PendingEntry }
  | { readonly status: 'rejected'; readonly n: number; readonly entry: RejectedEntry };

/** One slot's value, or undefined when it is unreadable (then it is set aside alone). */
export function decodeSlot(raw: string): DecodedSlot | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isPlainObject(parsed) || parsed['v'] !== OUTBOX_LAYOUT_VERSION || !isSlot(parsed['n'])) return undefined;
  const n = parsed['n'];
  if (parsed['status'] === 'pending') {
    const entry = decodePending(parsed);
    return entry === undefined ? undefined : { status: 'pending', n, entry };
  }
  if (parsed['status'] === 'rejected' && typeof parsed['reason'] === 'string') {
    const entry = decodeRejected(parsed);
    return entry === undefined ? undefined : { status: 'rejected', n, entry };
  }
  return undefined;
}

function encodeSlot(n: number, status: Status, entry: PendingEntry | RejectedEntry): string {
  return JSON.stringify({ v: OUTBOX_LAYOUT_VERSION, n, status, ...entry });
}

export function encodeIndex(head: number, tail: number, recent: readonly RecentEntry[]): string {
  // Each entry in the order the decoder builds it, so the text depends on what the list holds,
  // not on how an entry was put together: otherwise a save compares the stored index with one
  // spelled differently and rewrites it (the whole recent list) for nothing.
  const canonical = recent.map((entry) => decodeRecent(entry) ?? entry);
  return JSON.stringify({ v: OUTBOX_LAYOUT_VERSION, head, tail, recent: canonical });
}

export interface Plan {
  readonly writes: ReadonlyArray<readonly [string, string | undefined]>;
  readonly layout: Layout;
}

/**
 * The writes that take storage from `before` to `next`: a slot is written only when its content
 * changed, a session that left the outbox has its slot removed, and the index comes last. A
 * session keeps its place in the queue unless it changed list or was put back at the end (retry,
 * revival), when it gets a new slot and a new `n`, as the state's order says.
 */
export function planSave(before: Layout, next: OutboxState, maxSpan: number): Plan {
  const writes: Array<readonly [string, string | undefined]> = [];
  const placed = new Map<string, Placed>();
  let tail = before.tail;
  const place = (status: Status, entries: ReadonlyArray<PendingEntry | RejectedEntry>): void => {
    let lastN = -1;
    for (const entry of entries) {
      const old = before.placed.get(entry.id);
      const keep = old !== undefined && old.status === status && old.n > lastN;
      const n = keep ? old.n : tail;
      const slot = keep ? old.slot : tail;
      if (!keep) tail += 1;
      lastN = n;
      const text = encodeSlot(n, status, entry);
      if (old !== undefined && old.slot !== slot) writes.push([slotKey(old.slot), undefined]);
      if (old === undefined || old.slot !== slot || old.text !== text) writes.push([slotKey(slot), text]);
      placed.set(entry.id, { slot, n, status, text });
    }
  };
  place('pending', next.pending);
  place('rejected', next.rejected);
  for (const [id, old] of before.placed) if (!placed.has(id)) writes.push([slotKey(old.slot), undefined]);
  // Keep head..tail short: the oldest live slot moves to a new one (same n, same content).
  let head = lowestSlot(placed, tail);
  // Only while there are holes to skip (a converted pre-bound outbox may hold more than maxSpan).
  while (tail - head > maxSpan && placed.size < maxSpan) {
    const [id, oldest] = oldestPlaced(placed, head);
    writes.push([slotKey(oldest.slot), undefined]);
    writes.push([slotKey(tail), oldest.text]);
    placed.set(id, { ...oldest, slot: tail });
    tail += 1;
    head = lowestSlot(placed, tail);
  }
  const indexText = encodeIndex(head, tail, next.recent);
  if (indexText !== before.indexText) writes.push([OUTBOX_KEY, indexText]);
  return { writes: collapse(writes), layout: { head, tail, placed, indexText } };
}

function lowestSlot(placed: ReadonlyMap<string, Placed>, tail: number): number {
  let low = tail;
  for (const p of placed.values()) if (p.slot < low) low = p.slot;
  return low;
}

function oldestPlaced(placed: ReadonlyMap<string, Placed>, slot: number): [string, Placed] {
  for (const [id, p] of placed) if (p.slot === slot) return [id, p];
  throw new Error(`outbox layout: no session in slot ${slot}`);
}

/**
 * The last write to a key wins. Slots are written first and removals come last, after the index:
 * a store that refuses writes then fails before anything was removed (writeAll can put back what it
 * wrote), and a crash part-way leaves at worst a stale copy in an old slot, which a load sets aside
 * (the newest slot of a session wins), never a session that is nowhere.
 */
function collapse(writes: ReadonlyArray<readonly [string, string | undefined]>): Array<readonly [string, string | undefined]> {
  const last = new Map<string, string | undefined>();
  for (const [key, value] of writes) last.set(key, value);
  const sets: Array<readonly [string, string | undefined]> = [];
  const index: Array<readonly [string, string | undefined]> = [];
  const removes: Array<readonly [string, string | undefined]> = [];
  for (const [key, value] of last) {
    if (value === undefined) removes.push([key, value]);
    else if (key === OUTBOX_KEY) index.push([key, value]);
    else sets.push([key, value]);
  }
  return sets.concat(index, removes);
}

/** The state as the slots hold it, each list oldest first. */
export function stateFromSlots(slots: ReadonlyArray<{ readonly slot: number; readonly decoded: DecodedSlot; readonly text: string }>, recent: readonly RecentEntry[]): { state: OutboxState; placed: Map<string, Placed>; duplicates: number[] } {
  // A session in two slots (a crash between writing its new slot and removing the old one): the
  // higher slot was written last, so it is the current one.
  const newest = new Map<string, number>();
  for (const s of slots) newest.set(s.decoded.entry.id, Math.max(newest.get(s.decoded.entry.id) ?? -1, s.slot));
  const sorted = slots.slice().sort((a, b) => a.decoded.n - b.decoded.n || a.slot - b.slot);
  const pending: PendingEntry[] = [];
  const rejected: RejectedEntry[] = [];
  const placed = new Map<string, Placed>();
  const duplicates: number[] = [];
  for (const s of sorted) {
    const id = s.decoded.entry.id;
    if (newest.get(id) !== s.slot) {
      duplicates.push(s.slot);
      continue;
    }
    placed.set(id, { slot: s.slot, n: s.decoded.n, status: s.decoded.status, text: s.text });
    if (s.decoded.status === 'pending') pending.push(s.decoded.entry);
    else rejected.push(s.decoded.entry);
  }
  return { state: { v: OUTBOX_FORMAT_VERSION, pending, rejected, recent }, placed, duplicates };
}
