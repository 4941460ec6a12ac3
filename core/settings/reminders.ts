// When Knead reminds, as pure rules over numbers (the watch shell in platform/reminders.ts turns
// them into @zos/alarm and @zos/notification calls):
//
// - one weekly alarm on the reminder days at the reminder time (local), first fire strictly after
//   now; it is re-armed whenever the wanted days, time or zone change (a plan or a preferences
//   change), and every alarm of Knead is cancelled when reminders are off;
// - when it fires, the reminder is shown unless a session that counts already happened today,
//   the person said "Not today" today, the week's target is already met, or this slot was shown;
// - Snooze = one one-off alarm 30 min later (a second Snooze replaces nothing: one is enough).

import { localDay, localWeekStart } from '../kernel/local-time';
import type { SessionRecord, TherapistPlan, WatchSettings } from '../routines/model';
import type { ReminderPrefs, Weekday } from './reminder-prefs';
import { DEFAULT_REMINDERS, MINUTES_PER_DAY, defaultDays } from './reminder-prefs';
import { countsTowardTarget, onTarget } from '../routines/weekly-target';

export const SNOOZE_SECONDS = 30 * 60;
const MINUTE_MS = 60_000;
const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;

/** Alarm params and notification action params (strings, as the platform requires). */
export const REMINDER_PARAMS = { weekly: 'reminder', snooze: 'snooze', snoozeAction: 'action=snooze', notTodayAction: 'action=not-today' } as const;

export function reminderPrefsOf(settings: WatchSettings): ReminderPrefs {
  return settings.reminders ?? DEFAULT_REMINDERS;
}

/** The days reminders go off: the chosen ones, or spread to match the plan's weekly target. */
export function reminderDays(prefs: ReminderPrefs, plan: TherapistPlan | null): readonly Weekday[] {
  return prefs.days.length > 0 ? prefs.days : defaultDays(plan === null ? 0 : plan.weeklyTarget);
}

/** Monday = 0 … Sunday = 6 of the local day `day` (days since 1970-01-01, a Thursday). */
export function weekdayOf(day: number): Weekday {
  return ((((day + 3) % 7) + 7) % 7) as Weekday;
}

/** The first time strictly after `now` that is `minute` local on one of `days` (UTC ms). */
export function nextReminderAt(days: readonly Weekday[], minute: number, now: number, tzOffsetMin: number): number | null {
  if (days.length === 0) return null;
  const today = localDay(now, tzOffsetMin);
  for (let d = today; d <= today + 7; d += 1) {
    const at = d * DAY_MS + minute * MINUTE_MS - tzOffsetMin * MINUTE_MS;
    if (at > now && days.indexOf(weekdayOf(d)) >= 0) return at;
  }
  return null;
}

/** The weekly alarm Knead wants, or null when reminders are off. */
export interface WantedReminder {
  readonly days: readonly Weekday[];
  readonly minute: number;
  /** First fire, UTC ms (whole seconds). */
  readonly at: number;
  /** Equal signatures = the armed alarm already does what is wanted (no re-arm). */
  readonly signature: string;
}

export function wantedReminder(settings: WatchSettings, plan: TherapistPlan | null, now: number, tzOffsetMin: number): WantedReminder | null {
  const prefs = reminderPrefsOf(settings);
  if (!prefs.on) return null;
  const days = reminderDays(prefs, plan);
  const at = nextReminderAt(days, prefs.minute, now, tzOffsetMin);
  if (at === null) return null;
  return { days, minute: prefs.minute, at, signature: `${days.join('')}@${prefs.minute}@${tzOffsetMin}` };
}

