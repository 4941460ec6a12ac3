// The running session in storage: one snapshot under KEYS.session, read whole or set aside.
// A corrupt snapshot is copied verbatim to a quarantine key and removed, so Home never crashes
// on it; the outbox (another key) is never touched here.

import { restore, restoreUnfinished, snapshot } from '../engine';
import type { EngineState, SessionState } from '../engine';
import { describeProblems } from '../kernel/result';
import type { Validated } from '../kernel/result';
import type { KeyValueStore, WriteResult } from '../kernel/store';
import { freeQuarantineKeys, readItem, writeAll } from '../kernel/store';
import { KEYS, SESSION_QUARANTINE_PREFIX } from './keys';

export type StoredSession =
  | { readonly kind: 'none' }
  | { readonly kind: 'active'; readonly state: SessionState }
  | { readonly kind: 'corrupt'; readonly problem: string; readonly quarantineKey: string | null };

export function loadSession(store: KeyValueStore): StoredSession {
  return loadWith(store, restore) as StoredSession;
}

/**
 * loadSession for the cue service, which only plays a running session: a finished one is left
 * stored as it is, its record unread (the pages read and check it: engine restoreUnfinished).
 */
export function loadUnfinishedSession(store: KeyValueStore): StoredSession | { readonly kind: 'finished' } {
  return loadWith(store, restoreUnfinished);
}

function loadWith(store: KeyValueStore, decode: (json: string) => Validated<EngineState> | 'finished'): StoredSession | { readonly kind: 'finished' } {
  const read = readItem(store, KEYS.session);
  if (read.error !== undefined) return { kind: 'corrupt', problem: read.error, quarantineKey: null };
  if (read.value === undefined || read.value === '') return { kind: 'none' };
  const restored = decode(read.value);
  if (restored === 'finished') return { kind: 'finished' };
  if (restored.ok) return restored.value.phase === 'idle' ? { kind: 'none' } : { kind: 'active', state: restored.value };
  const problem = describeProblems(restored.problems);
  const key = freeQuarantineKeys(store, SESSION_QUARANTINE_PREFIX, 1)[0] as string;
  const moved = writeAll(store, [
    [key, read.value],
    [KEYS.session, undefined],
  ]);
  return { kind: 'corrupt', problem, quarantineKey: moved.ok ? key : null };
}

export function saveSession(store: KeyValueStore, state: EngineState): WriteResult {
  return writeAll(store, [[KEYS.session, snapshot(state)]]);
}

export function clearSession(store: KeyValueStore): WriteResult {
  return writeAll(store, [[KEYS.session, undefined]]);
}
