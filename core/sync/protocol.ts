// The messages between watch and side service, and a parser for each direction. Both ends parse
// what they receive, because ZML can duplicate frames and a side service may be older or newer.
//
//   watch → phone  request  { method: 'sessions.push', params: { v: 1, records: SessionRecord[] } }
//                  reply    { accepted: string[], rejected: {id, reason}[], deferred?: {id, reason}[] }
//   watch → phone  request  { method: 'plan.get', params: { v: 1 } }
//                  reply    { plan: TherapistPlan | null, prefs?: {settings: WatchSettings, updatedAt} | null }
//   watch → phone  request  { method: 'phone.status' }           (diagnostics)
//                  reply    { sessions: number }
//   phone → watch  call     { method: 'plan.changed', params: { updatedAt } }
//                  (sent when the phone's `plan` OR `prefs` key changes: "fetch plan.get again")
//   either reply may instead be { error: { code, message } }.
//
// Ids in neither `accepted` nor `rejected` stay in the outbox and are sent again later; `deferred`
// only says why (e.g. phone storage full), so the watch can show it.
//
// Error codes are data (ERROR_CODES): each says whether waiting fixes it. The side service picks a
// code from the kind its problems carry (core/kernel/result.ts ProblemKind), never from message text.
//
// `prefs` in the plan.get reply is optional so a reply from an older side service (`{plan}` only)
// stays valid; the side service leaves it out when it has no usable preferences (null reads the same). Bad prefs never cost the plan: the
// reply parses, the plan is applied, and the prefs are refused with their own problems.

import type { TherapistPlan } from '../routines/model';
import type { Problem, ProblemKind, Validated } from '../kernel/result';
import { describeProblems, invalid, joinPath, valid } from '../kernel/result';
import type { ProblemList } from '../kernel/checks';
import { checkKnownKeys, expectObject, readArray, readString, readVersion } from '../kernel/checks';
import { hasOwn, jsonByteLength } from '../kernel/json';
import type { StampedSettings } from '../settings/settings-validation';
import { validateStampedSettings } from '../settings/settings-validation';
import { MAX_RECORD_BYTES, isSessionId } from '../records/record-validation';
import { MAX_PLAN_REPLY_BYTES } from '../routines/plan-limits';

export const PROTOCOL_VERSION = 1;
export const METHOD_SESSIONS_PUSH = 'sessions.push';
export const METHOD_PLAN_GET = 'plan.get';
/** Diagnostics: how many sessions the phone holds. */
export const METHOD_PHONE_STATUS = 'phone.status';
export const CALL_PLAN_CHANGED = 'plan.changed';

/**
 * Request size cap: ZML splits payloads into 3584-byte BLE frames, so 16 KB is at most five frames,
 * a few seconds on a slow link, well inside the 60 s request timeout, and still twice the
 * largest valid record so any single record always fits in one request.
 */
export const MAX_PUSH_BYTES = 16 * 1024;
/** Bytes of `{"v":1,"records":[]}` around the records. */
export const PUSH_ENVELOPE_BYTES = jsonByteLength({ v: PROTOCOL_VERSION, records: [] });
export const MAX_RECORDS_PER_PUSH = 50;
/** What one ZML frame carries of a message: a 3584-byte chunk less ZML's 66-byte chunk header. */
export const ZML_FRAME_PAYLOAD_BYTES = 3518;
/**
 * The watch's own batch size: a sessions.push request that fits in ONE ZML frame (ZML wraps it as
 * `{"jsonrpc":"hmrpcv1","method":"sessions.push","params":…}`). The side service's ZML keeps a
 * message whose frames did not all arrive (a link cut or a lost frame mid-request) under its
 * request id for as long as it runs, and the watch's ZML numbers requests from 10000 again at
 * every app launch: a later request with that id joins the stale frames and is never answered,
 * so sync stalls until the Zepp app restarts. A one-frame request is whole or absent, never half.
 * The phone still accepts up to MAX_PUSH_BYTES (a record too large for one frame goes alone).
 */
export const WATCH_PUSH_BYTES = 3_462; // ZML_FRAME_PAYLOAD_BYTES less the 56 bytes of that envelope (a literal: no code runs at load)
/** A reply names at most the ids of one request; reasons are cut to keep replies small. */
export const MAX_REASON_LENGTH = 300;
// The plan's size limits (core/routines/plan-limits.ts), named here too: the plan.get reply is bounded by them.
export { MAX_PLAN_BYTES, MAX_PLAN_REPLY_BYTES } from '../routines/plan-limits';

