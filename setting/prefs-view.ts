// Preferences: how the watch cues (intensity, lead-in, halfway tick, screen behaviour). Stored by
// core/phone/prefs-store with the time of the change; the side service hands them to the watch
// with its next plan.get, where the newer of the phone's and the watch's own change wins.

import type { WatchSettings } from '../core/model';
import { CUE_INTENSITIES, SCREEN_BEHAVIOURS } from '../core/model';
import { readPrefs, savePrefs } from '../core/phone/prefs-store';
import { describeProblems } from '../core/result';
import type { KeyValueStore } from '../core/sync/store';
import { UI, uiGet, uiSet } from './ui-state';

const SCREEN_TEXT: Readonly<Record<string, string>> = { 'keep-on': 'Keep the screen on during a session', 'allow-off': 'Let the screen sleep (cues continue)' };

export const PREFS_EXPLAINER =
  'Saved on the phone and applied on the watch at its next sync (when Knead next opens on the watch, ' +
  'or at once while its Home screen is open). A change made later on the watch itself wins; ' +
  'this section shows the values last saved on the phone.';

export function prefsSection(store: KeyValueStore): SettingsNode {
  const { prefs, problem } = readPrefs(store);
  const message = uiGet(store, UI.prefsMessage);
  const change = (patch: Partial<WatchSettings>): void => {
    // Stamped with the time of the change itself, not of the page build (core keeps stamps rising).
    const saved = savePrefs(store, { ...prefs, ...patch }, Date.now());
    uiSet(store, { [UI.prefsMessage]: saved.ok ? undefined : `Not saved: ${describeProblems(saved.problems)}` });
  };
  return Section({ title: 'Preferences' }, [
    Text({ paragraph: true }, [PREFS_EXPLAINER]),
    problem === undefined ? null : Text({ paragraph: true }, [`Stored preferences were unreadable (${problem}); showing defaults.`]),
    Select({
      label: 'Cue strength',
      options: CUE_INTENSITIES.map((i) => ({ name: i, value: i })),
      value: prefs.intensity,
      onChange: (value: string) => change({ intensity: value as WatchSettings['intensity'] }),
    }),
    Slider({ label: `Lead-in: ${prefs.leadInSeconds} s`, min: 0, max: 15, step: 1, value: prefs.leadInSeconds, onChange: (value: number) => change({ leadInSeconds: value }) }),
    Toggle({ label: 'Halfway tick on long steps', value: prefs.halfwayTick, onChange: (value: boolean) => change({ halfwayTick: value }) }),
    Select({
      label: 'Screen',
      options: SCREEN_BEHAVIOURS.map((s) => ({ name: SCREEN_TEXT[s] || s, value: s })),
      value: prefs.screen,
      onChange: (value: string) => change({ screen: value as WatchSettings['screen'] }),
    }),
    message === undefined ? null : Text({ paragraph: true }, [message]),
  ]);
}
