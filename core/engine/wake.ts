// When the engine next needs the clock: the end of the current segment, the halfway tick or the
// "change coming" cue, whichever comes first. Pages with the screen on also wake each displayed second, but that is
// a display concern; cues only ever need this.

import { comingAtMs, halfwayAtMs, isRunning, segmentMs } from './timing';
import type { EngineState } from './types';

export function nextWakeUp(state: EngineState): number | null {
  if (state.phase === 'idle' || !isRunning(state)) return null;
  const untilEnd = segmentMs(state) - state.elapsedMs;
  const halfway = halfwayAtMs(state);
  const untilHalfway = halfway === null ? Infinity : halfway - state.elapsedMs;
  const coming = comingAtMs(state);
  const untilComing = coming === null ? Infinity : coming - state.elapsedMs;
  // In wall time: the page and the service arm their timers against the watch clock.
  return state.anchorAt + Math.min(untilEnd, untilHalfway, untilComing) - state.clockShiftMs;
}
