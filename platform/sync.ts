// The watch pages' handle on sync: core's outbox and plan logic sequenced by platform-sync's
// WatchSync, over this page's ZML request, the watch store and the page's timers. Home and
// Summary create one while they are shown (messaging only works while the app runs).

import { createWatchSync } from '../platform-sync/watch-sync';
import type { SyncEvent, WatchSync } from '../platform-sync/watch-sync';
import { watchStore } from './storage';
import { now } from './system';

/** What ZML's BasePage gives a page for requests. */
export interface Requester {
  request(data: { method: string; params: Record<string, unknown> }, options?: { timeout?: number }): Promise<unknown>;
}

/** Short enough that a person looking at Home sees the outcome; ZML's default is 60 s. */
const REQUEST_TIMEOUT_MS = 20000;

export function startPageSync(page: Requester, onChange: (event: SyncEvent) => void): WatchSync {
  return createWatchSync({
    request: (method, params) => page.request({ method, params }, { timeout: REQUEST_TIMEOUT_MS }),
    store: watchStore,
    clock: { now },
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
    onChange,
  });
}

/** ZML passes on @zos/ble's listener argument: whether the phone is connected now. */
export function isLinkUp(status: unknown): boolean {
  return status === true;
}
