// What one launch of the app remembers across its pages (getApp().globalData lives until the app
// exits), e.g. that the pending check-in was already offered, so backing out of it is a "no", and
// the sync that runs now (every page bundle carries its own copy of the sync code, so only the
// app's globalData is shared between a page that was left and the next one).

interface LaunchMemory {
  checkinOffered?: boolean;
  /** Settles when the last sync started in this launch has ended (platform/sync.ts oneSyncAtATime). */
  syncTail?: Promise<unknown>;
}

export function launchMemory(): LaunchMemory {
  const app = getApp() as unknown as { globalData?: unknown; _options?: { globalData?: unknown } };
  const data = app.globalData ?? app._options?.globalData;
  if (typeof data === 'object' && data !== null) return data as LaunchMemory;
  return {};
}

export function checkinOfferedThisLaunch(): boolean {
  return launchMemory().checkinOffered === true;
}

export function markCheckinOffered(): void {
  launchMemory().checkinOffered = true;
}
