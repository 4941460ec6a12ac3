// The reminder service: a single execution (at most 600 ms) woken by the weekly alarm or the
// snooze alarm (param in onInit), or by the reminder notification's Snooze / Not today actions
// (param in onEvent). Every handler is idempotent, so a firmware that hands the param to both
// lifecycles does no harm. It only reads and writes small keys and calls the system; no timers.

import { exit } from '@zos/app-service';
import { REMINDER_PARAMS } from '../core/settings/reminders';
import { fireReminder, skipToday, snoozeReminder } from '../platform/reminders';

function handle(param: unknown): void {
  if (param === REMINDER_PARAMS.weekly) fireReminder('weekly');
  else if (param === REMINDER_PARAMS.snooze) fireReminder('snooze');
  else if (param === REMINDER_PARAMS.snoozeAction) snoozeReminder();
  else if (param === REMINDER_PARAMS.notTodayAction) skipToday();
}

// onEvent is how the docs' notification guide delivers an action's param; the typings lack it,
// so the options are built first (no excess-property check) and passed as they are.
const service = {
  onInit(param?: string) {
    handle(param);
    exit();
  },
  onEvent(param?: string) {
    handle(param);
    exit();
  },
};
AppService(service);
