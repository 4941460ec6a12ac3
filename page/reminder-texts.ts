// The reminder notification's texts in the watch language, handed to the reminder service
// (which runs without pages' i18n) through storage whenever a page re-arms the reminders.

import { t } from './text';
import type { ReminderTexts } from '../core/watch/reminder-store';
import { armReminders } from '../platform/reminders';

export function reminderTexts(): ReminderTexts {
  return { title: t('reminder.title'), content: t('reminder.content'), start: t('reminder.start'), snooze: t('reminder.snooze'), notToday: t('reminder.not-today') };
}

/** Re-arms the reminder alarm from the stored settings and plan (cheap when nothing changed). */
export function rearmReminders(): void {
  armReminders(reminderTexts());
}
