// The watch clock moved mid-session (issue 10 finding 10): set back, the session goes on at once
// and its recorded duration is the real one; the expectations are real elapsed times, not the
// engine's own arithmetic.
import { describe, expect, it } from 'vitest';
import { transition } from '../../../core/engine/transition';
import { restore, snapshot } from '../../../core/engine/snapshot';
import { nextWakeUp } from '../../../core/engine/wake';
import { IDLE } from '../../../core/engine/types';
import type { EngineState } from '../../../core/engine/types';
import type { Routine } from '../../../core/routines/model';
import { SETTINGS, T0 } from '../../fixtures/core';

/** Three 120 s steps, no lead-in, no halfway tick: cues at 0 s, 120 s, 240 s and done at 360 s. */
const ROUTINE3: Routine = {
  id: 'three',
  name: 'Three',
  steps: [
    { area: 'neck', side: 'both', seconds: 120, tool: 'hands', hint: '' },
    { area: 'calves', side: 'left', seconds: 120, tool: 'hands', hint: '' },
    { area: 'calves', side: 'right', seconds: 120, tool: 'hands', hint: '' },
  ],
};
const HOUR = 3_600_000;

/**
 * Runs the session like the watch: a wall clock that reads `real + offset(real)`, the engine woken
 * at each wake-up it asks for (and each second for the display). Returns the real times of cues.
 */
function run(offset: (realMs: number) => number, stopAtRealMs?: number) {
  let state: EngineState = transition(IDLE, { type: 'start', now: T0, routine: ROUTINE3, settings: { ...SETTINGS, leadInSeconds: 0, halfwayTick: false }, sessionId: 'w1-clock-1', tzOffsetMin: 60 }).state;
  const cues: Array<[number, string]> = [];
  for (let real = 1000; real <= 400_000; real += 1000) {
    if (stopAtRealMs !== undefined && real === stopAtRealMs) {
      state = transition(state, { type: 'stop', now: T0 + real + offset(real) }).state;
      break;
    }
    const result = transition(state, { type: 'tick', now: T0 + real + offset(real) });
    for (const e of result.effects) if (e.type === 'cue') cues.push([real, e.cue]);
    state = result.state;
    if (state.phase === 'finished') break;
  }
  return { state, cues };
}

describe('engine - clock moves', () => {
  it('engine - the clock set back 1 h two minutes in: no stall, the cues come at the same real times (a second at most lost)', () => {
    const steady = run(() => 0);
    expect(steady.cues).toEqual([[120_000, 'next-area'], [240_000, 'switch-side'], [360_000, 'done']]);
    const setBack = run((real) => (real >= 110_000 ? -HOUR : 0));
    expect(setBack.cues).toEqual([[121_000, 'next-area'], [241_000, 'switch-side'], [361_000, 'done']]);
  });

  it('engine - the next wake-up after the clock was set back is in the new wall time, not an hour away', () => {
    let state: EngineState = transition(IDLE, { type: 'start', now: T0, routine: ROUTINE3, settings: { ...SETTINGS, leadInSeconds: 0, halfwayTick: false }, sessionId: 'w1-clock-2', tzOffsetMin: 60 }).state;
    state = transition(state, { type: 'tick', now: T0 + 100_000 }).state;
    const after = transition(state, { type: 'tick', now: T0 + 100_000 - HOUR });
    const wake = after.effects.find((e) => e.type === 'schedule');
    expect(wake).toEqual({ type: 'schedule', at: T0 + 120_000 - HOUR });
    // Saved, so a relaunch stays on the same timeline.
    expect(after.effects.some((e) => e.type === 'persist')).toBe(true);
    const restored = restore(snapshot(after.state));
    expect(restored.ok && nextWakeUp(restored.value)).toBe(T0 + 120_000 - HOUR);
  });

  it('engine - a session stopped after the clock was set back records its real duration', () => {
    const { state } = run((real) => (real >= 60_000 ? -HOUR : 0), 200_000);
    if (state.phase === 'idle' || state.record === null) throw new Error('not finished');
    // 200 s of real time, of which the one second across the jump is lost.
    expect(state.record.endedAt - state.record.startedAt).toBe(199_000);
    expect(state.record.steps.map((s) => s.doneMs)).toEqual([120_000, 79_000, 0]);
  });
});
