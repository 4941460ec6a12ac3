// Cue preferences set on the phone, stored for the watch under PREFS_KEY as JSON WatchSettings.
// Validation uses core's field checks; a stored value that does not validate reads as defaults
// (reported) and is replaced only when the person saves a change.
// NOTE: no core module owns WatchSettings validation yet and the sync protocol has no message
// that carries these to the watch; see docs/sync.md ("Preferences").

import type { WatchSettings } from '../core/model';
import { CUE_INTENSITIES, DEFAULT_SETTINGS, SCREEN_BEHAVIOURS } from '../core/model';
import type { Validated } from '../core/result';
import { describeProblems, invalid, valid } from '../core/result';
import type { ProblemList } from '../core/sync/checks';
import { checkKnownKeys, expectObject, readBoolean, readEnum, readInteger } from '../core/sync/checks';
import { parseJson } from '../core/sync/json';
import type { KeyValueStore } from '../core/sync/store';
import { readItem, writeAll } from '../core/sync/store';

export const PREFS_KEY = 'prefs';

export function validatePrefs(input: unknown): Validated<WatchSettings> {
  const problems: ProblemList = [];
  const obj = expectObject(input, '', problems, 'preferences (an object)');
  if (obj === undefined) return invalid(problems);
  checkKnownKeys(obj, ['intensity', 'leadInSeconds', 'halfwayTick', 'screen'], '', problems);
  const intensity = readEnum(obj, 'intensity', '', problems, CUE_INTENSITIES);
  const leadInSeconds = readInteger(obj, 'leadInSeconds', '', problems, 0, 15);
  const halfwayTick = readBoolean(obj, 'halfwayTick', '', problems);
  const screen = readEnum(obj, 'screen', '', problems, SCREEN_BEHAVIOURS);
  if (problems.length > 0 || intensity === undefined || leadInSeconds === undefined || halfwayTick === undefined || screen === undefined) return invalid(problems);
  return valid({ intensity, leadInSeconds, halfwayTick, screen });
}

export function readPrefs(store: KeyValueStore): { readonly prefs: WatchSettings; readonly problem?: string } {
  const read = readItem(store, PREFS_KEY);
  if (read.value === undefined) return read.error === undefined ? { prefs: DEFAULT_SETTINGS } : { prefs: DEFAULT_SETTINGS, problem: read.error };
  const parsed = parseJson(read.value, 'stored preferences');
  if (!parsed.ok) return { prefs: DEFAULT_SETTINGS, problem: describeProblems(parsed.problems) };
  const checked = validatePrefs(parsed.value);
  return checked.ok ? { prefs: checked.value } : { prefs: DEFAULT_SETTINGS, problem: `stored preferences are not usable: ${describeProblems(checked.problems)}` };
}

export function savePrefs(store: KeyValueStore, input: unknown): Validated<WatchSettings> {
  const checked = validatePrefs(input);
  if (!checked.ok) return checked;
  const saved = writeAll(store, [[PREFS_KEY, JSON.stringify(checked.value)]]);
  return saved.ok ? checked : invalid([{ path: '', message: saved.error }]);
}
