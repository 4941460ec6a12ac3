// The watch's side of sync, as a small object a page (or app.ts) creates once and calls from its
// lifecycle: flush the outbox to the phone, fetch the therapist plan, react to the phone's call.
// It owns no widgets and imports nothing from @zos: the page hands it ZML's request, the watch's
// KeyValueStore and its timers. Every decision (batching, acknowledging, backoff, which plan to
// keep) is core's; this file only sequences requests.

import { acceptPlanOnWatch, readPlan } from '../routines/plan-store';
import type { TherapistPlan, WatchSettings } from '../routines/model';
import { describeProblems } from '../kernel/result';
import { acknowledge, nextBatch, outboxStatus, pendingIds, recordFailure, reviveTemporaryRefusals } from './outbox';
import type { OutboxStatus } from './outbox';
import {
  RETRY_LATER_MS,
  isTemporaryErrorReply,
  METHOD_PLAN_GET,
  METHOD_SESSIONS_PUSH,
  PROTOCOL_VERSION,
  WATCH_PUSH_BYTES,
  makePushParams,
  parsePlanChangedCall,
  parsePlanGetReply,
  parsePushReply,
} from './protocol';
import { retryDelay, zmlErrorCode } from './retry';
import type { KeyValueStore } from '../kernel/store';
import { errorText } from '../kernel/store';
import { acceptSettingsOnWatch } from '../settings/watch-settings';

export type SyncRequest = (method: string, params: Record<string, unknown>) => Promise<unknown>;

export interface WatchSyncOptions {
  /** ZML's request, e.g. `(method, params) => page.request({ method, params }, { timeout: 20000 })`. */
  readonly request: SyncRequest;
  /** The watch's storage (the outbox and the last good plan live there). */
  readonly store: KeyValueStore;
  readonly clock: { now(): number };
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  /** Cancels a pending retry on stop() / onLinkBack(). Default: no cancellation (the retry then finds nothing to do). */
  readonly clearTimeout?: (handle: unknown) => void;
  /** Upper bound of one sessions.push request in bytes. Default WATCH_PUSH_BYTES (one ZML frame). */
  readonly maxBatchBytes?: number;
  /** Told after every flush / plan fetch, so Home can redraw its "waiting to sync" mark. */
  readonly onChange?: (event: SyncEvent) => void;
}

export type SyncEvent =
  | { readonly kind: 'flushed'; readonly result: FlushResult }
  | { readonly kind: 'plan'; readonly result: PlanResult };

export interface FlushResult {
  /** True when the outbox is empty of sendable records (nothing waits that a retry could send). */
  readonly done: boolean;
  readonly requests: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Records still waiting. */
  readonly pending: number;
  /** Why the flush stopped early (ZML error, error reply, storage), for logs and History. */
  readonly error?: string;
  /** ZML error code (1-4) when the request itself failed. */
  readonly code?: number;
  /** When a retry was scheduled, how long until it runs. */
  readonly retryInMs?: number;
}

export interface PlanResult {
  readonly ok: boolean;
  /** The plan the watch uses now (the fetched one or the last good one). */
  readonly plan: TherapistPlan | null;
  readonly changed: boolean;
  readonly error?: string;
  readonly code?: number;
  /** The phone's Preferences from the same reply (present whenever the reply was readable). */
  readonly settings?: SettingsResult;
}

export interface SettingsResult {
  /** The settings the watch uses now (the phone's when newer, else its own). */
  readonly settings: WatchSettings;
  /** True when the phone's value was newer and was stored. */
  readonly changed: boolean;
  /** Why the phone's value was refused; the watch's own settings stay. */
  readonly error?: string;
}

export interface WatchSync {
  /** Sends the outbox batch by batch until it is empty or a request fails. Single-flight. */
  flush(): Promise<FlushResult>;
  /** The link is back (ZML onBleChanged / the page's connect status): retry now, not after backoff. */
  onLinkBack(): Promise<FlushResult>;
  /**
   * Requests plan.get and keeps the plan if valid (else the last good plan stays); the reply's
   * prefs go through mergeSettings (newer wins) independently, so bad prefs never cost the plan.
   */
  fetchPlan(): Promise<PlanResult>;
  /** The page's onCall: a plan.changed call (plan or prefs changed) fetches plan.get; anything else is ignored (null). */
  handleCall(data: unknown): Promise<PlanResult> | null;
  /** What Home and History show. */
  status(): OutboxStatus;
  /** Cancels a scheduled retry (page onDestroy). */
  stop(): void;
}

