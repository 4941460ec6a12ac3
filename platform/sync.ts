// The watch pages' handle on sync: core's outbox and plan logic sequenced by core/sync/watch-sync's
// WatchSync, over this page's ZML request, the watch store and the page's timers. Home and
// Summary create one while they are shown (messaging only works while the app runs).

import { connectStatus } from '@zos/ble';
import { createWatchSync } from '../core/sync/watch-sync';
import type { SyncEvent, WatchSync } from '../core/sync/watch-sync';
import { watchStore } from './storage';
import { now } from './system';
import type { PhoneEvent } from '../core/watch/phone-status';
import { zmlErrorCode } from '../core/sync/retry';
import { launchMemory } from './launch';

/** What a shown page's link to the phone gives for requests (platform/messaging.ts). */
export interface Requester {
  request(data: { method: string; params: Record<string, unknown> }, options?: { timeout?: number }): Promise<unknown>;
}

/** Short enough that a person looking at Home sees the outcome; ZML's default is 60 s. */
const REQUEST_TIMEOUT_MS = 20000;

/**
 * `onPhone` hears each request go out and how it ended (answered, or failed with ZML's code), so
 * the page's phone line says "Syncing…" while one is in flight and the outcome the moment it lands.
 */
export function startPageSync(page: Requester, onChange: (event: SyncEvent) => void, onPhone?: (event: PhoneEvent) => void): WatchSync {
  const tell = (event: PhoneEvent): void => {
    if (onPhone !== undefined) onPhone(event);
  };
  return createWatchSync({
    request: (method, params) => {
      tell({ kind: 'request' });
      return page.request({ method, params }, { timeout: REQUEST_TIMEOUT_MS }).then(
        (reply) => {
          tell({ kind: 'answered' });
          return reply;
        },
        (error: unknown) => {
          tell({ kind: 'failed', code: zmlErrorCode(error) });
          throw error;
        },
      );
    },
    store: watchStore,
    clock: { now },
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
    onChange,
  });
}

/**
 * Runs `job` once every sync started earlier in this launch, by this page or one that was left,
 * has ended: never two at once. A page that is left keeps its requests going (ZML's messaging is
 * the app's) and a page opened meanwhile would otherwise send the same waiting sessions again
 * beside it. Each page still runs its own job (the flush happens on every open); a job that
 * fails does not stop the next one. Relies on every request settling (ZML's timeouts, 20 s here,
 * run on the app's timers, not the page's).
 */
export function oneSyncAtATime<T>(job: () => Promise<T>): Promise<T> {
  const launch = launchMemory();
  const before = launch.syncTail === undefined ? Promise.resolve() : launch.syncTail;
  const run = before.then(job, job);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  launch.syncTail = tail;
  return run;
}

/** Home at open: the plan first (it decides the routine list), then whatever waits in the outbox. */
export function planThenFlush(sync: WatchSync): Promise<unknown> {
  return oneSyncAtATime(() =>
    sync.fetchPlan().then(
      () => sync.flush(),
      () => sync.flush(),
    ),
  );
}

/** A page's onBleChanged, the same for every page with sync: its phone line hears it, and a link back sends what waits. */
export function linkChanged(sync: WatchSync | null, status: unknown, onPhone: (event: PhoneEvent) => void): void {
  const up = isLinkUp(status);
  onPhone({ kind: 'link', up });
  if (sync !== null && up) void oneSyncAtATime(() => sync.onLinkBack());
}

/** ZML passes on @zos/ble's listener argument: whether the phone is connected now. */

export function isLinkUp(status: unknown): boolean {
  return status === true;
}

/** @zos/ble's connection status now (the pages' starting point; onBleChanged keeps it live). */
export function linkUpNow(): boolean {
  return connectStatus() === true;
}
