// The reminder notification's texts in the watch language, handed to the reminder service
// (which runs without pages' i18n) through storage whenever a page re-arms the reminders.

import { t } from './text';
import type { ReminderTexts } from '../core/watch/reminder-store';
import { armReminders } from '../platform/reminders';
import type { TherapistPlan } from '../core/routines/model';

export function reminderTexts(): ReminderTexts {
  return { title: t('reminder.title'), content: t('reminder.content'), start: t('reminder.start'), snooze: t('reminder.snooze'), notToday: t('reminder.not-today') };
}

/** Re-arms the reminder alarm from the stored settings and plan (cheap when nothing changed); `plan` when the caller has just read it. */
export function rearmReminders(plan?: TherapistPlan | null): void {
  if (plan === undefined) armReminders(reminderTexts());
  else armReminders(reminderTexts(), plan);
}
