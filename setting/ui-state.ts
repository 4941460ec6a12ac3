// The Settings App's own UI state (selected month, open session, drafts, pending confirmation).
// It lives in settingsStorage under 'ui:' so it survives the page being rebuilt after every write;
// the side service ignores these keys and an export never contains them.

import type { KeyValueStore } from '../core/kernel/store';
import { listKeys, readItem, writeAll } from '../core/kernel/store';

export const UI_PREFIX = 'ui:';

export const UI = {
  month: 'ui:history-month',
  session: 'ui:history-session',
  noteMessage: 'ui:note-message',
  reportPeriod: 'ui:report-period',
  planMessage: 'ui:plan-message',
  planCode: 'ui:plan-code',
  planCodeMessage: 'ui:plan-code-message',
  routineDraft: 'ui:routine-draft',
  routineMessage: 'ui:routine-message',
  prefsMessage: 'ui:prefs-message',
  showExport: 'ui:show-export',
  dataMessage: 'ui:data-message',
  /** The id of the last import / delete asked of the side service (its reply is shown). */
  dataRequest: 'ui:data-request',
  confirmDelete: 'ui:confirm-delete',
} as const;

export type UiKey = (typeof UI)[keyof typeof UI];

export function uiGet(store: KeyValueStore, key: UiKey): string | undefined {
  return readItem(store, key).value;
}

/** Sets (or with undefined, clears) UI keys; a failing write is not worth more than a log line. */
export function uiSet(store: KeyValueStore, values: Partial<Record<UiKey, string | undefined>>): void {
  const writes: Array<readonly [string, string | undefined]> = [];
  for (const key of Object.keys(values) as UiKey[]) {
    const value = values[key];
    if (readItem(store, key).value !== value) writes.push([key, value]);
  }
  if (writes.length > 0) writeAll(store, writes);
}

export function clearUi(store: KeyValueStore): void {
  writeAll(store, listKeys(store).filter((k) => k.indexOf(UI_PREFIX) === 0).map((k) => [k, undefined] as const));
}
