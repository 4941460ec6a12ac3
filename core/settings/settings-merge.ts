// Last-writer-wins between the watch's own Settings page and the phone's Preferences. Each side
// stamps its settings with the time they were changed; the newer stamp wins. A tie keeps the local
// value (so applying the same incoming value twice changes nothing), and an invalid incoming value
// is refused with the validator's reasons while the local value stays. Clocks of phone and watch
// are assumed close (both set from the phone); a skewed clock can make an older change win.

import type { Problem } from '../kernel/result';
import type { StampedSettings } from './settings-validation';
import { validateStampedSettings } from './settings-validation';

export interface SettingsMerge {
  /** The settings to use and store: `local` or the validated incoming value, never a mix. */
  readonly result: StampedSettings;
  /** 'incoming' when the incoming value won (the caller stores it). */
  readonly winner: 'local' | 'incoming';
  /** Why the incoming value was refused (paths under `path`); empty when it was usable or absent. */
  readonly problems: readonly Problem[];
}

/**
 * `incoming` is whatever arrived (unvalidated); `null` / `undefined` mean "nothing from the other
 * side" and keep `local`. `path` prefixes problem paths (e.g. 'prefs' for a plan.get reply).
 */
export function mergeSettings(local: StampedSettings, incoming: unknown, path = ''): SettingsMerge {
  if (incoming === null || incoming === undefined) return { result: local, winner: 'local', problems: [] };
  const checked = validateStampedSettings(incoming, path);
  if (!checked.ok) return { result: local, winner: 'local', problems: checked.problems };
  if (checked.value.updatedAt > local.updatedAt) return { result: checked.value, winner: 'incoming', problems: [] };
  return { result: local, winner: 'local', problems: [] };
}
