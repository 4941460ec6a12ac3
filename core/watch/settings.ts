// Watch settings as stored JSON: read with defaults for anything missing or wrong (a bad value
// never blocks a session), and changed only through these functions so values stay in range.

import { CUE_INTENSITIES, DEFAULT_SETTINGS, SCREEN_BEHAVIOURS } from '../model';
import type { CueIntensity, ScreenBehaviour, WatchSettings } from '../model';
import { MAX_LEAD_IN_SECONDS } from '../engine';
import type { KeyValueStore, WriteResult } from '../sync/store';
import { readItem, writeAll } from '../sync/store';
import { KEYS } from './keys';

export const LEAD_IN_STEP_SECONDS = 5;

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseSettings(json: string | undefined): WatchSettings {
  if (json === undefined) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (!isObject(raw)) return DEFAULT_SETTINGS;
  const intensity = raw['intensity'];
  const leadIn = raw['leadInSeconds'];
  const halfway = raw['halfwayTick'];
  const screen = raw['screen'];
  return {
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
  return parseSettings(readItem(store, KEYS.settings).value);
}

export function saveSettings(store: KeyValueStore, settings: WatchSettings): WriteResult {
  const clean: WatchSettings = { ...settings, leadInSeconds: clampLeadIn(settings.leadInSeconds) };
  return writeAll(store, [[KEYS.settings, JSON.stringify(clean)]]);
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
