import { describe, expect, it } from 'vitest';
import { formatClock, remainingSessionMs } from '../../../core/watch/format';
import { fill } from '../../../core/kernel/template';
import { cueHostFor, keepLitMs, parseApiLevel, KEEP_LIT_MARGIN_MS } from '../../../core/watch/api-level';
import { parseSettings, nextLeadIn, clampLeadIn } from '../../../core/settings/watch-settings';
import { loadSession, saveSession } from '../../../core/watch/session-store';
import { runStored } from '../../../core/watch/runner';
import { saveFinished } from '../../../core/watch/finish';
import { KEYS, SESSION_QUARANTINE_PREFIX } from '../../../core/watch/keys';
import { transition } from '../../../core/engine';
import type { CueName } from '../../../core/engine';
import { DESK_RESET } from '../../../core/routines/library';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { OUTBOX_KEY, outboxStatus } from '../../../core/sync/outbox';
import type { KeyValueStore } from '../../../core/kernel/store';

function memory(seed: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(seed));
  return {
    data,
    getItem: (k) => data.get(k),
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    keys: () => [...data.keys()],
  };
}

const T0 = Date.UTC(2026, 0, 5, 9);

function started(store: KeyValueStore) {
  const t = transition({ phase: 'idle' }, { type: 'start', now: T0, routine: DESK_RESET, settings: DEFAULT_SETTINGS, sessionId: 'w-1-abc', tzOffsetMin: 60 });
  saveSession(store, t.state);
  return t.state;
}

describe('core/watch', () => {
  it('formatClock - rounds up to whole seconds', () => {
    expect(formatClock(270_000)).toBe('4:30');
    expect(formatClock(500)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('fill - replaces named placeholders only', () => {
    expect(fill('{done} of {target} {x}', { done: 2, target: 3 })).toBe('2 of 3 {x}');
  });

  it('api level - 4.0+ uses the service, 3.x the page; keep-lit is bounded', () => {
    expect(parseApiLevel('4.2')).toBeCloseTo(4.2);
    expect(parseApiLevel('x')).toBeNull();
    expect(cueHostFor(3.6)).toBe('page');
    expect(cueHostFor(4)).toBe('service');
    expect(keepLitMs(120_000)).toBe(120_000 + KEEP_LIT_MARGIN_MS);
    expect(keepLitMs(1e12)).toBeLessThanOrEqual(2_147_483_000);
  });

  it('settings - bad values fall back to defaults, lead-in stays 0-15', () => {
    expect(parseSettings('nope')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(JSON.stringify({ intensity: 'loud', leadInSeconds: 99, halfwayTick: false, screen: 'keep-on' }))).toEqual({ intensity: 'standard', leadInSeconds: 15, halfwayTick: false, screen: 'keep-on' });
    expect(nextLeadIn(15)).toBe(0);
    expect(clampLeadIn(-3)).toBe(0);
  });

  it('loadSession - a corrupt snapshot is set aside and the outbox untouched', () => {
    const store = memory({ [KEYS.session]: '{"v":1,"state":{"phase":"running"', [OUTBOX_KEY]: 'keep me' });
    const loaded = loadSession(store);
    expect(loaded.kind).toBe('corrupt');
    expect(store.data.get(`${SESSION_QUARANTINE_PREFIX}1`)).toBe('{"v":1,"state":{"phase":"running"');
    expect(store.data.has(KEYS.session)).toBe(false);
    expect(store.data.get(OUTBOX_KEY)).toBe('keep me');
  });

  it('runStored - ticks the stored state, cues once, persists', () => {
    const store = memory();
    started(store);
    const cues: CueName[] = [];
    const ports = { store, cue: (c: CueName) => void cues.push(c), schedule: () => undefined };
    runStored({ type: 'tick', now: T0 + 5_000 }, ports);
    runStored({ type: 'tick', now: T0 + 5_000 }, ports);
    expect(cues).toEqual(['lead-in-over']);
    const loaded = loadSession(store);
    expect(loaded.kind === 'active' && loaded.state.inLeadIn).toBe(false);
  });

  it('saveFinished - queues the record with its check-in and clears the session', () => {
    const store = memory();
    started(store);
    const stop = runStored({ type: 'stop', now: T0 + 90_000 }, { store, cue: () => undefined, schedule: () => undefined });
    expect(stop.kind).toBe('ran');
    const record = stop.kind === 'ran' ? stop.result.finished : null;
    expect(record).not.toBeNull();
    if (record === null) return;
    const saved = saveFinished(store, record, [{ area: 'neck', tightness: 2, newSoreness: true, sidesDiffer: false, pain: false }], ['felt-good']);
    expect(saved.queued).toBe(true);
    expect(saved.record.checkIn).toHaveLength(1);
    expect(outboxStatus(store).pending).toBe(1);
    expect(store.data.has(KEYS.session)).toBe(false);
  });

  it('remainingSessionMs - current segment plus later steps', () => {
    expect(remainingSessionMs({ remainingMs: 1000, inLeadIn: false, stepIndex: 0 }, [10, 20])).toBe(21_000);
    expect(remainingSessionMs({ remainingMs: 5000, inLeadIn: true, stepIndex: 0 }, [10, 20])).toBe(35_000);
  });
});