/**
 * Why the whole request failed, and whether waiting fixes it (`temporary`: the watch keeps the
 * sessions pending and tries again by itself; otherwise the request itself is wrong).
 */
export const ERROR_CODES = {
  'bad-request': { temporary: false },
  'unsupported-version': { temporary: true },
  'too-large': { temporary: false },
  'unknown-method': { temporary: false },
  storage: { temporary: true },
  internal: { temporary: true },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The error code for a request refused for a problem of this kind; anything else is 'bad-request'. */
const CODE_FOR_KIND: Readonly<Record<ProblemKind, ErrorCode>> = {
  'newer-version': 'unsupported-version',
  'too-large': 'too-large',
};

/** Why the phone did not store one session: temporary ones wait on the watch, permanent ones are refused. */
export type RefusalClass = 'temporary' | 'permanent';

/** How long the watch waits before it sends deferred sessions again by itself. */
export const RETRY_LATER_MS = 10 * 60_000;

export interface PushParams {
  readonly v: typeof PROTOCOL_VERSION;
  /** Validated one by one by the receiver, so one bad record never blocks the others. */
  readonly records: readonly unknown[];
}

export interface IdReason {
  readonly id: string;
  readonly reason: string;
}

export interface PushReply {
  readonly accepted: readonly string[];
  readonly rejected: readonly IdReason[];
  readonly deferred?: readonly IdReason[];
}

export interface PlanGetReply {
  readonly plan: TherapistPlan | null;
  /** The phone's Preferences with their stamp. Left out when none usable are stored (and by older side services); null is read the same. */
  readonly prefs?: StampedSettings | null;
}

/** A parsed plan.get reply: the plan still to be checked by the caller, the prefs already checked. */
export interface ParsedPlanGetReply {
  readonly plan: unknown;
  /** Valid prefs, or null when absent, null, or refused (then `prefsProblems` says why). */
  readonly prefs: StampedSettings | null;
  /** Why the reply's prefs were refused (paths under `prefs`); empty when usable or absent. */
  readonly prefsProblems: readonly Problem[];
}

export interface ErrorReply {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

export interface PhoneStatusReply {
  /** Sessions stored on the phone (from the history index). */
  readonly sessions: number;
}

export type Request =
  | { readonly method: typeof METHOD_SESSIONS_PUSH; readonly params: PushParams }
  | { readonly method: typeof METHOD_PLAN_GET };

export function errorReply(code: ErrorCode, message: string): ErrorReply {
  return { error: { code, message: message.length > MAX_REASON_LENGTH ? `${message.slice(0, MAX_REASON_LENGTH - 1)}…` : message } };
}

/** The error reply for a request refused with these problems: the code comes from their kind. */
export function problemsReply(problems: readonly Problem[]): ErrorReply {
  let code: ErrorCode = 'bad-request';
  for (const p of problems) if (p.kind !== undefined) code = CODE_FOR_KIND[p.kind];
  return errorReply(code, describeProblems(problems));
}

/** How the phone classes one session it could not store: a version newer than it reads waits for an update. */
export function refusalClass(problems: readonly Problem[]): RefusalClass {
  return problems.some((p) => p.kind === 'newer-version') ? 'temporary' : 'permanent';
}

export function isErrorReply(value: unknown): value is ErrorReply {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, 'error');
}

/** The reply's error code when it is one this protocol knows. */
export function errorCodeOf(reply: unknown): ErrorCode | undefined {
  if (!isErrorReply(reply)) return undefined;
  const error: unknown = reply.error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code) ? (code as ErrorCode) : undefined;
}

/** An error reply that waiting fixes (phone storage full, damaged or newer; a version to update). */
export function isTemporaryErrorReply(reply: unknown): boolean {
  const code = errorCodeOf(reply);
  return code !== undefined && ERROR_CODES[code].temporary;
}

// Replies from side services before `deferred` existed rejected some temporary cases; their reason
// text is the only thing that says so. Read only for such replies and for refusals stored by them.
const LEGACY_TEMPORARY_MARKERS = ['update Knead', 'check the watch clock', 'phone storage'];

