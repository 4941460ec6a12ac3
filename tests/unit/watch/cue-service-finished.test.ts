// The cue service plays a session that runs; a finished session is the pages' to read (its record
// goes to the outbox from Summary or Check-in). So the service leaves a finished snapshot exactly as
// stored, without reading its record (engine restoreUnfinished), while everything it does read is
// checked as the pages check it: bad input is set aside with its reason and nothing else is lost.
import { describe, expect, it } from 'vitest';
import { serviceWake } from '../../../core/watch/session-shell';
import { loadSession, saveSession } from '../../../core/watch/session-store';
import { KEYS, SESSION_QUARANTINE_PREFIX } from '../../../core/watch/keys';
import { transition } from '../../../core/engine';
import { DESK_RESET } from '../../../core/routines/library';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import type { HapticPattern } from '../../../core/engine/haptics';
import { MemoryStore } from '../../fixtures/memory-store';

const T0 = Date.UTC(2026, 2, 2, 9);
const start = { type: 'start', now: T0, routine: DESK_RESET, settings: DEFAULT_SETTINGS, sessionId: 'w-1-abc', tzOffsetMin: 60 } as const;

/** A store holding a session stopped early: finished, with its record. */
function finishedStore(): { store: MemoryStore; stored: string; record: unknown } {
  const store = new MemoryStore();
  const running = transition({ phase: 'idle' }, start).state;
  const finished = transition(running, { type: 'stop', now: T0 + 90_000 }).state;
  expect(finished.phase).toBe('finished');
  saveSession(store, finished);
  return { store, stored: store.getItem(KEYS.session) ?? '', record: finished.phase === 'finished' ? finished.record : null };
}

function wake(store: MemoryStore, now: number): { next: number | null; playingMs: number; played: HapticPattern[] } {
  const played: HapticPattern[] = [];
  const result = serviceWake({ store, clock: { now: () => now }, vibrator: { play: (p) => void played.push(p) } });
  return { ...result, played };
}

describe('cue service and a finished session', () => {
  it('cue service - a finished session is left stored as it is: nothing plays, nothing is written, the service exits', () => {
    const { store, stored, record } = finishedStore();
    expect(record).not.toBeNull();
    const writes = store.writes.length;
    const result = wake(store, T0 + 120_000);
    expect(result).toEqual({ next: null, playingMs: 0, played: [] });
    expect(store.getItem(KEYS.session)).toBe(stored);
    expect(store.writes.length).toBe(writes);
    // The page still reads it whole, record included.
    const loaded = loadSession(store);
    expect(loaded.kind === 'active' ? loaded.state.record : null).toEqual(record);
  });

  it('cue service - a finished snapshot with a damaged record is left for the page, which sets it aside naming the record', () => {
    const { store, stored } = finishedStore();
    const damaged = JSON.parse(stored) as { state: { record: Record<string, unknown> } };
    damaged.state.record['steps'] = 'not a list';
    store.setItem(KEYS.session, JSON.stringify(damaged));
    expect(wake(store, T0 + 120_000).next).toBeNull();
    expect(store.getItem(KEYS.session)).toBe(JSON.stringify(damaged));
    const loaded = loadSession(store);
    expect(loaded.kind).toBe('corrupt');
    expect(loaded.kind === 'corrupt' && loaded.problem).toContain('state.record');
    expect(store.getItem(`${SESSION_QUARANTINE_PREFIX}1`)).toBe(JSON.stringify(damaged));
  });

  it('cue service - a running snapshot without its record field is set aside with the reason, as the page would', () => {
    const store = new MemoryStore();
    saveSession(store, transition({ phase: 'idle' }, start).state);
    const broken = JSON.parse(store.getItem(KEYS.session) ?? '') as { state: Record<string, unknown> };
    delete broken.state['record'];
    const text = JSON.stringify(broken);
    store.setItem(KEYS.session, text);
    const result = wake(store, T0 + 5_000);
    expect(result.next).toBeNull();
    expect(result.played).toEqual([]);
    expect(store.getItem(KEYS.session)).toBeNull();
    expect(store.getItem(`${SESSION_QUARANTINE_PREFIX}1`)).toBe(text);
  });

  it('cue service - a running session still plays: the lead-in ends with its cue and the next wake-up is armed', () => {
    const store = new MemoryStore();
    saveSession(store, transition({ phase: 'idle' }, start).state);
    const result = wake(store, T0 + 20_000);
    expect(result.played.length).toBeGreaterThan(0);
    expect(result.next).not.toBeNull();
  });
});
