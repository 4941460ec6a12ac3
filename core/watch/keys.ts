// Every localStorage key the watch app owns (the outbox and plan keys belong to core/sync and
// core/phone). Values are strings (JSON) so the same KeyValueStore works on the watch and in tests.

import { SETTINGS_KEY } from '../settings/watch-settings';

export const KEYS = {
  /** The engine snapshot (core/engine snapshot()), written after every transition. */
  session: 'knead.session',
  /** WatchSettings as JSON (the key is core/settings/watch-settings.ts's, which reads and writes it). */
  settings: SETTINGS_KEY,
  /** Id of the routine started last, for the one-tap start on Home. */
  lastRoutine: 'knead.last-routine',
  /** A random id made once per install, the device part of session ids. */
  installId: 'knead.install-id',
  /** A one-line notice for Home (e.g. a session state was set aside), cleared once shown. */
  notice: 'knead.notice',
  /** The last finished record (JSON) for the Summary page. */
  lastSummary: 'knead.last-summary',
  /** The last check-ins' ratings (core/watch/checkin-log), the evidence for adaptation. */
  checkins: 'knead.checkins',
  /** Progression answers (core/routines/progression): which weeks a next step was accepted or declined. */
  progression: 'knead.progression',
  /** ReminderState JSON (core/settings/reminders): armed alarm ids, "Not today", last slot shown. */
  reminder: 'knead.reminder',
  /** The reminder notification's texts in the watch language, written by a page for the service. */
  reminderTexts: 'knead.reminder.texts',
} as const;

/** A corrupt session snapshot is copied verbatim to `knead.session.quarantine.<n>`. */
export const SESSION_QUARANTINE_PREFIX = 'knead.session.quarantine.';
