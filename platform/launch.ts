// What one launch of the app remembers across its pages (getApp().globalData lives until the app
// exits), e.g. that the pending check-in was already offered, so backing out of it is a "no".

interface LaunchMemory {
  checkinOffered?: boolean;
}

function memory(): LaunchMemory {
  const app = getApp() as unknown as { globalData?: unknown; _options?: { globalData?: unknown } };
  const data = app.globalData ?? app._options?.globalData;
  if (typeof data === 'object' && data !== null) return data as LaunchMemory;
  return {};
}

export function checkinOfferedThisLaunch(): boolean {
  return memory().checkinOffered === true;
}

export function markCheckinOffered(): void {
  memory().checkinOffered = true;
}
