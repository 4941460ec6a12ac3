// The person's reminder and adaptation choices, carried inside WatchSettings (optional fields, so
// settings stored before they existed still read): one validator for the phone's Preferences and
// the watch's Settings page, synced by the same last-writer-wins stamp as the cue settings.

import type { ReminderPrefs, Weekday } from '../routines/model';
import type { Problem } from '../kernel/result';
import { joinPath } from '../kernel/result';
import type { ProblemList } from '../kernel/checks';
import { checkInteger, checkKnownKeys, expectObject, readArray, readBoolean, readInteger } from '../kernel/checks';

export type { ReminderPrefs, Weekday };
export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

export const MINUTES_PER_DAY = 24 * 60;
export const DEFAULT_REMINDERS: ReminderPrefs = { on: false, days: [], minute: 18 * 60 };
/** Adaptation is on unless the person turns it off. */
export const DEFAULT_ADAPT = true;

export const REMINDER_FIELDS = ['on', 'days', 'minute'] as const;

export function validateReminderPrefs(input: unknown, path: string, problems: ProblemList): ReminderPrefs | undefined {
  const obj = expectObject(input, path, problems, 'an object with on, days and minute');
  if (obj === undefined) return undefined;
  const before = problems.length;
  checkKnownKeys(obj, REMINDER_FIELDS, path, problems);
  const on = readBoolean(obj, 'on', path, problems);
  const minute = readInteger(obj, 'minute', path, problems, 0, MINUTES_PER_DAY - 1);
  const raw = readArray(obj, 'days', path, problems, 7);
  const days: Weekday[] = [];
  if (raw !== undefined) {
    raw.forEach((value, index) => {
      const day = checkInteger(value, joinPath(joinPath(path, 'days'), index), problems, 0, 6);
      if (day === undefined) return;
      if (days.indexOf(day as Weekday) >= 0) problems.push({ path: joinPath(joinPath(path, 'days'), index), message: 'repeats a day' });
      else days.push(day as Weekday);
    });
  }
  if (problems.length > before || on === undefined || minute === undefined) return undefined;
  return { on, days: days.sort((a, b) => a - b), minute };
}

/** Lenient read for the watch: anything unusable reads as the default, never blocks a session. */
export function lenientReminderPrefs(input: unknown): ReminderPrefs {
  const problems: Problem[] = [];
  return validateReminderPrefs(input, '', problems) ?? DEFAULT_REMINDERS;
}

/**
 * Days to remind on when the person chose none: spread over the week to match the plan's weekly
 * target (no plan or no target: Monday, Wednesday, Friday).
 */
export function defaultDays(weeklyTarget: number): readonly Weekday[] {
  const spread: Readonly<Record<number, readonly Weekday[]>> = {
    1: [2],
    2: [1, 3],
    3: [0, 2, 4],
    4: [0, 1, 3, 4],
    5: [0, 1, 2, 3, 4],
    6: [0, 1, 2, 3, 4, 5],
  };
  if (weeklyTarget >= 7) return WEEKDAYS;
  return spread[weeklyTarget] ?? [0, 2, 4];
}
