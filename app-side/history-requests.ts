// Which settingsStorage change is a history request from the Settings App (core applies it).

import { REQUEST_PREFIX } from '../core/phone/history-requests';
import { isPlainObject } from '../core/kernel/json';

/** The request id when `change` ({key, newValue, oldValue}) adds a `request:<id>` key, else null. */
export function historyRequestId(change: unknown): string | null {
  if (!isPlainObject(change)) return null;
  const key = change['key'];
  if (typeof key !== 'string' || key.indexOf(REQUEST_PREFIX) !== 0) return null;
  // Its own removal of a request, and removals by anyone, are not requests.
  if (change['newValue'] === null || change['newValue'] === undefined) return null;
  return key.slice(REQUEST_PREFIX.length);
}
