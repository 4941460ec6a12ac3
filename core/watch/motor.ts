// The one motor as the page sees it. A cue is felt whole, so a pattern asked for while another
// still plays (one the page started, or one the App Service started, which the page learns of
// through `busyUntil`) waits for it to end plus PATTERN_GAP_MS instead of cutting it; patterns
// that pile up meanwhile are joined into one (gaps between them), so each is felt in order.
// Pure: the clock, the timer and the vibrator are passed in.

import { PATTERN_GAP_MS, patternMs, thenPlay } from '../engine/haptics';
import type { HapticPattern } from '../engine/haptics';
import type { VibratorPort } from './session-shell';

export interface MotorDeps {
  readonly now: () => number;
  readonly vibrator: VibratorPort;
  /** Calls `run` after `ms` (a page timer). */
  readonly later: (ms: number, run: () => void) => void;
}

export interface Motor {
  play(pattern: HapticPattern): void;
  /** Something else makes the motor play until `at` (wall ms): wait for it. */
  busyUntil(at: number): void;
}

export function createMotor(deps: MotorDeps): Motor {
  /** Nothing new may start before this (the end of what plays, plus the gap). */
  let freeAt = 0;
  let waiting: HapticPattern | null = null;
  let armed = false;
  const start = (pattern: HapticPattern): void => {
    deps.vibrator.play(pattern);
    freeAt = deps.now() + patternMs(pattern) + PATTERN_GAP_MS;
  };
  const arm = (): void => {
    if (armed) return;
    armed = true;
    deps.later(Math.max(0, freeAt - deps.now()), () => {
      armed = false;
      const next = waiting;
      if (next === null) return;
      if (deps.now() < freeAt) {
        arm();
        return;
      }
      waiting = null;
      start(next);
    });
  };
  return {
    play(pattern) {
      if (waiting === null && deps.now() >= freeAt) {
        start(pattern);
        return;
      }
      waiting = waiting === null ? pattern : thenPlay(waiting, pattern);
      arm();
    },
    busyUntil(at) {
      freeAt = Math.max(freeAt, at + PATTERN_GAP_MS);
    },
  };
}
