// The page's one motor (core/watch/motor.ts, docs/haptics.md): a pattern never starts over one still
// playing; it waits for it to end plus the 400 ms gap, including a cue the App Service started
// (busyUntil); patterns that pile up meanwhile are joined, in order, into one start.
import { describe, expect, it } from 'vitest';
import { hapticPattern } from '../../../core/engine/haptics';
import type { HapticPattern } from '../../../core/engine/haptics';
import { createMotor } from '../../../core/watch/motor';

function rig() {
  let clock = 0;
  const started: Array<{ at: number; ms: number[] }> = [];
  const timers: Array<{ at: number; run: () => void }> = [];
  const motor = createMotor({
    now: () => clock,
    vibrator: { play: (p: HapticPattern) => started.push({ at: clock, ms: p.pulses.map((x) => x.ms) }) },
    later: (ms, run) => timers.push({ at: clock + ms, run }),
  });
  const advance = (to: number): void => {
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (next === undefined || next.at > to) break;
      timers.shift();
      clock = next.at;
      next.run();
    }
    clock = to;
  };
  return { motor, started, advance, setClock: (t: number) => (clock = t) };
}

const longPulse = hapticPattern('lead-in-over', 'standard'); // 700 ms
const twoTaps = hapticPattern('next-area', 'standard'); // 120 · 150 · 120
const tick = hapticPattern('halfway', 'standard'); // 50

describe('motor - nothing cut', () => {
  it('motor - a free motor plays at once, also exactly when the last pattern and its gap are over', () => {
    const { motor, started, setClock } = rig();
    motor.play(longPulse);
    setClock(1_100); // 700 ms + 400 ms gap
    motor.play(tick);
    expect(started.map((s) => s.at)).toEqual([0, 1_100]);
  });

  it('motor - patterns asked for while one plays wait for its end plus 400 ms and start as one, in order', () => {
    const { motor, started, advance } = rig();
    motor.play(longPulse);
    advance(100);
    motor.play(twoTaps);
    advance(200);
    motor.play(tick);
    advance(5_000);
    expect(started.map((s) => s.at)).toEqual([0, 1_100]);
    expect(started[1]?.ms).toEqual([120, 150, 120, 400, 50]);
  });

  it('motor - one asked for just as the motor frees, before the waiting one started, comes after it', () => {
    const { motor, started, advance, setClock } = rig();
    motor.play(longPulse);
    advance(100);
    motor.play(twoTaps);
    setClock(1_100); // the timer for twoTaps has not run yet
    motor.play(tick);
    advance(5_000);
    expect(started.slice(1).map((s) => s.ms)).toEqual([[120, 150, 120, 400, 50]]);
  });

  it('motor - a second wait after the first one ended is held and played too', () => {
    const { motor, started, advance } = rig();
    motor.play(tick);
    motor.play(tick); // waits until 450
    advance(460);
    motor.play(twoTaps); // the tick at 450 plays until 500, so this waits until 900
    advance(5_000);
    expect(started.map((s) => s.at)).toEqual([0, 450, 900]);
  });

  it('motor - a cue the service plays holds the page\'s pattern until it ends plus 400 ms', () => {
    const { motor, started, advance } = rig();
    motor.busyUntil(1_000);
    motor.play(tick);
    advance(5_000);
    expect(started.map((s) => s.at)).toEqual([1_400]);
  });

  it('motor - a service cue learnt of after a pattern began waiting holds it longer', () => {
    const { motor, started, advance } = rig();
    motor.play(longPulse);
    advance(100);
    motor.play(tick); // would start at 1 100
    motor.busyUntil(2_000); // the service's cue plays until 2 000
    advance(5_000);
    expect(started.map((s) => s.at)).toEqual([0, 2_400]);
  });
});
