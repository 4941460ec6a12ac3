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

/** What ZML's BasePage gives a page for requests. */
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

/** ZML passes on @zos/ble's listener argument: whether the phone is connected now. */
/** A page's onBleChanged, the same for every page with sync: its phone line hears it, and a link back sends what waits. */
export function linkChanged(sync: WatchSync | null, status: unknown, onPhone: (event: PhoneEvent) => void): void {
  const up = isLinkUp(status);
  onPhone({ kind: 'link', up });
  if (sync !== null && up) void sync.onLinkBack();
}

export function isLinkUp(status: unknown): boolean {
  return status === true;
}

/** @zos/ble's connection status now (the pages' starting point; onBleChanged keeps it live). */
export function linkUpNow(): boolean {
  return connectStatus() === true;
}
