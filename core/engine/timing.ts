// Derived timing of a session state. Everything is computed from stored timestamps, never
// from a count of ticks.

import type { Step } from '../routines/model';
import { CHANGE_COMING_MS, HALFWAY_MIN_STEP_MS } from './types';
import type { SessionState } from './types';

export function isRunning(state: SessionState): boolean {
  return state.phase === 'lead-in' || state.phase === 'running';
}

export function stepAt(state: SessionState, index: number): Step {
  const step = state.routine.steps[index];
  // Unreachable for states built by the engine or accepted by restore(); a loud failure beats a wrong cue.
  if (step === undefined) throw new Error(`session has no step ${index}`);
  return step;
}

export function plannedMs(step: Step): number {
  return step.seconds * 1000;
}

/** Length of the current segment: the lead-in, or the step with its extensions. */
export function segmentMs(state: SessionState): number {
  return state.inLeadIn ? state.leadInMs : plannedMs(stepAt(state, state.stepIndex)) + state.extraMs;
}

/** Active ms into the current segment at `now` (now must not be before anchorAt). */
export function elapsedAt(state: SessionState, now: number): number {
  return isRunning(state) ? state.elapsedMs + (now - state.anchorAt) : state.elapsedMs;
}

/** Where in the current step the halfway tick falls, or null when none is due in it. */
export function halfwayAtMs(state: SessionState): number | null {
  if (state.inLeadIn || state.halfwayDone || !state.settings.halfwayTick) return null;
  const step = stepAt(state, state.stepIndex);
  if (plannedMs(step) < HALFWAY_MIN_STEP_MS) return null;
  return segmentMs(state) / 2;
}

/** Where in the current step the "change coming" cue falls, or null when none is due in it. */
export function comingAtMs(state: SessionState): number | null {
  if (state.inLeadIn || state.comingDone || state.settings.changeComing !== true) return null;
  const at = segmentMs(state) - CHANGE_COMING_MS;
  // A step too short to warn about (the warning would be the step) gets none.
  return at > 0 ? at : null;
}

/**
 * A wall-clock reading in engine time. A reading earlier than the latest one seen means the watch
 * clock was set back: the difference joins clockShiftMs, so no time passes over the jump (at most
 * the time since the previous reading is lost) and the session continues at once instead of
 * waiting for the clock to catch up. Not a number reads as "no time passed".
 */
export function readClock(state: SessionState, now: number): { readonly now: number; readonly clockShiftMs: number } {
  if (!Number.isFinite(now)) return { now: state.lastNow, clockShiftMs: state.clockShiftMs };
  const shifted = now + state.clockShiftMs;
  if (shifted >= state.lastNow) return { now: shifted, clockShiftMs: state.clockShiftMs };
  return { now: state.lastNow, clockShiftMs: state.lastNow - now };
}

/** A clock reading made safe, in engine time (see readClock). */
export function clampNow(state: SessionState, now: number): number {
  return readClock(state, now).now;
}
