// Samples of cues on the Settings page ("feel each cue" and the sample after a strength change).
// A cue must be felt whole, so a sample asked for while another still plays waits for it to end
// instead of cutting it; only the latest request waits (tapping through strengths plays the one
// chosen last, not a backlog). Pure: the clock, the motor and the timer are passed in.

import type { CueName } from '../engine/types';
import type { CueIntensity } from '../routines/model';
import { patternMs } from '../engine/haptics';
import { cuePattern } from './session-shell';
import type { VibratorPort } from './session-shell';

export interface SamplerDeps {
  readonly now: () => number;
  readonly motor: VibratorPort;
  /** Calls `run` after `ms`; one at a time is enough. */
  readonly later: (ms: number, run: () => void) => void;
  /** Told each cue as it starts, so the page can name it. */
  readonly playing: (cue: CueName) => void;
}

export interface CueSampler {
  play(cue: CueName, intensity: CueIntensity): void;
}

export function createCueSampler(deps: SamplerDeps): CueSampler {
  let busyUntil = 0;
  let waiting: { cue: CueName; intensity: CueIntensity } | null = null;
  let armed = false;
  const start = (cue: CueName, intensity: CueIntensity): void => {
    const pattern = cuePattern(cue, { intensity });
    busyUntil = deps.now() + patternMs(pattern);
    deps.motor.play(pattern);
    deps.playing(cue);
  };
  const playWaiting = (): void => {
    armed = false;
    const next = waiting;
    waiting = null;
    if (next !== null) sampler.play(next.cue, next.intensity);
  };
  const sampler: CueSampler = {
    play(cue, intensity) {
      const wait = busyUntil - deps.now();
      if (wait <= 0) {
        start(cue, intensity);
        return;
      }
      waiting = { cue, intensity };
      if (!armed) {
        armed = true;
        deps.later(wait, playWaiting);
      }
    },
  };
  return sampler;
}
