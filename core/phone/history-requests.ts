// One writer for phone history. The side service is the only code that writes history (month
// buckets, index, summaries, quarantine): in the Zepp app the Settings App may run in another
// context, so its read-modify-write of a month could overwrite a session the side service stored
// (and acknowledged) in between. The Settings App therefore *asks* for history changes:
//
//   Settings App writes   request:<id> = {v: 1, id, kind, at, payload?}   kind: import | delete-all
//   side service applies it (onSettingsChange while it runs; every pending request when it starts),
//   writes                reply:<id>   = {v: 1, id, kind, at, ok, message, summary? | removed? | error?}
//   and removes the request.
//
// A request that is malformed or too large gets an error reply and changes nothing else. Requests
// wait in storage while the side service is not running; they are applied oldest first when it
// starts. Notes and pain scores have their own keys per session and stay with the Settings App.

import { describeProblems, invalid, valid } from '../kernel/result';
import type { Validated } from '../kernel/result';
import { PRINTABLE_ID } from '../kernel/checks';
import { isPlainObject, parseJson, shorten, utf8ByteLength } from '../kernel/json';
import type { KeyValueStore } from '../kernel/store';
import { listKeys, readItem, writeAll } from '../kernel/store';
import type { ImportSummary } from './export-import';
import { MAX_IMPORT_BYTES, deleteAll, importAll } from './export-import';

export const REQUEST_PREFIX = 'request:';
export const REPLY_PREFIX = 'reply:';
export const HISTORY_REQUEST_VERSION = 1;
export const REQUEST_KINDS = ['import', 'delete-all'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
/** An import's text plus a little envelope; anything bigger is refused unread. */
export const MAX_REQUEST_BYTES = MAX_IMPORT_BYTES + 1024;
export const MAX_REQUEST_ID_LENGTH = 64;
/** Replies kept (the newest); older ones are removed when a new reply is written. */
export const MAX_REPLIES = 8;

export interface HistoryRequest {
  readonly v: number;
  readonly id: string;
  readonly kind: RequestKind;
  /** When the Settings App asked (UTC ms): pending requests are applied oldest first. */
  readonly at: number;
  readonly payload?: string;
}

interface ReplyBase {
  readonly v: number;
  readonly id: string;
  readonly kind: string;
  /** When the side service answered (UTC ms). */
  readonly at: number;
  /** The outcome in plain (English) words, for anyone who cannot read the rest. */
  readonly message: string;
}

export type HistoryReply =
  | (ReplyBase & { readonly ok: true; readonly kind: 'import'; readonly summary: ImportSummary })
  | (ReplyBase & { readonly ok: true; readonly kind: 'delete-all'; readonly removed: number })
  | (ReplyBase & { readonly ok: false; readonly error: string });

export const requestKey = (id: string): string => `${REQUEST_PREFIX}${id}`;
export const replyKey = (id: string): string => `${REPLY_PREFIX}${id}`;

/** 1 to 64 visible ASCII characters (PRINTABLE_ID needs at least one). */
export function isRequestId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MAX_REQUEST_ID_LENGTH && PRINTABLE_ID.test(id);
}

/** A new request id: its kind (so a view can say what it waits for), the clock and a random part. */
export function newRequestId(kind: RequestKind, now: number, random: number): string {
  return `${kind}-${Math.max(0, Math.floor(now)).toString(36)}-${Math.floor(random * 1e9).toString(36)}`;
}

/** The stored text of a request, ready for `setItem(requestKey(id), …)`. */
export function encodeRequest(id: string, kind: RequestKind, now: number, payload?: string): string {
  const request: HistoryRequest = payload === undefined ? { v: HISTORY_REQUEST_VERSION, id, kind, at: now } : { v: HISTORY_REQUEST_VERSION, id, kind, at: now, payload };
  return JSON.stringify(request);
}

/** Checks one stored request (`id` is the one in its key). Pure. */
export function parseRequest(id: string, raw: string): Validated<HistoryRequest> {
  const bytes = utf8ByteLength(raw);
  if (bytes > MAX_REQUEST_BYTES) return refuse(`the request is ${bytes} bytes; at most ${MAX_REQUEST_BYTES}`);
  const parsed = parseJson(raw, 'the request');
  if (!parsed.ok) return refuse(describeProblems(parsed.problems));
  const doc = parsed.value;
  if (!isPlainObject(doc)) return refuse('the request must be an object {v, id, kind, at}');
  const v = doc['v'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return refuse('the request has no readable version (v)');
  if (v > HISTORY_REQUEST_VERSION) return refuse(`the request is version ${v}, newer than this side service understands (${HISTORY_REQUEST_VERSION}); update Knead`);
  if (doc['id'] !== id) return refuse(`the request's id does not match its key (${id})`);
  const kind = doc['kind'];
  if (typeof kind !== 'string' || (REQUEST_KINDS as readonly string[]).indexOf(kind) < 0) {
    const shown = typeof kind === 'string' ? `'${shorten(kind)}'` : 'missing';
    return refuse(`request kind ${shown} is not known (expected ${REQUEST_KINDS.join(' or ')})`);
  }
  const at = doc['at'];
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) return refuse('the request time (at) must be a non-negative integer');
  const payload = doc['payload'];
  if (kind === 'import' && typeof payload !== 'string') return refuse('an import request carries the export text as payload');
  const request: HistoryRequest = typeof payload === 'string' ? { v, id, kind: kind as RequestKind, at, payload } : { v, id, kind: kind as RequestKind, at };
  return valid(request);
}

function refuse(error: string): Validated<HistoryRequest> {
  return invalid([{ path: '', message: `${error}; nothing was changed` }]);
}

