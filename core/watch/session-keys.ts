// Physical keys during a session. Zepp OS's design rules give JS apps a key tap only on four-key
// watches (SELECT, BACK, UP, DOWN), where an ongoing workout already uses SELECT for pause/resume;
// on one- and two-key watches a tap belongs to the system (app list, shortcut). So Knead maps keys
// only where the watch has four: SELECT pauses or resumes, DOWN ("next") skips; BACK keeps its
// system meaning (leave the page; the session goes on) and UP does nothing.

import type { Press } from './session-shell';

export type SessionKey = 'select' | 'down' | 'other';

/** Only four-key watches hand key taps to apps (docs/watch.md "Physical keys"). */
export const KEYS_FOR_SESSION = 4;

export function sessionKeysOn(keyNumber: number): boolean {
  return keyNumber >= KEYS_FOR_SESSION;
}

/** What a key's click means in a session, or null when Knead leaves it to the system. */
export function pressForKey(key: SessionKey, paused: boolean): Press | null {
  if (key === 'select') return paused ? 'resume' : 'pause';
  if (key === 'down') return 'skip';
  return null;
}
