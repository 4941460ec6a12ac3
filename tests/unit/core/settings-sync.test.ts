// WatchSettings shared by phone and watch: the one validator, the stamped stored shape and its
// migration from the flat shape, last-writer-wins (mergeSettings), and both stores.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUE_INTENSITIES, DEFAULT_SETTINGS, SCREEN_BEHAVIOURS } from '../../../core/routines/model';
import type { WatchSettings } from '../../../core/routines/model';
import { PREFS_KEY, readPrefs, savePrefs } from '../../../core/settings/prefs-store';
import { describeProblems } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { mergeSettings } from '../../../core/settings/settings-merge';
import type { StampedSettings } from '../../../core/settings/settings-validation';
import { decodeStoredSettings, validateSettings, validateStampedSettings } from '../../../core/settings/settings-validation';
import { KEYS } from '../../../core/watch/keys';
import { acceptSettingsOnWatch, loadSettings, loadStampedSettings, parseStoredSettings, saveSettings } from '../../../core/settings/watch-settings';
import { MemoryStore } from '../../fixtures/memory-store';

const T = Date.UTC(2026, 11, 1, 9);
const STRONG: WatchSettings = { intensity: 'strong', leadInSeconds: 10, halfwayTick: false, screen: 'keep-on' };

function text<T>(result: Validated<T>): string {
  return result.ok ? 'ok' : describeProblems(result.problems);
}

const settingsArb: fc.Arbitrary<WatchSettings> = fc.record({
  intensity: fc.constantFrom(...CUE_INTENSITIES),
  leadInSeconds: fc.integer({ min: 0, max: 15 }),
  halfwayTick: fc.boolean(),
  screen: fc.constantFrom(...SCREEN_BEHAVIOURS),
});
const stampedArb: fc.Arbitrary<StampedSettings> = fc.record({ settings: settingsArb, updatedAt: fc.integer({ min: 0, max: 3 }) });
/** Valid values, near-valid ones (one field off) and anything at all. */
const incomingArb: fc.Arbitrary<unknown> = fc.oneof(
  stampedArb,
  stampedArb.map((s) => ({ ...s, settings: { ...s.settings, leadInSeconds: 16 } })),
  stampedArb.map((s) => ({ ...s, updatedAt: -1 })),
  settingsArb,
  fc.constant(null),
  fc.anything(),
);

describe('validateSettings', () => {
  it('validateSettings - a complete value passes unchanged', () => {
    expect(validateSettings(STRONG)).toEqual({ ok: true, value: STRONG });
    expect(validateSettings({ ...STRONG, leadInSeconds: 0 }).ok).toBe(true);
    expect(validateSettings({ ...STRONG, leadInSeconds: 15 }).ok).toBe(true);
  });

  it('validateSettings - every error, by its exact message', () => {
    expect(text(validateSettings('strong'))).toBe('must be an object with intensity, leadInSeconds, halfwayTick and screen');
    expect(text(validateSettings([]))).toBe('must be an object with intensity, leadInSeconds, halfwayTick and screen');
    expect(text(validateSettings({}))).toBe('intensity is required; leadInSeconds is required; halfwayTick is required; screen is required');
    expect(text(validateSettings({ ...STRONG, volume: 3 }))).toBe('volume is not a known field');
    expect(text(validateSettings({ ...STRONG, intensity: 'loud' }))).toBe('intensity must be one of: gentle, standard, strong');
    expect(text(validateSettings({ ...STRONG, leadInSeconds: 16 }))).toBe('leadInSeconds must be an integer between 0 and 15');
    expect(text(validateSettings({ ...STRONG, leadInSeconds: -1 }))).toBe('leadInSeconds must be an integer between 0 and 15');
    expect(text(validateSettings({ ...STRONG, leadInSeconds: 2.5 }))).toBe('leadInSeconds must be an integer between 0 and 15');
    expect(text(validateSettings({ ...STRONG, leadInSeconds: '5' }))).toBe('leadInSeconds must be an integer between 0 and 15');
    expect(text(validateSettings({ ...STRONG, halfwayTick: 'yes' }))).toBe('halfwayTick must be true or false');
    expect(text(validateSettings({ ...STRONG, screen: 'dim' }))).toBe('screen must be one of: keep-on, allow-off');
    expect(text(validateSettings({ ...STRONG, leadInSeconds: 99 }, 'prefs.settings'))).toBe('prefs.settings.leadInSeconds must be an integer between 0 and 15');
  });

  it('validateStampedSettings - every error, by its exact message', () => {
    expect(validateStampedSettings({ settings: STRONG, updatedAt: T })).toEqual({ ok: true, value: { settings: STRONG, updatedAt: T } });
    expect(text(validateStampedSettings(7))).toBe('must be an object with settings and updatedAt');
    expect(text(validateStampedSettings({}))).toBe('settings is required; updatedAt is required');
    expect(text(validateStampedSettings({ settings: STRONG, updatedAt: T, v: 1 }))).toBe('v is not a known field');
    expect(text(validateStampedSettings({ settings: STRONG, updatedAt: -1 }))).toBe('updatedAt must be a non-negative integer (UTC ms)');
    expect(text(validateStampedSettings({ settings: STRONG, updatedAt: 1.5 }))).toBe('updatedAt must be a non-negative integer (UTC ms)');
    expect(text(validateStampedSettings({ settings: STRONG, updatedAt: '2026-12-01' }))).toBe('updatedAt must be a non-negative integer (UTC ms)');
    expect(text(validateStampedSettings({ settings: null, updatedAt: T }))).toBe('settings must be an object with intensity, leadInSeconds, halfwayTick and screen');
    expect(text(validateStampedSettings({ settings: { ...STRONG, leadInSeconds: 20 }, updatedAt: T }, 'prefs'))).toBe('prefs.settings.leadInSeconds must be an integer between 0 and 15');
  });
});

