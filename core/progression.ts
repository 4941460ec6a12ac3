// Progression, as the plan advises ("begin small; gradually expand the time"): after
// PROGRESSION_WEEKS whole weeks in a row on the weekly target, Knead offers (never imposes) a
// little more time: +10 % on every step of every run, within the routine limits. The person's
// answer is remembered with the week it was given; no new offer until another PROGRESSION_WEEKS
// weeks on target have passed since. At most PROGRESSION_MAX_STEPS steps are ever accepted.

import { localWeekStart } from './local-time';
import type { Routine, SessionRecord, TherapistPlan } from './model';
import { ROUTINE_LIMITS } from './routine-validation';
import { countsTowardTarget, onTarget } from './weekly-target';

export const PROGRESSION_WEEKS = 4;
export const PROGRESSION_STEP_RATIO = 0.1;
export const PROGRESSION_MAX_STEPS = 3;

export interface ProgressionDecision {
  /** Local day number of the Monday of the week the answer was given. */
  readonly week: number;
  readonly choice: 'accepted' | 'declined';
}

export interface ProgressionState {
  readonly decisions: readonly ProgressionDecision[];
}

export const EMPTY_PROGRESSION: ProgressionState = { decisions: [] };

export function acceptedSteps(state: ProgressionState): number {
  return Math.min(PROGRESSION_MAX_STEPS, state.decisions.filter((d) => d.choice === 'accepted').length);
}

type Session = Pick<SessionRecord, 'startedAt' | 'tzOffsetMin' | 'status'>;

/** Whole weeks before the current one, in a row, that met the target (0 when there is no target). */
export function weeksOnTargetInARow(sessions: readonly Session[], target: number, now: number, tzOffsetMin: number): number {
  if (target <= 0) return 0;
  const perWeek = new Map<number, number>();
  for (const s of sessions) {
    if (!countsTowardTarget(s)) continue;
    const week = localWeekStart(s.startedAt, s.tzOffsetMin);
    perWeek.set(week, (perWeek.get(week) || 0) + 1);
  }
  let weeks = 0;
  for (let week = localWeekStart(now, tzOffsetMin) - 7; onTarget(perWeek.get(week) || 0, target); week -= 7) weeks += 1;
  return weeks;
}

/** The week to offer progression in, or null when there is nothing to offer now. */
export function progressionOffer(state: ProgressionState, plan: TherapistPlan | null, sessions: readonly Session[], now: number, tzOffsetMin: number): number | null {
  if (plan === null || plan.weeklyTarget <= 0 || acceptedSteps(state) >= PROGRESSION_MAX_STEPS) return null;
  const thisWeek = localWeekStart(now, tzOffsetMin);
  const last = state.decisions[state.decisions.length - 1];
  const streak = weeksOnTargetInARow(sessions, plan.weeklyTarget, now, tzOffsetMin);
  const sinceAnswer = last === undefined ? Infinity : (thisWeek - last.week) / 7;
  return streak >= PROGRESSION_WEEKS && sinceAnswer > PROGRESSION_WEEKS ? thisWeek : null;
}

export function decide(state: ProgressionState, week: number, choice: ProgressionDecision['choice']): ProgressionState {
  if (state.decisions.some((d) => d.week === week)) return state;
  return { decisions: state.decisions.concat([{ week, choice }]) };
}

/** The routine with the accepted progression: +10 % a step per accepted step, rounded up to 5 s, within the limits. */
export function applyProgression(routine: Routine, state: ProgressionState): Routine {
  const steps = acceptedSteps(state);
  if (steps === 0) return routine;
  let total = routine.steps.reduce((sum, s) => sum + s.seconds, 0);
  return {
    ...routine,
    steps: routine.steps.map((step) => {
      const wanted = Math.ceil((step.seconds * PROGRESSION_STEP_RATIO * steps) / 5) * 5;
      const extra = Math.max(0, Math.min(wanted, ROUTINE_LIMITS.maxStepSeconds - step.seconds, ROUTINE_LIMITS.maxTotalSeconds - total));
      total += extra;
      return extra === 0 ? step : { ...step, seconds: step.seconds + extra };
    }),
  };
}
