// What the Session page shows, derived from the state and the clock without changing the
// state, so the page can redraw every second while the engine only wakes at cue boundaries.

import type { Step } from '../routines/model';
import { advance } from './advance';
import { clampNow, elapsedAt, plannedMs, segmentMs, stepAt } from './timing';
import type { SessionPhase, SessionState } from './types';

export interface SessionView {
  readonly phase: SessionPhase;
  /** The current step; during the lead-in, the step about to begin. */
  readonly stepIndex: number;
  readonly stepCount: number;
  readonly step: Step;
  /** True while the person is getting ready (also when paused during the lead-in). */
  readonly inLeadIn: boolean;
  /** Remaining ms of the current step, or of the lead-in during it. */
  readonly remainingMs: number;
  /** 0..1 through the current step (or lead-in). */
  readonly stepProgress: number;
  /** 0..1 through the whole routine's step time (the lead-in counts as 0). */
  readonly routineProgress: number;
  /** The step after the current one, or null on the last step. */
  readonly next: Step | null;
}

function ratio(part: number, whole: number): number {
  if (whole <= 0) return 1;
  return Math.min(1, Math.max(0, part / whole));
}

export function sessionView(state: SessionState, now: number): SessionView {
  const current = advance(state, clampNow(state, now)).state;
  const at = current.lastNow;
  const steps = current.routine.steps;
  const completed = current.record !== null && current.record.status === 'completed';
  const length = segmentMs(current);
  const elapsed = completed ? length : Math.min(length, elapsedAt(current, at));
  // Steps already passed count at their full (extended) length, so a skip moves progress on.
  let before = 0;
  current.ended.forEach((record, index) => {
    if (index < current.stepIndex) before += Math.max(record.plannedMs, record.doneMs);
  });
  let after = 0;
  for (let index = current.stepIndex + 1; index < steps.length; index++) after += plannedMs(stepAt(current, index));
  const stepLength = current.inLeadIn ? plannedMs(stepAt(current, 0)) : length;
  const doneInStep = current.inLeadIn ? 0 : elapsed;
  return {
    phase: current.phase,
    stepIndex: current.stepIndex,
    stepCount: steps.length,
    step: stepAt(current, current.stepIndex),
    inLeadIn: current.inLeadIn,
    remainingMs: completed ? 0 : Math.max(0, length - elapsed),
    stepProgress: completed ? 1 : ratio(elapsed, length),
    routineProgress: completed ? 1 : ratio(before + doneInStep, before + stepLength + after),
    next: steps[current.stepIndex + 1] ?? null,
  };
}
