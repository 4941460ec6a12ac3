// The optional settings added later (reminders, adaptation, "change coming"): absent reads as the
// default and stays absent, present must be valid (docs/week.md, docs/watch.md).

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { describeProblems } from '../../../core/kernel/result';
import { MemoryStore } from '../../fixtures/memory-store';
import { decodeStoredSettings, validateSettings } from '../../../core/settings/settings-validation';
import { acceptSettingsOnWatch, parseStoredSettings } from '../../../core/settings/watch-settings';

describe('optional settings', () => {
  it('settings - "change coming" on or off is kept; anything else is refused by name', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, changeComing: true })).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, changeComing: true } });
    expect(validateSettings({ ...DEFAULT_SETTINGS, changeComing: false })).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, changeComing: false } });
    const bad = validateSettings({ ...DEFAULT_SETTINGS, changeComing: 'yes' });
    expect(bad.ok ? 'ok' : describeProblems(bad.problems)).toBe('changeComing must be true or false');
  });

  it('settings - adaptation off is kept; absent fields stay absent', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, adapt: false })).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, adapt: false } });
    const plain = validateSettings(DEFAULT_SETTINGS);
    expect(plain.ok && Object.keys(plain.value).sort()).toEqual(['halfwayTick', 'intensity', 'leadInSeconds', 'screen']);
  });

  it('settings - the watch reads damaged optional fields leniently: booleans kept, others dropped, reminders as defaults', () => {
    const stored = JSON.stringify({ settings: { ...DEFAULT_SETTINGS, intensity: 'loud', adapt: false, changeComing: 'yes', reminders: { on: 'x' } }, updatedAt: 5 });
    expect(parseStoredSettings(stored)).toEqual({ settings: { ...DEFAULT_SETTINGS, adapt: false, reminders: { on: false, days: [], minute: 1080 } }, updatedAt: 5 });
    const flat = JSON.stringify({ ...DEFAULT_SETTINGS, leadInSeconds: 'long', changeComing: true });
    expect(parseStoredSettings(flat)).toEqual({ settings: { ...DEFAULT_SETTINGS, changeComing: true }, updatedAt: 0 });
  });
});

describe('lenient watch read keeps what is sound', () => {
  it('settings - valid reminders inside an otherwise damaged stored value are kept as they were', () => {
    const reminders = { on: true, days: [0, 2, 4], minute: 450 };
    const stored = JSON.stringify({ settings: { ...DEFAULT_SETTINGS, intensity: 'loud', reminders }, updatedAt: 7 });
    expect(parseStoredSettings(stored)).toEqual({ settings: { ...DEFAULT_SETTINGS, reminders }, updatedAt: 7 });
  });
});

describe('stored shape', () => {
  it('stored settings - a stamp without settings is the stamped shape missing its settings, not the old flat one', () => {
    const decoded = decodeStoredSettings({ updatedAt: 5 });
    expect(decoded.ok ? 'ok' : describeProblems(decoded.problems)).toBe('settings is required');
  });
});

describe('lenient watch read', () => {
  it('watch settings - a damaged value keeps its good fields (gentle is a strength) and a negative stamp reads as 0', () => {
    const stored = JSON.stringify({ settings: { ...DEFAULT_SETTINGS, intensity: 'gentle', screen: 'dim' }, updatedAt: -5 });
    expect(parseStoredSettings(stored)).toEqual({ settings: { ...DEFAULT_SETTINGS, intensity: 'gentle' }, updatedAt: 0 });
  });

  it('watch settings - a refused phone value names its fields under "prefs"', () => {
    const outcome = acceptSettingsOnWatch(new MemoryStore(), { settings: { ...DEFAULT_SETTINGS, leadInSeconds: 99 }, updatedAt: 5 });
    expect(outcome.problems).toEqual([{ path: 'prefs.settings.leadInSeconds', message: 'must be an integer between 0 and 15' }]);
  });
});
