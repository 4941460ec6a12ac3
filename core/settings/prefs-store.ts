// The phone's cue Preferences: stored by the Settings App under PREFS_KEY ('prefs') as JSON
// `{settings, updatedAt}` (core/settings/settings-validation), read by the side service for the plan.get
// reply. The flat WatchSettings stored before stamps existed still reads, as updatedAt 0 (the
// migration; rewritten stamped on the next save). A stored value that does not validate reads as
// defaults with the problem reported, is never sent to the watch, and is replaced only when the
// person saves a change.

import type { WatchSettings } from '../routines/model';
import { DEFAULT_SETTINGS } from '../routines/model';
import type { Validated } from '../kernel/result';
import { describeProblems, invalid, valid } from '../kernel/result';
import type { StampedSettings } from './settings-validation';
import { decodeStoredSettings, validateSettings } from './settings-validation';
import { parseJson } from '../kernel/json';
import type { KeyValueStore } from '../kernel/store';
import { readItem, writeAll } from '../kernel/store';

export const PREFS_KEY = 'prefs';

export interface StoredPrefs {
  /** What the Settings App shows: the stored settings, or defaults when none / unusable. */
  readonly prefs: WatchSettings;
  /** The stored value with its stamp; null when nothing usable is stored (nothing to send). */
  readonly stamped: StampedSettings | null;
  /** Set when a stored value exists but cannot be used; it is left in place. */
  readonly problem?: string;
}

export function readPrefs(store: KeyValueStore): StoredPrefs {
  const read = readItem(store, PREFS_KEY);
  if (read.value === undefined) return read.error === undefined ? { prefs: DEFAULT_SETTINGS, stamped: null } : { prefs: DEFAULT_SETTINGS, stamped: null, problem: read.error };
  const parsed = parseJson(read.value, 'stored preferences');
  if (!parsed.ok) return { prefs: DEFAULT_SETTINGS, stamped: null, problem: describeProblems(parsed.problems) };
  const checked = decodeStoredSettings(parsed.value);
  return checked.ok
    ? { prefs: checked.value.settings, stamped: checked.value }
    : { prefs: DEFAULT_SETTINGS, stamped: null, problem: `stored preferences are not usable: ${describeProblems(checked.problems)}` };
}

/**
 * Settings App: stores `input` (flat WatchSettings) when valid, stamped `now` (UTC ms) or one more
 * than the stored stamp if that is later, so every save is newer than the one before it.
 * Invalid input changes nothing.
 */
export function savePrefs(store: KeyValueStore, input: unknown, now: number): Validated<StampedSettings> {
  const checked = validateSettings(input);
  if (!checked.ok) return checked;
  const before = readPrefs(store).stamped;
  const stamped: StampedSettings = { settings: checked.value, updatedAt: Math.max(Math.floor(now), before === null ? 0 : before.updatedAt + 1, 0) };
  const saved = writeAll(store, [[PREFS_KEY, JSON.stringify(stamped)]]);
  return saved.ok ? valid(stamped) : invalid([{ path: '', message: saved.error }]);
}
