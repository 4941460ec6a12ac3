// Watch settings as stored JSON under SETTINGS_KEY: `{settings, updatedAt}` (core/settings/settings-validation).
// Read with defaults for anything missing or wrong (a bad value never blocks a session), and
// changed only through these functions so values stay in range. The value written before stamps
// existed (flat WatchSettings) still reads, as updatedAt 0, and is rewritten stamped on the next
// change. The phone's Preferences arrive with plan.get and go through mergeSettings.

import { CUE_INTENSITIES, DEFAULT_SETTINGS, SCREEN_BEHAVIOURS } from '../routines/model';
import type { CueIntensity, ScreenBehaviour, WatchSettings } from '../routines/model';
import { MAX_LEAD_IN_SECONDS } from '../routines/model';
import type { Problem } from '../kernel/result';
import { mergeSettings } from './settings-merge';
import type { StampedSettings } from './settings-validation';
import { decodeStoredSettings, isLegacyShape } from './settings-validation';
import type { KeyValueStore, WriteResult } from '../kernel/store';
import { readItem, writeAll } from '../kernel/store';
import { lenientReminderPrefs } from './reminder-prefs';
import { isPlainObject } from '../kernel/json';

/** Where the watch keeps its settings (listed with the watch's other keys in core/watch/keys.ts). */
export const SETTINGS_KEY = 'knead.settings';

export const LEAD_IN_STEP_SECONDS = 5;

/** Lenient read of the flat WatchSettings (either shape accepted: a stamped value's `settings`). */
export function parseSettings(json: string | undefined): WatchSettings {
  return parseStoredSettings(json).settings;
}

/**
 * Lenient read of the stored value: the stamped shape, or the legacy flat one as updatedAt 0
 * (the migration). A valid value reads exactly; a damaged one reads field by field with defaults,
 * and a stamp that is not a usable time reads as 0 (so any phone change wins over it).
 */
export function parseStoredSettings(json: string | undefined): StampedSettings {
  const fallback: StampedSettings = { settings: DEFAULT_SETTINGS, updatedAt: 0 };
  if (json === undefined) return fallback;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fallback;
  }
  const exact = decodeStoredSettings(raw);
  if (exact.ok) return exact.value;
  if (!isPlainObject(raw)) return fallback;
  if (isLegacyShape(raw)) return { settings: lenientSettings(raw), updatedAt: 0 };
  const at = raw['updatedAt'];
  const settings = raw['settings'];
  return {
    settings: isPlainObject(settings) ? lenientSettings(settings) : DEFAULT_SETTINGS,
    updatedAt: typeof at === 'number' && Number.isSafeInteger(at) && at >= 0 ? at : 0,
  };
}

function lenientSettings(raw: Readonly<Record<string, unknown>>): WatchSettings {
  const intensity = raw['intensity'];
  const leadIn = raw['leadInSeconds'];
  const halfway = raw['halfwayTick'];
  const screen = raw['screen'];
  const extras: Pick<WatchSettings, 'reminders' | 'adapt' | 'changeComing'> = {
    ...(raw['reminders'] === undefined ? {} : { reminders: lenientReminderPrefs(raw['reminders']) }),
    ...(typeof raw['adapt'] === 'boolean' ? { adapt: raw['adapt'] } : {}),
    ...(typeof raw['changeComing'] === 'boolean' ? { changeComing: raw['changeComing'] } : {}),
  };
  return {
    ...extras,
    intensity: (CUE_INTENSITIES as readonly unknown[]).indexOf(intensity) >= 0 ? (intensity as CueIntensity) : DEFAULT_SETTINGS.intensity,
    leadInSeconds: clampLeadIn(typeof leadIn === 'number' ? leadIn : DEFAULT_SETTINGS.leadInSeconds),
    halfwayTick: typeof halfway === 'boolean' ? halfway : DEFAULT_SETTINGS.halfwayTick,
    screen: (SCREEN_BEHAVIOURS as readonly unknown[]).indexOf(screen) >= 0 ? (screen as ScreenBehaviour) : DEFAULT_SETTINGS.screen,
  };
}

export function clampLeadIn(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_SETTINGS.leadInSeconds;
  return Math.min(MAX_LEAD_IN_SECONDS, Math.max(0, Math.round(seconds)));
}

export function loadSettings(store: KeyValueStore): WatchSettings {
  return loadStampedSettings(store).settings;
}

export function loadStampedSettings(store: KeyValueStore): StampedSettings {
  return parseStoredSettings(readItem(store, SETTINGS_KEY).value);
}

/**
 * A change made on the watch (its Settings page) at `now` (UTC ms, the watch's clock). The stamp
 * is at least one more than the stored one, so a change always beats the value it replaces, even
 * one that came from a phone whose clock runs ahead.
 */
export function saveSettings(store: KeyValueStore, settings: WatchSettings, now: number): WriteResult {
  const clean: WatchSettings = { ...settings, leadInSeconds: clampLeadIn(settings.leadInSeconds) };
  const before = loadStampedSettings(store).updatedAt;
  const stamped: StampedSettings = { settings: clean, updatedAt: Math.max(Math.floor(now), before + 1, 0) };
  return writeAll(store, [[SETTINGS_KEY, JSON.stringify(stamped)]]);
}

export interface IncomingSettingsOutcome {
  /** The settings the watch uses now. */
  readonly settings: WatchSettings;
  /** True when the incoming value won and was stored. */
  readonly changed: boolean;
  /** Why the incoming value was refused or could not be stored; the local value stays. */
  readonly problems: readonly Problem[];
}

/**
 * Watch: applies the phone's `prefs` from a plan.get reply through mergeSettings (newer wins,
 * equal keeps the watch's, invalid refused) and stores the winner when it is the phone's.
 */
export function acceptSettingsOnWatch(store: KeyValueStore, incoming: unknown, path = 'prefs'): IncomingSettingsOutcome {
  const local = loadStampedSettings(store);
  const merged = mergeSettings(local, incoming, path);
  if (merged.winner === 'local') return { settings: local.settings, changed: false, problems: merged.problems };
  const saved = writeAll(store, [[SETTINGS_KEY, JSON.stringify(merged.result)]]);
  if (!saved.ok) return { settings: local.settings, changed: false, problems: [{ path: '', message: saved.error }] };
  return { settings: merged.result.settings, changed: true, problems: [] };
}

/** The next value in a cycle (used by the Settings rows: tap to change). */
export function nextIntensity(current: CueIntensity): CueIntensity {
  const index = CUE_INTENSITIES.indexOf(current);
  return CUE_INTENSITIES[(index + 1) % CUE_INTENSITIES.length] ?? 'standard';
}

export function nextLeadIn(current: number): number {
  const next = clampLeadIn(current) + LEAD_IN_STEP_SECONDS;
  return next > MAX_LEAD_IN_SECONDS ? 0 : next;
}

export function nextScreen(current: ScreenBehaviour): ScreenBehaviour {
  return current === 'keep-on' ? 'allow-off' : 'keep-on';
}
