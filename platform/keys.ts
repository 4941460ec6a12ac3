// Physical keys for the Session page (@zos/interaction onKey, API 2.0): registered only on watches
// with four keys (getDeviceInfo().keyNumber), and only a CLICK acts; its press and release (which
// the docs say come first) are taken too so the system does nothing else with SELECT or DOWN.
// onKey holds one listener per app and outlives the page, so the page removes it in onDestroy.

import { getDeviceInfo } from '@zos/device';
import { KEY_DOWN, KEY_EVENT_CLICK, KEY_SELECT, offKey, onKey } from '@zos/interaction';
import { sessionKeysOn } from '../core/watch/session-keys';
import type { SessionKey } from '../core/watch/session-keys';

function keyNumber(): number {
  const n: unknown = getDeviceInfo().keyNumber;
  return typeof n === 'number' ? n : 0;
}

/** Listens for SELECT / DOWN clicks; returns whether it listens (false on watches with fewer keys). */
export function listenSessionKeys(clicked: (key: SessionKey) => void): boolean {
  if (!sessionKeysOn(keyNumber())) return false;
  onKey({
    callback: (key: number, keyEvent: number) => {
      const which: SessionKey = key === KEY_SELECT ? 'select' : key === KEY_DOWN ? 'down' : 'other';
      if (which === 'other') return false;
      if (keyEvent === KEY_EVENT_CLICK) clicked(which);
      return true;
    },
  });
  return true;
}

export function stopSessionKeys(): void {
  offKey();
}
