// Preferences: how the watch cues (intensity, lead-in, halfway tick, screen behaviour), reminders
// and adaptation. Stored by
// core/settings/prefs-store with the time of the change; the side service hands them to the watch
// with its next plan.get, where the newer of the phone's and the watch's own change wins.

import type { WatchSettings } from '../core/routines/model';
import { CUE_INTENSITIES, SCREEN_BEHAVIOURS } from '../core/routines/model';
import { readPrefs, savePrefs } from '../core/settings/prefs-store';
import { describeProblems } from '../core/kernel/result';
import type { KeyValueStore } from '../core/kernel/store';
import { UI, uiGet, uiSet } from './ui-state';
import { tr } from './text';
import { reminderControls } from './reminder-prefs-view';

const SCREEN_TEXT: Readonly<Record<string, string>> = { 'keep-on': 'set.prefs.keep-on', 'allow-off': 'set.prefs.allow-off' };

/** msgid of the explainer (en-US: "Saved on the phone and applied on the watch at its next sync…"). */
export const PREFS_EXPLAINER = 'set.prefs.explainer';

export function prefsSection(store: KeyValueStore): SettingsNode {
  const { prefs, problem } = readPrefs(store);
  const message = uiGet(store, UI.prefsMessage);
  const change = (patch: Partial<WatchSettings>): void => {
    // Stamped with the time of the change itself, not of the page build (core keeps stamps rising).
    const saved = savePrefs(store, { ...prefs, ...patch }, Date.now());
    uiSet(store, { [UI.prefsMessage]: saved.ok ? undefined : tr('set.not-saved', { problem: describeProblems(saved.problems) }) });
  };
  return Section({ title: tr('set.prefs') }, [
    Text({ paragraph: true }, [tr(PREFS_EXPLAINER)]),
    problem === undefined ? null : Text({ paragraph: true }, [tr('set.prefs.unreadable', { problem })]),
    Select({
      label: tr('set.prefs.cue'),
      options: CUE_INTENSITIES.map((i) => ({ name: tr(`intensity.${i}`), value: i })),
      value: prefs.intensity,
      onChange: (value: string) => change({ intensity: value as WatchSettings['intensity'] }),
    }),
    Slider({ label: tr('set.prefs.lead-in', { seconds: prefs.leadInSeconds }), min: 0, max: 15, step: 1, value: prefs.leadInSeconds, onChange: (value: number) => change({ leadInSeconds: value }) }),
    Toggle({ label: tr('set.prefs.halfway'), value: prefs.halfwayTick, onChange: (value: boolean) => change({ halfwayTick: value }) }),
    Select({
      label: tr('set.prefs.screen'),
      options: SCREEN_BEHAVIOURS.map((s) => ({ name: SCREEN_TEXT[s] ? tr(SCREEN_TEXT[s]) : s, value: s })),
      value: prefs.screen,
      onChange: (value: string) => change({ screen: value as WatchSettings['screen'] }),
    }),
    ...reminderControls(prefs, change),
    message === undefined ? null : Text({ paragraph: true }, [message]),
  ]);
}