/** What the watch remembers about its reminders (JSON under KEYS.reminder). */
export interface ReminderState {
  /** Id of the weekly alarm (0 = none armed). */
  readonly alarmId: number;
  readonly signature: string;
  /** Id of the pending snooze alarm (0 = none). */
  readonly snoozeId: number;
  /** Local day on which the person said "Not today" (null = never). */
  readonly notTodayDay: number | null;
  /** The last slot a reminder was shown for ("<day>@<minute>" or "snooze@<utc minute>"). */
  readonly lastSlot: string | null;
}

export const EMPTY_REMINDER_STATE: ReminderState = { alarmId: 0, signature: '', snoozeId: 0, notTodayDay: null, lastSlot: null };

export interface RearmPlan {
  /** Alarm ids to cancel. */
  readonly cancel: readonly number[];
  /** True: set a new weekly alarm for `wanted`. */
  readonly arm: boolean;
  /** The state after cancelling (alarmId 0 when arm is true: the caller fills in the new id). */
  readonly state: ReminderState;
}

/**
 * Brings the armed alarms in line with `wanted`. `existing` is getAllAlarms(): anything there that
 * is neither the matching weekly alarm nor (while reminders are on) the pending snooze is
 * cancelled, so there is never more than one reminder for a slot, whatever an earlier run left.
 */
export function planRearm(state: ReminderState, wanted: WantedReminder | null, existing: readonly number[]): RearmPlan {
  const keepWeekly = wanted !== null && state.alarmId !== 0 && state.signature === wanted.signature && existing.indexOf(state.alarmId) >= 0;
  const keepSnooze = wanted !== null && state.snoozeId !== 0 && existing.indexOf(state.snoozeId) >= 0;
  const cancel = existing.filter((id) => !(keepWeekly && id === state.alarmId) && !(keepSnooze && id === state.snoozeId));
  return {
    cancel,
    arm: wanted !== null && !keepWeekly,
    state: {
      ...state,
      alarmId: keepWeekly ? state.alarmId : 0,
      signature: wanted === null ? '' : wanted.signature,
      snoozeId: keepSnooze ? state.snoozeId : 0,
    },
  };
}

export type ReminderVerdict =
  | { readonly show: true; readonly slot: string }
  | { readonly show: false; readonly reason: 'off' | 'done-today' | 'not-today' | 'target-met' | 'already-shown' };

export interface FireInput {
  readonly settings: WatchSettings;
  readonly plan: TherapistPlan | null;
  /** The watch's recent sessions (the outbox's list). */
  readonly recent: readonly Pick<SessionRecord, 'startedAt' | 'tzOffsetMin' | 'status'>[];
  readonly state: ReminderState;
  readonly now: number;
  readonly tzOffsetMin: number;
  readonly kind: 'weekly' | 'snooze';
}

/** Whether an alarm that just fired should show the reminder. */
export function reminderVerdict(input: FireInput): ReminderVerdict {
  const { now, tzOffsetMin, state } = input;
  if (!reminderPrefsOf(input.settings).on) return { show: false, reason: 'off' };
  const today = localDay(now, tzOffsetMin);
  const counting = input.recent.filter(countsTowardTarget);
  if (counting.some((e) => localDay(e.startedAt, tzOffsetMin) === today)) return { show: false, reason: 'done-today' };
  if (state.notTodayDay === today) return { show: false, reason: 'not-today' };
  const week = localWeekStart(now, tzOffsetMin);
  const target = input.plan === null ? 0 : input.plan.weeklyTarget;
  const thisWeek = counting.filter((e) => localWeekStart(e.startedAt, tzOffsetMin) === week).length;
  if (target > 0 && onTarget(thisWeek, target)) return { show: false, reason: 'target-met' };
  const minuteOfDay = Math.floor((now + tzOffsetMin * MINUTE_MS - today * DAY_MS) / MINUTE_MS);
  const slot = input.kind === 'snooze' ? `snooze@${Math.floor(now / MINUTE_MS)}` : `${today}@${minuteOfDay}`;
  if (state.lastSlot === slot) return { show: false, reason: 'already-shown' };
  return { show: true, slot };
}
