// The reminder shell: core/settings/reminders decides, this file performs it with @zos/alarm and
// @zos/notification. Pages call armReminders() (launch, plan or preference change, Settings);
// app-service/reminder-service calls the rest when an alarm or a notification action wakes it.

import { REPEAT_WEEK, WEEK_FRI, WEEK_MON, WEEK_SAT, WEEK_SUN, WEEK_THU, WEEK_TUE, WEEK_WED, cancel, getAllAlarms, set } from '@zos/alarm';
import { notify } from '@zos/notification';
import { readPlan } from '../core/routines/plan-store';
import type { TherapistPlan } from '../core/routines/model';
import { REMINDER_PARAMS, SNOOZE_SECONDS, planRearm, reminderVerdict, wantedReminder } from '../core/settings/reminders';
import type { ReminderVerdict } from '../core/settings/reminders';
import { localDay } from '../core/kernel/local-time';
import { outboxStatus } from '../core/sync/outbox';
import type { ReminderTexts } from '../core/watch/reminder-store';
import { loadReminderState, loadReminderTexts, saveReminderState, saveReminderTexts } from '../core/watch/reminder-store';
import { loadSettings } from '../core/settings/watch-settings';
import { watchStore } from './storage';
import { now, tzOffsetMin } from './system';

export const REMINDER_SERVICE = 'app-service/reminder-service';
const START_PAGE = 'page/home/index.page';
const WEEK_BITS = [WEEK_MON, WEEK_TUE, WEEK_WED, WEEK_THU, WEEK_FRI, WEEK_SAT, WEEK_SUN];

/**
 * Re-arms the weekly alarm to match settings and plan (or cancels all when reminders are off).
 * `plan`: the stored plan when the caller has just read it (Home), so it is not parsed twice.
 */
export function armReminders(texts: ReminderTexts, plan: TherapistPlan | null = readPlan(watchStore).plan): void {
  const at = now();
  const wanted = wantedReminder(loadSettings(watchStore), plan, at, tzOffsetMin(at));
  if (wanted !== null) saveReminderTexts(watchStore, texts);
  const before = loadReminderState(watchStore);
  const rearm = planRearm(before, wanted, getAllAlarms());
  for (const id of rearm.cancel) cancel(id);
  let state = rearm.state;
  if (rearm.arm && wanted !== null) {
    const mask = wanted.days.reduce((bits: number, day) => bits | (WEEK_BITS[day] ?? 0), 0);
    const id = set({ url: REMINDER_SERVICE, time: Math.floor(wanted.at / 1000), repeat_type: REPEAT_WEEK, week_days: mask, param: REMINDER_PARAMS.weekly, store: true });
    // 0 = refused: leave the signature empty so the next launch tries again.
    state = { ...state, alarmId: id, signature: id === 0 ? '' : state.signature };
  }
  // Storage writes block the watch UI: write only what changed.
  if (JSON.stringify(state) !== JSON.stringify(before)) saveReminderState(watchStore, state);
}

/** An alarm fired: show the reminder unless core says not to. */
export function fireReminder(kind: 'weekly' | 'snooze'): ReminderVerdict {
  const at = now();
  const tz = tzOffsetMin(at);
  const stateBefore = loadReminderState(watchStore);
  const state = kind === 'snooze' ? { ...stateBefore, snoozeId: 0 } : stateBefore;
  const verdict = reminderVerdict({
    settings: loadSettings(watchStore),
    plan: readPlan(watchStore).plan,
    recent: outboxStatus(watchStore).recent,
    state,
    now: at,
    tzOffsetMin: tz,
    kind,
  });
  if (verdict.show) {
    const texts = loadReminderTexts(watchStore);
    notify({
      title: texts.title,
      content: texts.content,
      actions: [
        { text: texts.start, file: START_PAGE },
        { text: texts.snooze, file: REMINDER_SERVICE, param: REMINDER_PARAMS.snoozeAction },
        { text: texts.notToday, file: REMINDER_SERVICE, param: REMINDER_PARAMS.notTodayAction },
      ],
    });
    saveReminderState(watchStore, { ...state, lastSlot: verdict.slot });
  } else if (state !== stateBefore) saveReminderState(watchStore, state);
  return verdict;
}

/** "Snooze 30 min": one one-off alarm; a snooze already pending is kept instead of adding one. */
export function snoozeReminder(): void {
  const state = loadReminderState(watchStore);
  if (state.snoozeId !== 0 && getAllAlarms().indexOf(state.snoozeId) >= 0) return;
  const id = set({ url: REMINDER_SERVICE, delay: SNOOZE_SECONDS, param: REMINDER_PARAMS.snooze });
  saveReminderState(watchStore, { ...state, snoozeId: id });
}

/** "Not today": no more reminders today (a pending snooze is cancelled too). */
export function skipToday(): void {
  const state = loadReminderState(watchStore);
  if (state.snoozeId !== 0) cancel(state.snoozeId);
  const at = now();
  saveReminderState(watchStore, { ...state, snoozeId: 0, notTodayDay: localDay(at, tzOffsetMin(at)) });
}
