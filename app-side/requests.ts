// What the side service answers, as a function of (store, incoming request, clock). Thin: every
// decision about records and plans is core's; this file only routes and shapes replies.
//
// Every reply goes back as data ({error: {code, message}} for problems, see core/sync/protocol.ts),
// never as a ZML error, so a request sent as plain text gets its answer too.

import { describeProblems } from '../core/result';
import { HISTORY_INDEX_KEY, pushSessions, readIndex } from '../core/phone/history-store';
import { readPlan } from '../core/phone/plan-store';
import { readPrefs } from '../core/phone/prefs-store';
import { isPlainObject, parseJson, shorten } from '../core/sync/json';
import type { ErrorReply, PlanGetReply, PushReply } from '../core/sync/protocol';
import { METHOD_PLAN_GET, METHOD_SESSIONS_PUSH, PROTOCOL_VERSION, errorReply } from '../core/sync/protocol';
import { newerVersionMessage } from '../core/sync/checks';
import type { KeyValueStore } from '../core/sync/store';
import { readItem } from '../core/sync/store';

export const METHOD_PHONE_STATUS = 'phone.status';

export interface PhoneStatusReply {
  /** Sessions stored on the phone (from the history index). */
  readonly sessions: number;
}

export type SideReply = PushReply | PlanGetReply | PhoneStatusReply | ErrorReply;

/**
 * Answers one request. `raw` is what ZML handed to onRequest: normally the parsed JSON object
 * ({jsonrpc, method, params}); a request sent as text arrives as a string and is parsed here.
 */
export function answerRequest(store: KeyValueStore, raw: unknown, now: number): SideReply {
  let request: unknown = raw;
  if (typeof raw === 'string') {
    const parsed = parseJson(raw, 'the request');
    if (!parsed.ok) return errorReply('bad-request', describeProblems(parsed.problems));
    request = parsed.value;
  }
  if (!isPlainObject(request)) return errorReply('bad-request', 'the request must be an object with a method');
  const method = request['method'];
  const params = request['params'];
  if (method === METHOD_SESSIONS_PUSH) return pushSessions(store, params, now);
  if (method === METHOD_PLAN_GET) return answerPlanGet(store, params);
  if (method === METHOD_PHONE_STATUS) return { sessions: storedSessionCount(store) };
  const shown = typeof method === 'string' ? `'${shorten(method)}'` : 'missing';
  return errorReply('unknown-method', `method ${shown} is not known (expected ${METHOD_SESSIONS_PUSH}, ${METHOD_PLAN_GET} or ${METHOD_PHONE_STATUS})`);
}

function answerPlanGet(store: KeyValueStore, params: unknown): PlanGetReply | ErrorReply {
  // plan.get carries {v}; a newer watch asking in a newer protocol is told so, not answered wrongly.
  if (isPlainObject(params) && typeof params['v'] === 'number' && params['v'] > PROTOCOL_VERSION) {
    return errorReply('unsupported-version', newerVersionMessage('sync protocol', params['v'], PROTOCOL_VERSION));
  }
  const stored = readPlan(store);
  if (stored.problem !== undefined) return errorReply('storage', stored.problem);
  // `prefs` only when usable ones are stored: with none the reply is exactly the old `{plan}` (which
  // a watch app from before prefs also reads). Unusable stored prefs are not an error for the plan;
  // they are left out (the watch keeps its own) and the Settings App shows the problem.
  const prefs = readPrefs(store).stamped;
  return prefs === null ? { plan: stored.plan } : { plan: stored.plan, prefs };
}

function storedSessionCount(store: KeyValueStore): number {
  // Cheap path first: the index is one small key; counting buckets only when it is missing.
  if (readItem(store, HISTORY_INDEX_KEY).value === undefined && store.keys().length === 0) return 0;
  return readIndex(store).months.reduce((sum, m) => sum + m.count, 0);
}
