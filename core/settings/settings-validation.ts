// WatchSettings (cue strength, lead-in, halfway tick, screen) as the phone and the watch store and
// exchange them: one validator for both ends, and the stamped shape `{settings, updatedAt}` that
// last-writer-wins needs (see core/settings/settings-merge.ts).
//
//   stored / sent   {settings: WatchSettings, updatedAt: UTC ms}
//   legacy stored   WatchSettings (no stamp): read as updatedAt 0, i.e. older than any real change.

import { MAX_LEAD_IN_SECONDS } from '../routines/model';
import type { WatchSettings } from '../routines/model';
import { CUE_INTENSITIES, SCREEN_BEHAVIOURS } from '../routines/model';
import type { Validated } from '../kernel/result';
import { invalid, joinPath, valid } from '../kernel/result';
import type { ProblemList } from '../kernel/checks';
import { checkKnownKeys, expectObject, readBoolean, readEnum, readInteger } from '../kernel/checks';
import { hasOwn, isPlainObject } from '../kernel/json';
import { validateReminderPrefs } from './reminder-prefs';

export const SETTINGS_FIELDS = ['intensity', 'leadInSeconds', 'halfwayTick', 'screen', 'reminders', 'adapt', 'changeComing'] as const;

/** Settings with the time (UTC ms) the person last changed them on the side that stored them. */
export interface StampedSettings {
  readonly settings: WatchSettings;
  /** 0 means "never changed here" (defaults, or a value stored before stamps existed). */
  readonly updatedAt: number;
}

/** Strict: every field present and in range, nothing else. Paths read on from `path`. */
export function validateSettings(input: unknown, path = ''): Validated<WatchSettings> {
  const problems: ProblemList = [];
  const obj = expectObject(input, path, problems, 'an object with intensity, leadInSeconds, halfwayTick and screen');
  if (obj === undefined) return invalid(problems);
  checkKnownKeys(obj, SETTINGS_FIELDS, path, problems);
  const intensity = readEnum(obj, 'intensity', path, problems, CUE_INTENSITIES);
  const leadInSeconds = readInteger(obj, 'leadInSeconds', path, problems, 0, MAX_LEAD_IN_SECONDS);
  const halfwayTick = readBoolean(obj, 'halfwayTick', path, problems);
  const screen = readEnum(obj, 'screen', path, problems, SCREEN_BEHAVIOURS);
  // Optional (added later): absent reads as the defaults, present must be valid.
  const reminders = hasOwn(obj, 'reminders') ? validateReminderPrefs(obj['reminders'], joinPath(path, 'reminders'), problems) : undefined;
  const adapt = hasOwn(obj, 'adapt') ? readBoolean(obj, 'adapt', path, problems) : undefined;
  const changeComing = hasOwn(obj, 'changeComing') ? readBoolean(obj, 'changeComing', path, problems) : undefined;
  if (problems.length > 0 || intensity === undefined || leadInSeconds === undefined || halfwayTick === undefined || screen === undefined) return invalid(problems);
  return valid({ intensity, leadInSeconds, halfwayTick, screen, ...(reminders === undefined ? {} : { reminders }), ...(adapt === undefined ? {} : { adapt }), ...(changeComing === undefined ? {} : { changeComing }) });
}

/** Strict `{settings, updatedAt}`; updatedAt is a non-negative integer (UTC ms). */
export function validateStampedSettings(input: unknown, path = ''): Validated<StampedSettings> {
  const problems: ProblemList = [];
  const obj = expectObject(input, path, problems, 'an object with settings and updatedAt');
  if (obj === undefined) return invalid(problems);
  checkKnownKeys(obj, ['settings', 'updatedAt'], path, problems);
  const settings = validateSettings(hasOwn(obj, 'settings') ? obj['settings'] : undefined, joinPath(path, 'settings'));
  if (!settings.ok) {
    // A missing object reads better as "is required" than "must be an object".
    if (!hasOwn(obj, 'settings')) problems.push({ path: joinPath(path, 'settings'), message: 'is required' });
    else problems.push(...settings.problems);
  }
  const updatedAt = readUpdatedAt(obj, path, problems);
  if (problems.length > 0 || !settings.ok || updatedAt === undefined) return invalid(problems);
  return valid({ settings: settings.value, updatedAt });
}

/**
 * What a stored value holds, in either shape: `{settings, updatedAt}`, or the legacy flat
 * WatchSettings (migrated as updatedAt 0). Strict otherwise, with the validator's messages.
 */
export function decodeStoredSettings(input: unknown): Validated<StampedSettings> {
  if (isLegacyShape(input)) {
    const legacy = validateSettings(input);
    return legacy.ok ? valid({ settings: legacy.value, updatedAt: 0 }) : legacy;
  }
  return validateStampedSettings(input);
}

/** The flat shape written before stamps: an object without `settings` / `updatedAt`. */
export function isLegacyShape(input: unknown): boolean {
  return isPlainObject(input) && !hasOwn(input, 'settings') && !hasOwn(input, 'updatedAt');
}

function readUpdatedAt(obj: Record<string, unknown>, path: string, problems: ProblemList): number | undefined {
  const at = joinPath(path, 'updatedAt');
  const value = hasOwn(obj, 'updatedAt') ? obj['updatedAt'] : undefined;
  if (value === undefined) {
    problems.push({ path: at, message: 'is required' });
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    problems.push({ path: at, message: 'must be a non-negative integer (UTC ms)' });
    return undefined;
  }
  return value;
}
