// Run-time facts about the watch: API level (getSystemInfo().minAPI, else feature detection of
// createSysTimer), clock and time-zone offset, a per-install id for session ids.

import { getSystemInfo } from '@zos/settings';
// A named import, read when called (missing before API 4.0): a namespace import would make zpm add
// its interop helper to the page.
import { createSysTimer } from '@zos/timer';
import { parseApiLevel } from '../core/watch/api-level';
import { KEYS } from '../core/watch/keys';
import { newSessionId } from '../core/records/record';
import { deviceOffsetMin } from '../core/kernel/local-time';
import type { KeyValueStore } from '../core/kernel/store';
import type { ClockPort } from '../core/watch/session-shell';

export function apiLevel(): number {
  try {
    const info = getSystemInfo() as unknown as { minAPI?: unknown };
    const level = parseApiLevel(info.minAPI);
    if (level !== null) return level;
  } catch {
    // Older firmware without getSystemInfo: fall through to feature detection.
    return typeof (createSysTimer as unknown) === 'function' ? 4 : 3.6;
  }
  return typeof (createSysTimer as unknown) === 'function' ? 4 : 3.6;
}

export function now(): number {
  return Date.now();
}

/** The watch's clock as the port pages and the session shell are given (tests give a fake one). */
export const clock: ClockPort = { now };

/** Minutes east of UTC: core's one reading of the device's zone. */
export const tzOffsetMin = deviceOffsetMin;

export function installId(store: KeyValueStore): string {
  const stored = store.getItem(KEYS.installId);
  if (typeof stored === 'string' && stored !== '') return stored;
  const made = newSessionId('w', Date.now(), Math.random);
  try {
    store.setItem(KEYS.installId, made);
  } catch {
    // Not fatal: session ids stay unique through their time and random parts.
    return made;
  }
  return made;
}

export function sessionId(store: KeyValueStore): string {
  return newSessionId(installId(store), Date.now(), Math.random);
}