/** The class of a refusal reason from an older side service (by its text, which is all it has). */
export function classifyLegacyRefusal(reason: string): RefusalClass {
  return LEGACY_TEMPORARY_MARKERS.some((marker) => reason.indexOf(marker) >= 0) ? 'temporary' : 'permanent';
}

/** Why a session was refused, in the few cases Home names in plain words (refusal.* texts). */
export type RefusalTopic = 'duplicate' | 'update' | 'too-old' | 'storage' | 'clock' | 'invalid';

/**
 * Sorts a refusal reason into what Home says in plain words; the full reason stays in History. A
 * reply carries one reason text per session and nothing else, so the text is read here, in one
 * place, against the phone's own wording (tests/unit/sync/refusal-topic.test.ts feeds it the
 * reasons the phone really gives).
 */
export function refusalTopic(reason: string): RefusalTopic {
  if (reason.indexOf('is already stored') >= 0) return 'duplicate';
  if (reason.indexOf('update Knead') >= 0) return 'update';
  if (reason.indexOf('months of history the phone keeps') >= 0) return 'too-old';
  if (reason.indexOf('phone storage') >= 0) return 'storage';
  if (reason.indexOf('check the watch clock') >= 0) return 'clock';
  return 'invalid';
}

export function makePushParams(records: readonly unknown[]): PushParams {
  return { v: PROTOCOL_VERSION, records };
}

/** Side service: what arrived in onRequest. Unknown methods and shapes get a precise message. */
export function parseRequest(input: unknown): Validated<Request> {
  const problems: ProblemList = [];
  const obj = expectObject(input, '', problems, 'a request object');
  if (obj === undefined) return invalid(problems);
  const method = obj['method'];
  if (method === METHOD_SESSIONS_PUSH) {
    const params = parsePushParams(obj['params'], 'params');
    return params.ok ? valid({ method: METHOD_SESSIONS_PUSH, params: params.value }) : params;
  }
  if (method === METHOD_PLAN_GET) return valid({ method: METHOD_PLAN_GET });
  const shown = typeof method === 'string' ? `'${method.slice(0, 40)}'` : 'missing';
  return invalid([{ path: 'method', message: `${shown} is not a known method (expected ${METHOD_SESSIONS_PUSH} or ${METHOD_PLAN_GET})` }]);
}

export function parsePushParams(input: unknown, path = 'params'): Validated<PushParams> {
  const problems: ProblemList = [];
  const obj = expectObject(input, path, problems);
  if (obj === undefined) return invalid(problems);
  const bytes = safeByteLength(input);
  if (bytes === undefined || bytes > MAX_PUSH_BYTES) {
    const size = bytes === undefined ? 'cannot be measured' : `is ${bytes} bytes`;
    return invalid([{ path: '', message: `sessions.push request ${size}; at most ${MAX_PUSH_BYTES}`, kind: 'too-large' }]);
  }
  checkKnownKeys(obj, ['v', 'records'], path, problems);
  readVersion(obj, path, problems, 'sync protocol', PROTOCOL_VERSION);
  const records = readArray(obj, 'records', path, problems, MAX_RECORDS_PER_PUSH);
  if (problems.length > 0 || records === undefined) return invalid(problems);
  return valid({ v: PROTOCOL_VERSION, records });
}

/** Watch: what came back for a sessions.push. */
export function parsePushReply(input: unknown): Validated<PushReply> {
  const problems: ProblemList = [];
  const obj = expectObject(input, '', problems, 'a reply object');
  if (obj === undefined) return invalid(problems);
  if (isErrorReply(obj)) return invalid([{ path: '', message: describeErrorReply(obj) }]);
  checkKnownKeys(obj, ['accepted', 'rejected', 'deferred'], '', problems);
  const list = readArray(obj, 'accepted', '', problems, MAX_RECORDS_PER_PUSH);
  const accepted: string[] = [];
  if (list !== undefined) {
    // An id the watch could never have sent (the one id rule) names none of its records: it is
    // skipped, and the rest of the reply still counts, so one odd entry never costs the others.
    for (const id of list) if (isSessionId(id)) accepted.push(id);
  }
  const rejected = readIdReasons(obj, 'rejected', problems, true);
  const deferred = Object.prototype.hasOwnProperty.call(obj, 'deferred') ? readIdReasons(obj, 'deferred', problems, false) : [];
  if (problems.length > 0 || rejected === undefined || deferred === undefined) return invalid(problems);
  return valid(deferred.length > 0 ? { accepted, rejected, deferred } : { accepted, rejected });
}