/** The pending requests' ids, oldest first (by their `at`, then id; unreadable ones first, to answer them). */
export function pendingRequestIds(store: KeyValueStore): string[] {
  const found: Array<{ id: string; at: number }> = [];
  for (const key of listKeys(store)) {
    if (key.indexOf(REQUEST_PREFIX) !== 0) continue;
    const raw = readItem(store, key).value;
    let at = -1;
    if (raw !== undefined) {
      // Only the head is looked at (cheap for a 20 MiB import): encodeRequest writes `at` before the payload.
      const match = /"at":(\d+)/.exec(raw.slice(0, 4096));
      if (match !== null) at = Number(match[1]);
    }
    found.push({ id: key.slice(REQUEST_PREFIX.length), at });
  }
  // Ids are keys, never equal: a tie in time is always settled by the id.
  found.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return found.map((f) => f.id);
}

/**
 * Applies the request stored under `request:<id>` (if any) through core's import / delete, writes
 * its reply, removes the request and returns the reply. A request whose key names no usable id is
 * removed without a reply (no Settings App can be waiting for it). The side service's only entry.
 */
export function applyHistoryRequest(store: KeyValueStore, id: string, now: number): HistoryReply | null {
  const raw = readItem(store, requestKey(id)).value;
  if (raw === undefined) return null;
  if (!isRequestId(id)) {
    writeAll(store, [[requestKey(id), undefined]]);
    return null;
  }
  const parsed = parseRequest(id, raw);
  const reply = parsed.ok ? perform(store, parsed.value, now) : failed(id, kindOf(raw), now, describeProblems(parsed.problems));
  // Reply first, then the request goes: the Settings App never sees neither. An import applied
  // twice (a crash before the request is removed) changes nothing the second time.
  const writes: Array<readonly [string, string | undefined]> = staleReplies(store, id).map((k) => [k, undefined] as const);
  writes.push([replyKey(id), JSON.stringify(reply)], [requestKey(id), undefined]);
  writeAll(store, writes);
  return reply;
}

/** Applies every pending request, oldest first (the side service at start). */
export function applyPendingRequests(store: KeyValueStore, now: number): HistoryReply[] {
  const out: HistoryReply[] = [];
  for (const id of pendingRequestIds(store)) {
    const reply = applyHistoryRequest(store, id, now);
    if (reply !== null) out.push(reply);
  }
  return out;
}

function perform(store: KeyValueStore, request: HistoryRequest, now: number): HistoryReply {
  const base = { v: HISTORY_REQUEST_VERSION, id: request.id, at: now };
  if (request.kind === 'import') {
    const result = importAll(store, request.payload === undefined ? '' : request.payload, now);
    if (!result.ok) return { ...base, kind: 'import', ok: false, error: result.error, message: `Import failed: ${result.error}` };
    const s = result.summary;
    return { ...base, kind: 'import', ok: true, summary: s, message: `Import done: ${s.added} sessions added, ${s.skipped} already there (skipped), ${s.rejected.length} rejected.` };
  }
  const result = deleteAll(store);
  if (!result.ok) {
    const error = result.error === undefined ? 'unknown error' : result.error;
    return { ...base, kind: 'delete-all', ok: false, error, message: `Nothing deleted: ${error}` };
  }
  return { ...base, kind: 'delete-all', ok: true, removed: result.removed, message: `Deleted (${result.removed} stored items).` };
}

function failed(id: string, kind: string, now: number, error: string): HistoryReply {
  return { v: HISTORY_REQUEST_VERSION, id, kind, at: now, ok: false, error, message: `Request refused: ${error}` };
}

function kindOf(raw: string): string {
  // Only the head is looked at: enough for the envelope, cheap for a huge request.
  const match = /"kind":"(import|delete-all)"/.exec(raw.slice(0, 4096));
  return match === null || match[1] === undefined ? 'unknown' : match[1];
}

/** Replies beyond the newest MAX_REPLIES − 1 (the one about to be written is the newest). */
function staleReplies(store: KeyValueStore, keep: string): string[] {
  const replies: Array<{ key: string; at: number }> = [];
  for (const key of listKeys(store)) {
    if (key.indexOf(REPLY_PREFIX) !== 0 || key === replyKey(keep)) continue;
    const match = /"at":(\d+)/.exec((readItem(store, key).value ?? '').slice(0, 4096));
    replies.push({ key, at: match === null ? -1 : Number(match[1]) });
  }
  replies.sort((a, b) => b.at - a.at);
  return replies.slice(MAX_REPLIES - 1).map((r) => r.key);
}

/** What the Settings App reads back: the reply, `pending` while the request waits, or null. */
export type RequestState =
  | { readonly state: 'none' }
  | { readonly state: 'pending' }
  | { readonly state: 'answered'; readonly reply: HistoryReply }
  | { readonly state: 'unreadable'; readonly error: string };

export function requestState(store: KeyValueStore, id: string): RequestState {
  const raw = readItem(store, replyKey(id)).value;
  if (raw !== undefined) {
    const parsed = parseJson(raw, 'the reply');
    if (!parsed.ok) return { state: 'unreadable', error: describeProblems(parsed.problems) };
    const doc = parsed.value;
    if (!isPlainObject(doc) || typeof doc['ok'] !== 'boolean' || typeof doc['message'] !== 'string') return { state: 'unreadable', error: 'the reply is not a request outcome' };
    const summary = doc['summary'];
    if (doc['ok'] === true && doc['kind'] === 'import' && !(isPlainObject(summary) && Array.isArray(summary['rejected']))) return { state: 'unreadable', error: doc['message'] };
    // Shape checked above for what readers use (ok, message, an import's summary); written only by the side service.
    return { state: 'answered', reply: doc as unknown as HistoryReply };
  }
  return readItem(store, requestKey(id)).value === undefined ? { state: 'none' } : { state: 'pending' };
}
