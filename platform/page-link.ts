// A page's end of ZML's messaging, without ZML's page runtime (platform/messaging.ts finds the
// app's; this file holds the rest and reads no global, so tests run it with a fake messaging). ZML's BaseApp keeps the app's
// messaging in getApp()._options.globalData.messaging (Knead's app.ts declares it there, as ZML
// asks), and ZML's BasePage only forwards to it: a page's request() is messaging.request(), and a
// page's onCall / onBleChanged are subscribed on it in onInit and unsubscribed in onDestroy. Doing
// the same here spares Home and Summary BasePage's runtime (about 5 KB of each page's code, with
// module-level state, logger and file-transfer hooks Knead never uses; docs/watch.md "Size").

/** The part of ZML's app messaging (zml-app.js) a page uses. */
export interface ZmlMessaging {
  request(data: { method: string; params: Record<string, unknown> }, options?: { timeout?: number }): Promise<unknown>;
  onCall(handler: (data: unknown) => void): unknown;
  offOnCall(handler: (data: unknown) => void): unknown;
  onBleChanged(handler: (status: unknown) => void): unknown;
  offOnBleChanged(handler: (status: unknown) => void): unknown;
}

/** What a page hears from the phone while it is shown. */
export interface PageListeners {
  /** A `call()` from the side service (e.g. "plan.changed"). */
  readonly onCall?: (data: unknown) => void;
  /** The link to the phone went up or down. */
  readonly onBleChanged?: (status: unknown) => void;
}

/** A shown page's link: requests (as platform/sync's Requester), and `close()` in onDestroy. */
export interface PageLink {
  request(data: { method: string; params: Record<string, unknown> }, options?: { timeout?: number }): Promise<unknown>;
  close(): void;
}

/** The app's messaging from `getApp()`'s result, or an error saying where it was looked for. */
export function messagingOf(app: unknown): ZmlMessaging {
  const options = typeof app === 'object' && app !== null ? (app as { _options?: { globalData?: { messaging?: unknown } } })._options : undefined;
  const messaging = options?.globalData?.messaging as Partial<ZmlMessaging> | null | undefined;
  if (typeof messaging !== 'object' || messaging === null || typeof messaging.request !== 'function' || typeof messaging.onCall !== 'function' || typeof messaging.onBleChanged !== 'function') {
    throw new Error("the app's messaging is missing from getApp()._options.globalData.messaging: app.js must be App(BaseApp(…)) from ZML");
  }
  return messaging as ZmlMessaging;
}

/** Subscribes `listeners` on `messaging` (in onInit) and gives the page's requests. */
export function linkOver(messaging: ZmlMessaging, listeners: PageListeners): PageLink {
  const { onCall, onBleChanged } = listeners;
  if (onCall !== undefined) messaging.onCall(onCall);
  if (onBleChanged !== undefined) messaging.onBleChanged(onBleChanged);
  let open = true;
  return {
    request: (data, options) => messaging.request(data, options),
    close() {
      if (!open) return;
      open = false;
      if (onCall !== undefined) messaging.offOnCall(onCall);
      if (onBleChanged !== undefined) messaging.offOnBleChanged(onBleChanged);
    },
  };
}