function readIdReasons(obj: Record<string, unknown>, key: string, problems: ProblemList, required: boolean): IdReason[] | undefined {
  if (!required && obj[key] === undefined) return [];
  const list = readArray(obj, key, '', problems, MAX_RECORDS_PER_PUSH);
  if (list === undefined) return undefined;
  const out: IdReason[] = [];
  list.forEach((raw, index) => {
    const at = joinPath(key, index);
    const entry = expectObject(raw, at, problems);
    if (entry === undefined) return;
    if (!isSessionId(entry['id'])) return;
    const reason = readString(entry, 'reason', at, problems, { max: 100_000 });
    if (reason !== undefined) out.push({ id: entry['id'], reason: clip(reason) });
  });
  return out;
}

/**
 * Watch: what came back for plan.get. The plan itself is checked by the caller with
 * validatePlan (core/routines/plan-validation), which keeps this module free of the routine library.
 */
export function parsePlanGetReply(input: unknown): Validated<ParsedPlanGetReply> {
  const problems: ProblemList = [];
  const obj = expectObject(input, '', problems, 'a reply object');
  if (obj === undefined) return invalid(problems);
  if (isErrorReply(obj)) return invalid([{ path: '', message: describeErrorReply(obj) }]);
  const bytes = safeByteLength(obj);
  if (bytes === undefined || bytes > MAX_PLAN_REPLY_BYTES) {
    return invalid([{ path: '', message: `plan.get reply is ${bytes === undefined ? 'not measurable' : `${bytes} bytes`}; at most ${MAX_PLAN_REPLY_BYTES}` }]);
  }
  checkKnownKeys(obj, ['plan', 'prefs'], '', problems);
  if (!hasOwn(obj, 'plan')) problems.push({ path: 'plan', message: 'is required (null when there is no plan)' });
  if (problems.length > 0) return invalid(problems);
  const rawPrefs = hasOwn(obj, 'prefs') ? obj['prefs'] : null;
  if (rawPrefs === null) return valid({ plan: obj['plan'], prefs: null, prefsProblems: [] });
  const prefs = validateStampedSettings(rawPrefs, 'prefs');
  return valid(prefs.ok ? { plan: obj['plan'], prefs: prefs.value, prefsProblems: [] } : { plan: obj['plan'], prefs: null, prefsProblems: prefs.problems });
}

/** Watch: the side service's fire-and-forget notice that the plan changed. */
export function parsePlanChangedCall(input: unknown): Validated<{ readonly updatedAt: number }> {
  const problems: ProblemList = [];
  const obj = expectObject(input, '', problems, 'a call object');
  if (obj === undefined) return invalid(problems);
  if (obj['method'] !== CALL_PLAN_CHANGED) return invalid([{ path: 'method', message: `must be ${CALL_PLAN_CHANGED}` }]);
  const params = expectObject(obj['params'], 'params', problems);
  if (params === undefined) return invalid(problems);
  const updatedAt = params['updatedAt'];
  if (typeof updatedAt !== 'number' || !Number.isInteger(updatedAt) || updatedAt < 0) {
    return invalid([{ path: 'params.updatedAt', message: 'must be a non-negative integer' }]);
  }
  return valid({ updatedAt });
}

/** One line for the watch to show when a reply was an error. */
export function describeErrorReply(reply: { readonly error: unknown }): string {
  const err = reply.error;
  if (typeof err === 'object' && err !== null) {
    const code = (err as Record<string, unknown>)['code'];
    const message = (err as Record<string, unknown>)['message'];
    const codeText = typeof code === 'string' || typeof code === 'number' ? String(code).slice(0, 40) : 'unknown';
    const messageText = typeof message === 'string' ? clip(message) : 'no message';
    return `phone replied with error ${codeText}: ${messageText}`;
  }
  return 'phone replied with an unreadable error';
}

function clip(text: string): string {
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}

function safeByteLength(value: unknown): number | undefined {
  try {
    return jsonByteLength(value);
  } catch {
    // Cycles or BigInt: not something a peer could have sent as JSON.
    return undefined;
  }
}

/** Every valid record fits a request on its own; nextBatch relies on this. */
export const SINGLE_RECORD_FITS = MAX_RECORD_BYTES + PUSH_ENVELOPE_BYTES <= MAX_PUSH_BYTES;