describe('stored shape and migration', () => {
  it('decodeStoredSettings - the flat shape from before stamps reads as updatedAt 0', () => {
    expect(decodeStoredSettings(STRONG)).toEqual({ ok: true, value: { settings: STRONG, updatedAt: 0 } });
    expect(decodeStoredSettings({ settings: STRONG, updatedAt: T })).toEqual({ ok: true, value: { settings: STRONG, updatedAt: T } });
    expect(text(decodeStoredSettings({ ...STRONG, screen: 'dim' }))).toBe('screen must be one of: keep-on, allow-off');
    expect(text(decodeStoredSettings({ settings: STRONG }))).toBe('updatedAt is required');
  });

  it('watch loadStampedSettings - migrates the stored flat value (updatedAt 0), rewrites it stamped on the next change', () => {
    const store = new MemoryStore({ [KEYS.settings]: JSON.stringify(STRONG) });
    expect(loadStampedSettings(store)).toEqual({ settings: STRONG, updatedAt: 0 });
    expect(loadSettings(store)).toEqual(STRONG);
    expect(saveSettings(store, { ...STRONG, leadInSeconds: 5 }, T).ok).toBe(true);
    expect(JSON.parse(String(store.getItem(KEYS.settings)))).toEqual({ settings: { ...STRONG, leadInSeconds: 5 }, updatedAt: T });
  });

  it('watch parseStoredSettings - damaged values read field by field with defaults; a bad stamp reads as 0', () => {
    expect(parseStoredSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, updatedAt: 0 });
    expect(parseStoredSettings('{"settings":')).toEqual({ settings: DEFAULT_SETTINGS, updatedAt: 0 });
    expect(parseStoredSettings(JSON.stringify({ ...STRONG, leadInSeconds: 99 }))).toEqual({ settings: { ...STRONG, leadInSeconds: 15 }, updatedAt: 0 });
    expect(parseStoredSettings(JSON.stringify({ settings: { ...STRONG, screen: 'dim' }, updatedAt: T }))).toEqual({ settings: { ...STRONG, screen: 'allow-off' }, updatedAt: T });
    expect(parseStoredSettings(JSON.stringify({ settings: STRONG, updatedAt: 'soon' }))).toEqual({ settings: STRONG, updatedAt: 0 });
  });

  it('watch saveSettings - a change is always newer than the value it replaces (phone clock ahead)', () => {
    const store = new MemoryStore({ [KEYS.settings]: JSON.stringify({ settings: STRONG, updatedAt: T + 60_000 }) });
    expect(saveSettings(store, DEFAULT_SETTINGS, T).ok).toBe(true);
    expect(loadStampedSettings(store)).toEqual({ settings: DEFAULT_SETTINGS, updatedAt: T + 60_001 });
  });

  it('phone readPrefs / savePrefs - flat value migrates as updatedAt 0; saves are stamped and rising; bad input stores nothing', () => {
    const store = new MemoryStore({ [PREFS_KEY]: JSON.stringify(STRONG) });
    expect(readPrefs(store)).toEqual({ prefs: STRONG, stamped: { settings: STRONG, updatedAt: 0 } });
    expect(savePrefs(store, { ...STRONG, leadInSeconds: 5 }, T)).toEqual({ ok: true, value: { settings: { ...STRONG, leadInSeconds: 5 }, updatedAt: T } });
    // Same millisecond (or a clock set back): still after the stored stamp.
    expect(savePrefs(store, STRONG, T - 5)).toMatchObject({ ok: true, value: { updatedAt: T + 1 } });
    const before = store.getItem(PREFS_KEY);
    expect(text(savePrefs(store, { ...STRONG, leadInSeconds: 60 }, T + 10))).toBe('leadInSeconds must be an integer between 0 and 15');
    expect(store.getItem(PREFS_KEY)).toBe(before);
  });

  it('phone readPrefs - unusable stored value reads as defaults, nothing to send, problem named', () => {
    expect(readPrefs(new MemoryStore())).toEqual({ prefs: DEFAULT_SETTINGS, stamped: null });
    expect(readPrefs(new MemoryStore({ [PREFS_KEY]: '{' }))).toEqual({ prefs: DEFAULT_SETTINGS, stamped: null, problem: 'stored preferences is not valid JSON' });
    expect(readPrefs(new MemoryStore({ [PREFS_KEY]: JSON.stringify({ settings: STRONG, updatedAt: -3 }) }))).toEqual({
      prefs: DEFAULT_SETTINGS,
      stamped: null,
      problem: 'stored preferences are not usable: updatedAt must be a non-negative integer (UTC ms)',
    });
  });
});

