// The settings a person has before choosing any, as the docs give them: the halfway tick is on
// (docs/haptics.md: "optional, default on"), "change coming" is off (docs/haptics.md, docs/watch.md)
// and the lead-in is 5 s (docs/design.md). The watch (nothing stored, or a stored value too damaged
// to read) and the Settings App (no preferences saved) must start from the same ones.

import { describe, expect, it } from 'vitest';
import { readPrefs } from '../../../core/settings/prefs-store';
import { SETTINGS_KEY, loadSettings, parseStoredSettings } from '../../../core/settings/watch-settings';
import type { WatchSettings } from '../../../core/routines/model';
import { MemoryStore } from '../../fixtures/memory-store';

function documented(settings: WatchSettings): { halfwayTick: boolean; changeComing: boolean; leadInSeconds: number } {
  return { halfwayTick: settings.halfwayTick, changeComing: settings.changeComing === true, leadInSeconds: settings.leadInSeconds };
}

const DOCUMENTED = { halfwayTick: true, changeComing: false, leadInSeconds: 5 };

describe('settings - documented defaults', () => {
  it('settings defaults - a fresh watch ticks at halfway, gives no "change coming" ticks and waits 5 s before the first step', () => {
    expect(documented(loadSettings(new MemoryStore()))).toEqual(DOCUMENTED);
  });

  it('settings defaults - a watch whose stored settings are not JSON starts from the same defaults', () => {
    expect(documented(loadSettings(new MemoryStore({ [SETTINGS_KEY]: '{not json' })))).toEqual(DOCUMENTED);
  });

  it('settings defaults - a stored value that lost its halfway choice reads it as on', () => {
    const stored = JSON.stringify({ settings: { intensity: 'gentle', leadInSeconds: 10, screen: 'allow-off' }, updatedAt: 7 });
    expect(parseStoredSettings(stored).settings.halfwayTick).toBe(true);
  });

  it('settings defaults - the Settings App with no preferences saved shows the same defaults', () => {
    expect(documented(readPrefs(new MemoryStore()).prefs)).toEqual(DOCUMENTED);
  });
});
