// lastCueGiven (core/engine/last-cue.ts): which cue the engine gave last in the current stretch of
// a running step and when, read from the stored state alone, so the page on the service path can
// let a cue the App Service started play out before answering a press (docs/watch.md "Controls
// that forgive busy hands"). Fixture ROUTINE: 5 s lead-in, neck 60 s (halfway at +35 s, its end at
// +65 s), forearms left then right, 20 s each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastCueGiven } from '../../../core/engine/last-cue';
import type { EngineEvent, SessionState } from '../../../core/engine/types';
import { SETTINGS, T0, apply, asSession, started } from '../../fixtures/core';

function after(events: readonly EngineEvent[], settings = SETTINGS): SessionState {
  return asSession(apply(started(T0, undefined, settings), events).state);
}
const tick = (ms: number): EngineEvent => ({ type: 'tick', now: T0 + ms });

describe('engine - the last cue given', () => {
  it('last cue - none during the lead-in (nothing has been given yet)', () => {
    expect(lastCueGiven(after([tick(3_000)]))).toBeNull();
  });

  it('last cue - the lead-in-over cue at the end of the lead-in, 5 s after the start', () => {
    expect(lastCueGiven(after([tick(6_000)]))).toEqual({ cue: 'lead-in-over', at: T0 + 5_000 });
  });

  it('last cue - the halfway tick once the middle of the 60 s neck has passed (+35 s)', () => {
    expect(lastCueGiven(after([tick(6_000), tick(36_000)]))).toEqual({ cue: 'halfway', at: T0 + 35_000 });
  });

  it('last cue - with the halfway tick off, the lead-in-over stays the last cue past the middle', () => {
    const state = after([tick(6_000), tick(36_000)], { ...SETTINGS, halfwayTick: false });
    expect(lastCueGiven(state)).toEqual({ cue: 'lead-in-over', at: T0 + 5_000 });
  });

  it('last cue - "change coming" 5 s before the neck ends (+60 s), after the halfway tick', () => {
    const state = after([tick(6_000), tick(36_000), tick(61_000)], { ...SETTINGS, changeComing: true });
    expect(lastCueGiven(state)).toEqual({ cue: 'change-coming', at: T0 + 60_000 });
  });

  it('last cue - without "change coming" chosen, the halfway tick stays the last cue in the neck\'s last 5 s', () => {
    expect(lastCueGiven(after([tick(6_000), tick(36_000), tick(62_000)]))).toEqual({ cue: 'halfway', at: T0 + 35_000 });
  });

  it('last cue - the step change (next area at +65 s) once the neck is over', () => {
    expect(lastCueGiven(after([tick(6_000), tick(36_000), tick(66_000)]))).toEqual({ cue: 'next-area', at: T0 + 65_000 });
  });

  it('last cue - paused, nothing is playing', () => {
    expect(lastCueGiven(after([tick(6_000), { type: 'pause', now: T0 + 7_000 }]))).toBeNull();
  });

  it('last cue - after a resume, a cue felt before the pause does not count; the moved halfway does', () => {
    const resumed = [tick(6_000), { type: 'pause', now: T0 + 20_000 } as const, { type: 'resume', now: T0 + 30_000 } as const];
    expect(lastCueGiven(after([...resumed, tick(31_000)]))).toBeNull();
    // 10 s paused: the halfway tick comes at +45 s.
    expect(lastCueGiven(after([...resumed, tick(46_000)]))).toEqual({ cue: 'halfway', at: T0 + 45_000 });
  });

  it('last cue - with the clock set back 1 h, the time is on the watch clock as it now reads', () => {
    // Lead-in over at +5 s; read at +6 s; then the clock reads one hour earlier than +7 s.
    const state = after([tick(6_000), { type: 'tick', now: T0 + 7_000 - 3_600_000 }]);
    // Engine time stood at +6 s when the clock jumped, so the cue was 1 s before the jump's reading.
    expect(lastCueGiven(state)).toEqual({ cue: 'lead-in-over', at: T0 + 7_000 - 3_600_000 - 1_000 });
  });

  it('last cue - never later than the latest clock reading, whatever was pressed (a +30 s moves the middle on)', () => {
    const press = fc.constantFrom<EngineEvent['type']>('tick', 'extend', 'pause', 'resume', 'skip');
    fc.assert(
      fc.property(fc.array(fc.tuple(press, fc.integer({ min: 0, max: 20_000 })), { maxLength: 12 }), (steps) => {
        let now = T0;
        const events: EngineEvent[] = [];
        for (const [type, gap] of steps) {
          now += gap;
          events.push({ type, now } as EngineEvent);
        }
        const state = asSession(apply(started(), events).state);
        const given = lastCueGiven(state);
        if (given !== null) {
          expect(given.at).toBeLessThanOrEqual(state.lastNow);
          expect(given.at).toBeGreaterThanOrEqual(state.anchorAt);
        }
      }),
    );
  });
});
