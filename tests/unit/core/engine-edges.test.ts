// Engine behaviour at edges the main engine tests do not reach (docs/core.md "The session engine",
// docs/haptics.md): the record handed over when a skip ends the routine, a due cue never lost to a
// refused +30 s, the start's base times, the wake-up for "change coming" after a pause, and one cue
// for where the person is after a late wake-up. Fixture ROUTINE: 5 s lead-in, neck 60 s, forearms
// left 20 s, right 20 s.
import { describe, expect, it } from 'vitest';
import { transition } from '../../../core/engine/transition';
import { nextWakeUp } from '../../../core/engine/wake';
import { IDLE } from '../../../core/engine/types';
import type { EngineEvent } from '../../../core/engine/types';
import type { Routine } from '../../../core/routines/model';
import { SETTINGS, T0, apply, asSession, cues, startEvent, started } from '../../fixtures/core';

describe('engine - edges', () => {
  it('engine - skipping the last step plays done and hands over the completed record once', () => {
    const before = asSession(apply(started(), [{ type: 'tick', now: T0 + 5_000 }, { type: 'skip', now: T0 + 10_000 }, { type: 'skip', now: T0 + 11_000 }]).state);
    const result = transition(before, { type: 'skip', now: T0 + 12_000 });
    expect(cues(result.effects)).toEqual(['done']);
    const handed = result.effects.flatMap((e) => (e.type === 'finished' ? [e.record.status] : []));
    expect(handed).toEqual(['completed']);
    // Nothing more is handed over afterwards.
    expect(transition(result.state, { type: 'tick', now: T0 + 20_000 }).effects).toEqual([]);
  });

  it('engine - a +30 s refused at the +5 min limit still gives the halfway tick that came due meanwhile', () => {
    const extends10: EngineEvent[] = Array.from({ length: 10 }, () => ({ type: 'extend', now: T0 + 7_000 }) as const);
    // Neck 60 s + 300 s = 360 s from +5 s: its halfway tick is due at +185 s.
    const atLimit = asSession(apply(started(), [{ type: 'tick', now: T0 + 6_000 }, ...extends10]).state);
    expect(atLimit.extraMs).toBe(300_000);
    const result = transition(atLimit, { type: 'extend', now: T0 + 190_000 });
    expect(cues(result.effects)).toEqual(['halfway']);
    expect(result.effects.some((e) => e.type === 'persist')).toBe(true);
    expect(asSession(result.state).extraMs).toBe(300_000);
  });

  it('engine - the start keeps base times only when each is a whole number of seconds, 0 or more, one per step', () => {
    const base = (baseSeconds: number[]) => asSession(transition(IDLE, { ...startEvent(), baseSeconds } as EngineEvent).state).baseSeconds;
    expect(base([45, 20, 0])).toEqual([45, 20, 0]);
    expect(base([45, -20, 20])).toBeUndefined();
    expect(base([45, 20.5, 20])).toBeUndefined();
    expect(base([-1, -2, -3])).toBeUndefined();
  });

  it('engine - the start\'s base times are the session\'s own copy: changing the list afterwards changes nothing', () => {
    const list = [45, 20, 20];
    const state = asSession(transition(IDLE, { ...startEvent(), baseSeconds: list } as EngineEvent).state);
    list[0] = 600;
    expect(state.baseSeconds).toEqual([45, 20, 20]);
  });

  it('engine - after a pause the next wake-up is still 5 s before the step ends, for "change coming"', () => {
    const settings = { ...SETTINGS, halfwayTick: false, changeComing: true };
    // Neck from +5 s; paused at +25 s (20 s in) for 10 s: it ends at +75 s, "change coming" at +70 s.
    const state = apply(started(T0, undefined, settings), [
      { type: 'tick', now: T0 + 5_000 },
      { type: 'pause', now: T0 + 25_000 },
      { type: 'resume', now: T0 + 35_000 },
    ]).state;
    expect(nextWakeUp(state)).toBe(T0 + 70_000);
  });

  it('engine - a wake-up late past the lead-in and the "change coming" of a short first step plays the lead-in-over only', () => {
    const short: Routine = { id: 'short', name: 'Short', steps: [{ area: 'neck', side: 'both', seconds: 10, tool: 'hands', hint: '' }, { area: 'feet', side: 'left', seconds: 10, tool: 'hands', hint: '' }] };
    const begun = started(T0, short, { ...SETTINGS, changeComing: true });
    // Lead-in over at +5 s; "change coming" at +10 s (5 s before the step ends at +15 s).
    const result = transition(begun, { type: 'tick', now: T0 + 11_000 });
    expect(cues(result.effects)).toEqual(['lead-in-over']);
  });
});
