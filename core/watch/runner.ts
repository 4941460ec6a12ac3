// Performs the engine's effects through injected ports (XState-style runner): the state is
// persisted on every 'persist', cues are played, the next wake-up is armed. The stored snapshot
// is the truth for every writer (Session page and cue service), so runStored() reads, applies
// one event and writes back in one synchronous step.

import { transition } from '../engine';
import type { CueName, EngineEvent, EngineState } from '../engine';
import type { SessionRecord } from '../routines/model';
import type { KeyValueStore } from '../kernel/store';
import { loadUnfinishedSession, saveSession } from './session-store';
import type { StoredSession } from './session-store';

export interface RunnerPorts {
  readonly store: KeyValueStore;
  /** Plays one cue (the adapter knows the intensity from the state's settings). */
  cue(cue: CueName, state: EngineState): void;
  /** Arms the next wake-up at a UTC ms time, or cancels it (null). */
  schedule(at: number | null): void;
}

export interface RunResult {
  readonly state: EngineState;
  /** Set when this event finished the session. */
  readonly finished: SessionRecord | null;
  /** Set when the state could not be saved (the session still runs in memory). */
  readonly error?: string;
}

export function runEvent(state: EngineState, event: EngineEvent, ports: RunnerPorts): RunResult {
  const next = transition(state, event);
  let finished: SessionRecord | null = null;
  let error: string | undefined;
  for (const effect of next.effects) {
    switch (effect.type) {
      case 'persist': {
        const saved = saveSession(ports.store, next.state);
        if (!saved.ok) error = saved.error;
        break;
      }
      case 'cue':
        ports.cue(effect.cue, next.state);
        break;
      case 'schedule':
        ports.schedule(effect.at);
        break;
      case 'finished':
        finished = effect.record;
        break;
    }
  }
  return error === undefined ? { state: next.state, finished } : { state: next.state, finished, error };
}

export type StoredRun = { readonly kind: 'ran'; readonly result: RunResult } | Exclude<StoredSession, { kind: 'active' }> | { readonly kind: 'finished' };

/**
 * Reads the stored session, applies one event, writes it back (the cue service's step). A finished
 * session is left as stored ('finished'): nothing plays after the end.
 */
export function runStored(event: EngineEvent, ports: RunnerPorts): StoredRun {
  const loaded = loadUnfinishedSession(ports.store);
  if (loaded.kind !== 'active') return loaded;
  return { kind: 'ran', result: runEvent(loaded.state, event, ports) };
}
