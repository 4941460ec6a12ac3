// Settings: cue strength with a sample, feel each cue, lead-in, halfway and change-coming ticks, reminders, adaptation. Wiring only: the rules live in core/.
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { SettingsLayout } from './settings-layout';
import type { FlowItem } from '../kit';
import { t } from '../text';
import { watchStore } from '../../platform/storage';
import { apiLevel, clock } from '../../platform/system';
import { createVibratorPort } from '../../platform/vibrator';
import { CUE_NAMES } from '../../core/engine';
import type { CueName } from '../../core/engine';
import type { WatchSettings } from '../../core/routines/model';
import { createCueSampler } from '../../core/watch/cue-sampler';
import type { CueSampler } from '../../core/watch/cue-sampler';
import { supportsSceneArrays } from '../../core/watch/api-level';
import { loadSettings, nextIntensity, nextLeadIn, nextScreen, saveSettings } from '../../core/settings/watch-settings';
import { readPlan } from '../../core/routines/plan-store';
import { reminderDays, reminderPrefsOf } from '../../core/settings/reminders';
import { DEFAULT_ADAPT } from '../../core/settings/reminder-prefs';
import type { ReminderPrefs } from '../../core/settings/reminder-prefs';
import { clockText, nextReminderDays, nextReminderMinute } from '../../core/watch/reminder-settings';
import { rearmReminders } from '../reminder-texts';

const view = layout as SettingsLayout;

/** The cue a strength change plays as a sample of the new strength. */
const STRENGTH_SAMPLE: CueName = 'next-area';


/** One Settings page instance: its cue sampler and the cue last felt live here, not in the module. */
function settingsPage() {
  let sampler: CueSampler | null = null;
  /** The cue last started here, named under "Feel each cue" so each sample is felt and read together. */
  let lastCue: CueName | null = null;

  /** A change on the watch, stamped with the watch's clock so it beats older phone Preferences. */
  function update(settings: WatchSettings): void {
    if (!saveSettings(watchStore, settings, clock.now()).ok) {
      view.renderSettings(t('settings.title'), [{ kind: 'text', text: t('settings.save-failed'), tone: 'warning' }]);
      return;
    }
    rearmReminders();
    draw();
  }

  /** Reminder on/off, days, time, and adaptation on/off. */
  function reminderRows(s: WatchSettings): FlowItem[] {
    const prefs = reminderPrefsOf(s);
    const setPrefs = (reminders: ReminderPrefs): void => update({ ...s, reminders });
    const days = reminderDays(prefs, readPlan(watchStore).plan)
      .map((d) => t(`weekday.${d}`))
      .join(' ');
    const adapt = s.adapt ?? DEFAULT_ADAPT;
    const rows: FlowItem[] = [{ kind: 'button', text: t(prefs.on ? 'settings.reminders-on' : 'settings.reminders-off'), onClick: () => setPrefs({ ...prefs, on: !prefs.on }) }];
    if (prefs.on) {
      rows.push({ kind: 'button', text: t(prefs.days.length === 0 ? 'settings.reminder-days-plan' : 'settings.reminder-days', { days }), onClick: () => setPrefs(nextReminderDays(prefs)) });
      rows.push({ kind: 'button', text: t('settings.reminder-time', { time: clockText(prefs.minute) }), onClick: () => setPrefs(nextReminderMinute(prefs)) });
    }
    rows.push({ kind: 'button', text: t(adapt ? 'settings.adapt-on' : 'settings.adapt-off'), onClick: () => update({ ...s, adapt: !adapt }) });
    return rows;
  }

  /** The next strength, saved, then felt: a sample at the new strength (it waits for one still playing). */
  function changeIntensity(s: WatchSettings): void {
    const intensity = nextIntensity(s.intensity);
    update({ ...s, intensity });
    sampler?.play(STRENGTH_SAMPLE, intensity);
  }

  function draw(): void {
    const s = loadSettings(watchStore);
    const items: FlowItem[] = [
      { kind: 'button', text: t('settings.intensity', { value: t(`intensity.${s.intensity}`) }), onClick: () => changeIntensity(s) },
      { kind: 'button', text: t('settings.lead-in', { seconds: s.leadInSeconds }), onClick: () => update({ ...s, leadInSeconds: nextLeadIn(s.leadInSeconds) }) },
      { kind: 'button', text: t(s.halfwayTick ? 'settings.halfway-on' : 'settings.halfway-off'), onClick: () => update({ ...s, halfwayTick: !s.halfwayTick }) },
      { kind: 'button', text: t(s.changeComing === true ? 'settings.coming-on' : 'settings.coming-off'), onClick: () => update({ ...s, changeComing: s.changeComing !== true }) },
      { kind: 'button', text: t(s.screen === 'keep-on' ? 'settings.screen-keep-on' : 'settings.screen-allow-off'), onClick: () => update({ ...s, screen: nextScreen(s.screen) }) },
      ...reminderRows(s),
      { kind: 'text', text: t('settings.feel'), tone: 'dim' },
      { kind: 'text', text: t('settings.cue-felt', { cue: lastCue === null ? '–' : t(`cue.${lastCue}`) }) },
    ];
    for (const cue of CUE_NAMES) {
      items.push({ kind: 'button', text: t(`cue.${cue}`), onClick: () => sampler?.play(cue, s.intensity) });
    }
    view.renderSettings(t('settings.title'), items);
  }

  return {
    state: {},
    build() {
      sampler = createCueSampler({
        now: clock.now,
        motor: createVibratorPort(supportsSceneArrays(apiLevel())),
        later: (ms, run) => {
          // A sample still waiting when the page closes is dropped: the person has moved on.
          setTimeout(() => {
            if (sampler !== null) run();
          }, ms);
        },
        playing: (cue) => {
          lastCue = cue;
          // Only while the page is open: a sample that waited past onDestroy has nothing to name it on.
          if (sampler !== null) draw();
        },
      });
      lastCue = null;
      draw();
    },
    onDestroy() {
      // A sample still playing finishes on its own: stopping it would cut the cue being felt.
      sampler = null;
    },
  };
}

// No ZML BasePage: this page neither sends nor hears messages (docs/watch.md "Size").
Page(settingsPage());