describe('mergeSettings', () => {
  const local: StampedSettings = { settings: DEFAULT_SETTINGS, updatedAt: T };

  it('mergeSettings - the newer incoming value wins', () => {
    const incoming = { settings: STRONG, updatedAt: T + 1 };
    expect(mergeSettings(local, incoming)).toEqual({ result: incoming, winner: 'incoming', problems: [] });
  });

  it('mergeSettings - an older or equally old incoming value keeps local', () => {
    expect(mergeSettings(local, { settings: STRONG, updatedAt: T - 1 })).toEqual({ result: local, winner: 'local', problems: [] });
    expect(mergeSettings(local, { settings: STRONG, updatedAt: T })).toEqual({ result: local, winner: 'local', problems: [] });
  });

  it('mergeSettings - nothing incoming (null / absent) keeps local', () => {
    expect(mergeSettings(local, null)).toEqual({ result: local, winner: 'local', problems: [] });
    expect(mergeSettings(local, undefined)).toEqual({ result: local, winner: 'local', problems: [] });
  });

  it('mergeSettings - an invalid incoming value is refused with reasons, even when newer', () => {
    const merged = mergeSettings(local, { settings: { ...STRONG, leadInSeconds: 30 }, updatedAt: T + 1000 }, 'prefs');
    expect(merged.result).toBe(local);
    expect(merged.winner).toBe('local');
    expect(describeProblems(merged.problems)).toBe('prefs.settings.leadInSeconds must be an integer between 0 and 15');
  });

  it('mergeSettings - a flat (unstamped) incoming value is refused: the wire carries stamps', () => {
    expect(describeProblems(mergeSettings(local, STRONG).problems)).toBe('intensity is not a known field; leadInSeconds is not a known field; halfwayTick is not a known field; screen is not a known field; settings is required; updatedAt is required');
  });

  it('mergeSettings - property: idempotent, the result is one of the inputs and valid', () => {
    fc.assert(
      fc.property(stampedArb, incomingArb, (mine, incoming) => {
        const once = mergeSettings(mine, incoming);
        const twice = mergeSettings(once.result, incoming);
        expect(twice.result).toEqual(once.result);
        expect(twice.winner).toBe('local');
        expect(once.result === mine || JSON.stringify(once.result) === JSON.stringify(incoming)).toBe(true);
        expect(validateStampedSettings(once.result).ok).toBe(true);
        expect(once.winner === 'incoming').toBe(once.result !== mine);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('acceptSettingsOnWatch', () => {
  it('acceptSettingsOnWatch - a newer phone value is stored; an older one leaves the watch change', () => {
    const store = new MemoryStore();
    expect(acceptSettingsOnWatch(store, { settings: STRONG, updatedAt: T })).toEqual({ settings: STRONG, changed: true, problems: [] });
    expect(loadStampedSettings(store)).toEqual({ settings: STRONG, updatedAt: T });
    expect(saveSettings(store, { ...STRONG, intensity: 'gentle' }, T + 5_000).ok).toBe(true);
    expect(acceptSettingsOnWatch(store, { settings: STRONG, updatedAt: T + 1_000 })).toEqual({ settings: { ...STRONG, intensity: 'gentle' }, changed: false, problems: [] });
    expect(loadSettings(store).intensity).toBe('gentle');
  });

  it('acceptSettingsOnWatch - any stamped phone value beats the migrated flat watch value (updatedAt 0)', () => {
    const store = new MemoryStore({ [KEYS.settings]: JSON.stringify(DEFAULT_SETTINGS) });
    expect(acceptSettingsOnWatch(store, { settings: STRONG, updatedAt: 1 }).changed).toBe(true);
    expect(loadSettings(store)).toEqual(STRONG);
  });

  it('acceptSettingsOnWatch - a failed write keeps the watch settings and says why', () => {
    const store = new MemoryStore();
    store.failWrites = true;
    const outcome = acceptSettingsOnWatch(store, { settings: STRONG, updatedAt: T });
    expect(outcome.changed).toBe(false);
    expect(outcome.settings).toEqual(DEFAULT_SETTINGS);
    // Storage refused the whole value, so no field is blamed: the text starts with the storage's reason.
    expect(describeProblems(outcome.problems)).toMatch(/^could not save knead\.settings/);
  });
});
