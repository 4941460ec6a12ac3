// What the side service answers, as a function of (store, incoming request, clock). Thin: it
// parses the envelope and routes each method through HANDLERS to core's answer
// (core/phone/sync-answers.ts); the messages and error codes are core/sync/protocol.ts's.
//
// Every reply goes back as data ({error: {code, message}} for problems), never as a ZML error, so a
// request sent as plain text gets its answer too.

import { answerPhoneStatus, answerPlanGet, answerPush } from '../core/phone/sync-answers';
import { describeProblems } from '../core/kernel/result';
import { isPlainObject, parseJson, shorten } from '../core/kernel/json';
import type { ErrorReply, PhoneStatusReply, PlanGetReply, PushReply } from '../core/sync/protocol';
import { METHOD_PHONE_STATUS, METHOD_PLAN_GET, METHOD_SESSIONS_PUSH, errorReply } from '../core/sync/protocol';
import type { KeyValueStore } from '../core/kernel/store';

export type SideReply = PushReply | PlanGetReply | PhoneStatusReply | ErrorReply;

type Handler = (store: KeyValueStore, params: unknown, now: number) => SideReply;

/** One handler per method the watch may call; anything else is 'unknown-method'. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  [METHOD_SESSIONS_PUSH]: answerPush,
  [METHOD_PLAN_GET]: (store, params) => answerPlanGet(store, params),
  [METHOD_PHONE_STATUS]: (store) => answerPhoneStatus(store),
};

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
  // Own keys only: a method named like an Object.prototype member ('__proto__', 'toString') is unknown.
  const handler = typeof method === 'string' && Object.prototype.hasOwnProperty.call(HANDLERS, method) ? HANDLERS[method] : undefined;
  if (handler !== undefined) return handler(store, request['params'], now);
  const shown = typeof method === 'string' ? `'${shorten(method)}'` : 'missing';
  return errorReply('unknown-method', `method ${shown} is not known (expected ${METHOD_SESSIONS_PUSH}, ${METHOD_PLAN_GET} or ${METHOD_PHONE_STATUS})`);
}
