// Catching a running session up with the clock. Every boundary passed since the last reading
// ends its step at the boundary itself (not at the late wake-up), so lateness never shifts the
// steps that follow; the cues passed are collapsed into the one that says where the person is now.

import type { StepRecord } from '../routines/model';
import { finish } from './finish';
import { comingAtMs, elapsedAt, halfwayAtMs, isRunning, plannedMs, segmentMs, stepAt } from './timing';
import type { CueName, SessionState } from './types';

export interface Advanced {
  readonly state: SessionState;
  /** Cues whose boundaries were passed, oldest first. */
  readonly passed: readonly CueName[];
}

/** The cue for arriving at step `index` from the previous step or the lead-in. */
export function arrivalCue(state: SessionState, index: number): CueName {
  if (index === 0) return 'lead-in-over';
  const previous = stepAt(state, index - 1);
  return previous.area === stepAt(state, index).area ? 'switch-side' : 'next-area';
}

/** Starts step `index` at wall time `at` with no time spent in it yet. */
export function beginStep(state: SessionState, index: number, at: number, ended: readonly StepRecord[]): SessionState {
  return { ...state, stepIndex: index, anchorAt: at, elapsedMs: 0, extraMs: 0, halfwayDone: false, comingDone: false, ended };
}

/** Ends the current step at wall time `at` after `doneMs`; the next one begins, or the session completes. */
export function endStep(state: SessionState, at: number, doneMs: number, skipped: boolean): SessionState {
  const step = stepAt(state, state.stepIndex);
  const ended = state.ended.concat([{ area: step.area, side: step.side, plannedMs: plannedMs(step), doneMs, skipped }]);
  const next = state.stepIndex + 1;
  if (next >= state.routine.steps.length) return finish({ ...state, ended, elapsedMs: doneMs }, 'completed', at);
  return beginStep(state, next, at, ended);
}

export function endLeadIn(state: SessionState, at: number, spentMs: number): SessionState {
  return beginStep({ ...state, inLeadIn: false, leadInSpentMs: spentMs, phase: state.phase === 'lead-in' ? 'running' : state.phase }, 0, at, state.ended);
}

export function advance(state: SessionState, now: number): Advanced {
  let current = state;
  const passed: CueName[] = [];
  while (isRunning(current)) {
    const elapsed = elapsedAt(current, now);
    const halfway = halfwayAtMs(current);
    if (halfway !== null && elapsed >= halfway) {
      current = { ...current, halfwayDone: true };
      passed.push('halfway');
    }
    const coming = comingAtMs(current);
    if (coming !== null && elapsed >= coming) {
      current = { ...current, comingDone: true };
      passed.push('change-coming');
    }
    const length = segmentMs(current);
    if (elapsed < length) break;
    const boundary = current.anchorAt + (length - current.elapsedMs);
    if (current.inLeadIn) {
      current = endLeadIn(current, boundary, length);
      passed.push('lead-in-over');
    } else {
      current = endStep(current, boundary, length, false);
      passed.push(current.phase === 'finished' ? 'done' : arrivalCue(current, current.stepIndex));
    }
  }
  return { state: { ...current, lastNow: Math.max(current.lastNow, now) }, passed };
}

/** Cues that only say where in a step the person is, not that they moved. */
function isInStepCue(cue: CueName): boolean {
  return cue === 'halfway' || cue === 'change-coming';
}

/** One cue for where the person is now: a change of area or side matters more than an in-step tick. */
export function collapseCues(passed: readonly CueName[]): CueName | null {
  for (let i = passed.length - 1; i >= 0; i--) {
    const cue = passed[i];
    if (cue !== undefined && !isInStepCue(cue)) return cue;
  }
  return passed[passed.length - 1] ?? null;
}
