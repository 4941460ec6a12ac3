// The Preferences rows for reminders (on/off, days, time) and adaptation (on/off). They are part
// of the same stamped preferences as the cue settings, so they reach the watch the same way.

import type { WatchSettings } from '../core/routines/model';
import { DEFAULT_ADAPT, WEEKDAYS } from '../core/settings/reminder-prefs';
import type { Weekday } from '../core/settings/reminder-prefs';
import { reminderPrefsOf } from '../core/settings/reminders';
import { clockText } from '../core/watch/reminder-settings';
import { tr } from './text';

/** Every half hour from 06:00 to 22:00. */
const TIME_CHOICES: readonly number[] = Array.from({ length: 33 }, (_, i) => 6 * 60 + i * 30);

export function reminderControls(prefs: WatchSettings, change: (patch: Partial<WatchSettings>) => void): SettingsNode[] {
  const reminders = reminderPrefsOf(prefs);
  const toggleDay = (day: Weekday, on: boolean): void => {
    const days = on ? reminders.days.filter((d) => d !== day).concat([day]) : reminders.days.filter((d) => d !== day);
    change({ reminders: { ...reminders, days: days.sort((a, b) => a - b) } });
  };
  const times = TIME_CHOICES.indexOf(reminders.minute) >= 0 ? TIME_CHOICES : TIME_CHOICES.concat([reminders.minute]).sort((a, b) => a - b);
  const nodes: SettingsNode[] = [Toggle({ label: tr('set.prefs.reminders'), value: reminders.on, onChange: (on: boolean) => change({ reminders: { ...reminders, on } }) })];
  if (reminders.on) {
    nodes.push(Text({ paragraph: true }, [tr('set.prefs.reminder-days')]));
    for (const day of WEEKDAYS) {
      nodes.push(Toggle({ label: tr(`set.weekday.${day}`), value: reminders.days.indexOf(day) >= 0, onChange: (on: boolean) => toggleDay(day, on) }));
    }
    nodes.push(
      Select({
        label: tr('set.prefs.reminder-time'),
        options: times.map((m) => ({ name: clockText(m), value: String(m) })),
        value: String(reminders.minute),
        onChange: (value: string) => change({ reminders: { ...reminders, minute: Number(value) } }),
      }),
    );
  }
  nodes.push(Toggle({ label: tr('set.prefs.adapt'), value: prefs.adapt ?? DEFAULT_ADAPT, onChange: (adapt: boolean) => change({ adapt }) }));
  return nodes;
}