export function createWatchSync(options: WatchSyncOptions): WatchSync {
  const { request, store, clock } = options;
  let inFlight: Promise<FlushResult> | null = null;
  /** Failures in a row during this app run: the attempt number for core's backoff. */
  let failures = 0;
  let retryHandle: unknown = null;
  /** onLinkBack arrived while this flush was running: retry at once if its request fails. */
  let linkCameBack = false;
  let planStale = false;

  const notify = (event: SyncEvent): void => {
    if (options.onChange !== undefined) options.onChange(event);
  };

  const cancelRetry = (): void => {
    if (retryHandle !== null && options.clearTimeout !== undefined) options.clearTimeout(retryHandle);
    retryHandle = null;
  };

  /** One pending timed flush at most: a new one replaces the one before. */
  const scheduleFlush = (ms: number): void => {
    cancelRetry();
    retryHandle = options.setTimeout(() => {
      retryHandle = null;
      void flush();
    }, ms);
  };

  const scheduleRetry = (code: number | undefined): number | undefined => {
    const delay = retryDelay(failures, code);
    failures += 1;
    if (delay === null) return undefined;
    scheduleFlush(delay);
    return delay;
  };

  async function drain(): Promise<FlushResult> {
    let requests = 0;
    let accepted = 0;
    let rejected = 0;
    const result = (extra: Partial<FlushResult>): FlushResult => ({
      done: false,
      requests,
      accepted,
      rejected,
      pending: outboxStatus(store).pending,
      ...extra,
    });
    // Sessions refused for something waiting fixes (clock, version, phone storage) go again.
    reviveTemporaryRefusals(store);
    /** Answered but not stored in this flush (deferred): left for the timed retry, so the rest still go. */
    const skip = new Set<string>();
    let laterReason: string | undefined;
    for (;;) {
      const batch = nextBatch(store, options.maxBatchBytes === undefined ? WATCH_PUSH_BYTES : options.maxBatchBytes, skip);
      if (batch.ids.length === 0) {
        failures = 0;
        if (laterReason === undefined) return result({ done: true });
        // Deferred by the phone (storage full, an update needed): waiting fixes it, so try again by itself.
        scheduleLater();
        return result({ error: laterReason, retryInMs: RETRY_LATER_MS });
      }
      let reply: unknown;
      requests += 1;
      try {
        reply = await request(METHOD_SESSIONS_PUSH, makePushParams(batch.records) as unknown as Record<string, unknown>);
      } catch (error) {
        const code = zmlErrorCode(error);
        const message = code === undefined ? `sending failed: ${errorText(error)}` : `sending failed (ZML error ${code})`;
        recordFailure(store, batch.ids, message);
        // The link came back while this request was out: it most likely failed on the old link,
        // so the retry goes at once (once: the flag ends with this flush). Errors waiting does
        // not cure (no ZML code) are not retried by timer.
        // onLinkBack has already restarted the backoff (failures = 0).
        const retryInMs = linkCameBack && retryDelay(0, code) !== null ? retryAtOnce() : scheduleRetry(code);
        const base = code === undefined ? { error: message } : { error: message, code };
        return result(retryInMs === undefined ? base : { ...base, retryInMs });
      }
      const parsed = parsePushReply(reply);
      if (!parsed.ok) {
        // The phone answered but not with an acknowledgement: the records stay pending. A phone
        // store that is full, damaged or newer is fixed by waiting, so that retries by itself;
        // anything else goes again at the next app open.
        const message = describeProblems(parsed.problems);
        recordFailure(store, batch.ids, message);
        if (isTemporaryErrorReply(reply)) {
          scheduleLater();
          return result({ error: message, retryInMs: RETRY_LATER_MS });
        }
        return result({ error: message });
      }
      const ack = acknowledge(store, parsed.value.accepted, parsed.value.rejected, clock.now());
      if (!ack.ok) return result({ error: ack.error === undefined ? 'could not save the acknowledgement' : ack.error });
      accepted += ack.accepted;
      rejected += ack.rejected;
      const deferred = parsed.value.deferred === undefined ? [] : parsed.value.deferred;
      const deferredReason = deferred[0] !== undefined ? deferred[0].reason : undefined;
      // Whatever of this batch is still pending was answered but not stored: not again in this flush.
      const stillPending = pendingIds(store, batch.ids);
      if (stillPending.length > 0) {
        const reason = deferredReason === undefined ? 'the phone stored none of the batch' : deferredReason;
        recordFailure(store, stillPending, reason);
        for (const id of stillPending) skip.add(id);
        if (laterReason === undefined) laterReason = reason;
      }
      if (ack.accepted + ack.rejected > 0) failures = 0;
    }
  }

  const scheduleLater = (): void => scheduleFlush(RETRY_LATER_MS);

  const retryAtOnce = (): number => {
    scheduleFlush(0);
    return 0;
  };

  function flush(): Promise<FlushResult> {
    if (inFlight !== null) return inFlight;
    cancelRetry();
    const finish = (outcome: FlushResult): FlushResult => {
      inFlight = null;
      // A link-back heard during this flush was acted on by it (or not needed).
      linkCameBack = false;
      notify({ kind: 'flushed', result: outcome });
      return outcome;
    };
    const run = drain().then(finish, (error: unknown) =>
      // drain() reports problems as values; this is a bug, still never an unhandled rejection.
      finish({ done: false, requests: 0, accepted: 0, rejected: 0, pending: outboxStatus(store).pending, error: errorText(error) }),
    );
    inFlight = run;
    return run;
  }

  async function fetchPlan(): Promise<PlanResult> {
    let reply: unknown;
    try {
      reply = await request(METHOD_PLAN_GET, { v: PROTOCOL_VERSION });
    } catch (error) {
      planStale = true;
      const code = zmlErrorCode(error);
      const kept = readKeptPlan(store);
      const outcome: PlanResult = { ok: false, plan: kept, changed: false, error: code === undefined ? errorText(error) : `plan.get failed (ZML error ${code})`, ...(code === undefined ? {} : { code }) };
      notify({ kind: 'plan', result: outcome });
      return outcome;
    }
    const parsed = parsePlanGetReply(reply);
    if (!parsed.ok) {
      const outcome: PlanResult = { ok: false, plan: readKeptPlan(store), changed: false, error: describeProblems(parsed.problems) };
      notify({ kind: 'plan', result: outcome });
      return outcome;
    }
    planStale = false;
    const accepted = acceptPlanOnWatch(store, parsed.value.plan);
    // Refused prefs (parse problems) never reach the merge; valid ones are merged and maybe stored.
    const prefsProblems = parsed.value.prefsProblems;
    const merged = acceptSettingsOnWatch(store, parsed.value.prefs);
    const settingsProblems = prefsProblems.length > 0 ? prefsProblems : merged.problems;
    const settings: SettingsResult =
      settingsProblems.length === 0 ? { settings: merged.settings, changed: merged.changed } : { settings: merged.settings, changed: merged.changed, error: describeProblems(settingsProblems) };
    const problems = accepted.problems.concat(settingsProblems);
    const outcome: PlanResult =
      problems.length === 0
        ? { ok: true, plan: accepted.plan, changed: accepted.changed, settings }
        : { ok: false, plan: accepted.plan, changed: accepted.changed, error: describeProblems(problems), settings };
    notify({ kind: 'plan', result: outcome });
    return outcome;
  }

  return {
    flush,
    onLinkBack() {
      failures = 0;
      if (inFlight !== null) linkCameBack = true;
      if (planStale) void fetchPlan();
      return flush();
    },
    fetchPlan,
    handleCall(data) {
      const call = parsePlanChangedCall(data);
      return call.ok ? fetchPlan() : null;
    },
    status: () => outboxStatus(store),
    stop: cancelRetry,
  };
}

/** The plan kept on the watch, read through core (an invalid stored plan reads as none). */
function readKeptPlan(store: KeyValueStore): TherapistPlan | null {
  return readPlan(store).plan;
}
