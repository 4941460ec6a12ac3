// The watch Settings page's reminder rows: tap to cycle through a few sensible choices (picking
// single days on a small screen is fiddly; the phone's Preferences offer every combination).

import type { ReminderPrefs, Weekday } from '../settings/reminder-prefs';
import { MINUTES_PER_DAY } from '../settings/reminder-prefs';

/** [] = follow the plan's weekly target. */
export const DAY_CHOICES: readonly (readonly Weekday[])[] = [[], [0, 2, 4], [1, 3, 5], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5, 6], [5, 6]];
export const MINUTE_CHOICES: readonly number[] = [7 * 60, 8 * 60, 12 * 60, 17 * 60, 18 * 60, 19 * 60, 20 * 60, 21 * 60];

function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function nextReminderDays(prefs: ReminderPrefs): ReminderPrefs {
  const index = DAY_CHOICES.findIndex((c) => sameDays(c, prefs.days));
  return { ...prefs, days: DAY_CHOICES[(index + 1) % DAY_CHOICES.length] ?? [] };
}

export function nextReminderMinute(prefs: ReminderPrefs): ReminderPrefs {
  const later = MINUTE_CHOICES.find((m) => m > prefs.minute);
  return { ...prefs, minute: later ?? MINUTE_CHOICES[0] ?? 18 * 60 };
}

/** 'HH:MM' for minutes after midnight. */
export function clockText(minute: number): string {
  const m = ((Math.round(minute) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const h = Math.floor(m / 60);
  const mm = m % 60;
  return `${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}`;
}
