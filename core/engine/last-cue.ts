// The latest cue the engine has given in the current stretch of a running segment, read from the
// stored state alone. The page needs it on the service path: the App Service plays the timed cues,
// so before the page answers a press with a tick it must know whether a cue may still be playing
// (a new start() on the one motor would cut it).

import { arrivalCue } from './advance';
import { isRunning, segmentMs } from './timing';
import { CHANGE_COMING_MS } from './types';
import type { CueName, SessionState } from './types';

export interface GivenCue {
  readonly cue: CueName;
  /** Wall-clock ms (the watch clock) at which it was given. */
  readonly at: number;
}

/**
 * The cue given last since the segment's anchor (its start, or the last resume), or null. Only cues
 * at or after the anchor count: the time before a pause is not on this timeline, and a cue given
 * before the pause has long been felt.
 */
export function lastCueGiven(state: SessionState): GivenCue | null {
  if (!isRunning(state) || state.inLeadIn) return null;
  // Engine time of the segment's start as if it had run without pauses since the anchor.
  const start = state.anchorAt - state.elapsedMs;
  // In the order they are given: the arrival, the halfway tick (only set when it was due: the
  // setting on and a step of 60 s or more), "change coming" (5 s before the end of a step of at
  // least 60 s when there is a halfway tick, so always after it).
  const candidates: Array<{ cue: CueName; at: number }> = [{ cue: arrivalCue(state, state.stepIndex), at: start }];
  if (state.halfwayDone) candidates.push({ cue: 'halfway', at: start + segmentMs(state) / 2 });
  if (state.comingDone) candidates.push({ cue: 'change-coming', at: start + segmentMs(state) - CHANGE_COMING_MS });
  let last: GivenCue | null = null;
  for (const c of candidates) {
    // Before the anchor: felt before a pause. After the latest reading: a +30 s moved it on.
    if (c.at >= state.anchorAt && c.at <= state.lastNow) last = { cue: c.cue, at: c.at - state.clockShiftMs };
  }
  return last;
}
