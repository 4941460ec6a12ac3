// The watch's reminder state (core/settings/reminders ReminderState) and the notification texts, as JSON
// in the watch store. Read leniently: a damaged value reads as "nothing armed", which only makes
// the next re-arm cancel whatever getAllAlarms() lists and set the weekly alarm afresh.

import type { ReminderState } from '../settings/reminders';
import { EMPTY_REMINDER_STATE } from '../settings/reminders';
import type { KeyValueStore, WriteResult } from '../kernel/store';
import { readItem, writeAll } from '../kernel/store';
import { KEYS } from './keys';

/** The texts a page writes (in the watch language) for the service, which has no i18n of its own. */
export interface ReminderTexts {
  readonly title: string;
  readonly content: string;
  readonly start: string;
  readonly snooze: string;
  readonly notToday: string;
}

export const ENGLISH_REMINDER_TEXTS: ReminderTexts = {
  title: 'Knead',
  content: 'Time for your self-massage',
  start: 'Start',
  snooze: 'Snooze 30 min',
  notToday: 'Not today',
};

function parse(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function loadReminderState(store: KeyValueStore): ReminderState {
  const raw = parse(readItem(store, KEYS.reminder).value);
  if (typeof raw !== 'object' || raw === null) return EMPTY_REMINDER_STATE;
  const r = raw as Record<string, unknown>;
  return {
    alarmId: isId(r['alarmId']) ? r['alarmId'] : 0,
    signature: typeof r['signature'] === 'string' ? r['signature'] : '',
    snoozeId: isId(r['snoozeId']) ? r['snoozeId'] : 0,
    notTodayDay: typeof r['notTodayDay'] === 'number' && Number.isSafeInteger(r['notTodayDay']) ? r['notTodayDay'] : null,
    lastSlot: typeof r['lastSlot'] === 'string' ? r['lastSlot'] : null,
  };
}

export function saveReminderState(store: KeyValueStore, state: ReminderState): WriteResult {
  return writeAll(store, [[KEYS.reminder, JSON.stringify(state)]]);
}

export function loadReminderTexts(store: KeyValueStore): ReminderTexts {
  const raw = parse(readItem(store, KEYS.reminderTexts).value);
  if (typeof raw !== 'object' || raw === null) return ENGLISH_REMINDER_TEXTS;
  const r = raw as Record<string, unknown>;
  const pick = (key: keyof ReminderTexts): string => (typeof r[key] === 'string' && r[key] !== '' ? (r[key] as string) : ENGLISH_REMINDER_TEXTS[key]);
  return { title: pick('title'), content: pick('content'), start: pick('start'), snooze: pick('snooze'), notToday: pick('notToday') };
}

export function saveReminderTexts(store: KeyValueStore, texts: ReminderTexts): WriteResult {
  const current = readItem(store, KEYS.reminderTexts).value;
  const next = JSON.stringify(texts);
  return current === next ? { ok: true } : writeAll(store, [[KEYS.reminderTexts, next]]);
}
