// The phone's answer to each of the watch's requests (core/sync/protocol.ts), as a function of the
// store, the request's params and the clock. The side service routes each method here through its
// handler map (app-side/requests.ts); the stores below only store.

import { parsePushParams, PROTOCOL_VERSION, errorReply, problemsReply } from '../sync/protocol';
import type { ErrorReply, PhoneStatusReply, PlanGetReply, PushReply } from '../sync/protocol';
import { newerVersionMessage } from '../kernel/checks';
import { isPlainObject } from '../kernel/json';
import type { KeyValueStore } from '../kernel/store';
import { addRecords, readIndex } from './history-store';
import { readPlan } from '../routines/plan-store';
import { readPrefs } from '../settings/prefs-store';

/**
 * `sessions.push`. A malformed request gets an error reply and changes nothing; otherwise each
 * record is accepted (stored now or before), rejected with the reason, or deferred (left on the
 * watch for a later try). The storage version is checked once, by the store that writes.
 */
export function answerPush(store: KeyValueStore, params: unknown, now: number): PushReply | ErrorReply {
  const parsed = parsePushParams(params);
  if (!parsed.ok) return problemsReply(parsed.problems);
  const outcome = addRecords(store, parsed.value.records, now);
  // A layout this app may not write refuses the whole request: waiting (an update) fixes it.
  if (outcome.storageProblem !== undefined) return errorReply('storage', outcome.storageProblem);
  const reply: PushReply = { accepted: outcome.added.concat(outcome.alreadyStored), rejected: outcome.rejected };
  return outcome.deferred.length > 0 ? { ...reply, deferred: outcome.deferred } : reply;
}

/** `plan.get`: the stored plan, and the cue preferences when usable ones are stored. */
export function answerPlanGet(store: KeyValueStore, params: unknown): PlanGetReply | ErrorReply {
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

/** `phone.status`: how many sessions the phone holds (from the history index). */
export function answerPhoneStatus(store: KeyValueStore): PhoneStatusReply {
  return { sessions: readIndex(store).months.reduce((sum, m) => sum + m.count, 0) };
}
