import { describe, expect, it } from 'vitest';
import type { CueName } from '../../../core/engine';
import type { HapticPattern } from '../../../core/engine/haptics';
import { createCueSampler } from '../../../core/watch/cue-sampler';

/** A fake clock, motor and timer: records what started when, and runs timers when time moves. */
function rig() {
  let clock = 1_000;
  const started: Array<{ at: number; ms: number; strengths: number[] }> = [];
  const named: CueName[] = [];
  const timers: Array<{ at: number; run: () => void }> = [];
  const sampler = createCueSampler({
    now: () => clock,
    motor: {
      play: (pattern: HapticPattern) =>
        started.push({ at: clock, ms: pattern.pulses.reduce((sum, p) => sum + p.ms, 0), strengths: pattern.pulses.filter((p) => p.strength > 0).map((p) => p.strength) }),
    },
    later: (ms, run) => timers.push({ at: clock + ms, run }),
    playing: (cue) => named.push(cue),
  });
  const advance = (ms: number): void => {
    const until = clock + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (next === undefined || next.at > until) break;
      timers.shift();
      clock = next.at;
      next.run();
    }
    clock = until;
  };
  return { sampler, started, named, advance };
}

describe('cue sampler', () => {
  it('cue sampler - a sample asked for while one plays waits for it to end, so no cue is cut', () => {
    const { sampler, started, advance } = rig();
    sampler.play('done', 'standard');
    advance(100);
    sampler.play('next-area', 'strong');
    expect(started).toHaveLength(1);
    advance(5_000);
    expect(started).toHaveLength(2);
    const [first, second] = started;
    // The second starts exactly when the first has played whole.
    expect(second?.at).toBe((first?.at ?? 0) + (first?.ms ?? 0));
  });

  it('cue sampler - "feel each cue": every sample asked for while the one before plays follows it whole, one after another', () => {
    const { sampler, started, named, advance } = rig();
    sampler.play('lead-in-over', 'standard');
    advance(100);
    sampler.play('next-area', 'standard'); // waits for lead-in-over (700 ms)
    advance(700); // next-area (390 ms) has started and still plays
    expect(named).toEqual(['lead-in-over', 'next-area']);
    sampler.play('switch-side', 'standard'); // waits for next-area
    advance(5_000);
    expect(named).toEqual(['lead-in-over', 'next-area', 'switch-side']);
    const [, second, third] = started;
    expect(third?.at).toBe((second?.at ?? 0) + (second?.ms ?? 0));
  });

  it('cue sampler - tapping through strengths plays the current one and then only the last chosen', () => {
    const { sampler, started, advance } = rig();
    sampler.play('next-area', 'gentle');
    sampler.play('next-area', 'standard');
    sampler.play('next-area', 'strong');
    advance(5_000);
    expect(started.map((s) => s.strengths[0])).toEqual([1, 3]);
  });

  it('cue sampler - names each cue as it starts, and pain plays strong even at gentle', () => {
    const { sampler, started, named, advance } = rig();
    sampler.play('halfway', 'gentle');
    advance(5_000);
    sampler.play('pain-stop', 'gentle');
    expect(named).toEqual(['halfway', 'pain-stop']);
    expect(started[1]?.strengths).toEqual([3]);
  });
});
