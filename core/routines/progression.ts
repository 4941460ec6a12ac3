// Progression, as the plan advises ("begin small; gradually expand the time or areas"): after
// PROGRESSION_WEEKS whole weeks in a row on the weekly target, Knead offers (never imposes) one
// next step: ONE MORE AREA from the plan's focus list, or a LITTLE MORE TIME (+10 % on every step).
//
// Which one: an area when the plan's focus list has one that the person's routine lacks (never an
// avoided one, never one already accepted, only one the built-in library has steps for, and only
// if it fits the routine limits), unless the last answer was about an area: then time, so the two
// alternate. The person's answer is remembered with the week it was given; no new offer until
// another PROGRESSION_WEEKS weeks on target have passed since. At most PROGRESSION_MAX_STEPS time
// steps are ever accepted. An accepted area is added (its library steps, at the end) to every
// routine that lacks it, in every later run, as long as the plan does not avoid it.

import { LIBRARY } from './library';
import { localWeekStart } from '../kernel/local-time';
import type { Area, ProgressionAnswer, Routine, SessionRecord, Step, TherapistPlan } from './model';
import { ROUTINE_LIMITS } from './routine-validation';
import { countsTowardTarget, onTarget } from './weekly-target';

export const PROGRESSION_WEEKS = 4;
export const PROGRESSION_STEP_RATIO = 0.1;
export const PROGRESSION_MAX_STEPS = 3;
/** How many answers a record carries to the phone (an answer comes at most every five weeks). */
export const PROGRESSION_SENT_ANSWERS = 12;

export type ProgressionDecision = ProgressionAnswer;

export interface ProgressionState {
  readonly decisions: readonly ProgressionDecision[];
}

/** What Home offers: the week it is offered in, and the area (null: a little more time). */
export interface ProgressionOffer {
  readonly week: number;
  readonly area: Area | null;
}

export const EMPTY_PROGRESSION: ProgressionState = { decisions: [] };

/** Accepted "more time" steps (at most PROGRESSION_MAX_STEPS). */
export function acceptedSteps(state: ProgressionState): number {
  return Math.min(PROGRESSION_MAX_STEPS, state.decisions.filter((d) => d.choice === 'accepted' && d.area === undefined).length);
}

/** Accepted areas, in the order they were accepted, each once. */
export function acceptedAreas(state: ProgressionState): Area[] {
  const out: Area[] = [];
  for (const d of state.decisions) if (d.choice === 'accepted' && d.area !== undefined && out.indexOf(d.area) < 0) out.push(d.area);
  return out;
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

/** The library's steps for an area (from the first built-in routine that has it), or none. */
export function areaSteps(area: Area, library: readonly Routine[] = LIBRARY): readonly Step[] {
  for (const routine of library) {
    const steps = routine.steps.filter((s) => s.area === area);
    if (steps.length > 0) return steps;
  }
  return [];
}

/** The routine with `steps` added at the end, or null when that would break a routine limit. */
function withSteps(routine: Routine, steps: readonly Step[]): Routine | null {
  if (routine.steps.length + steps.length > ROUTINE_LIMITS.maxSteps) return null;
  const total = routine.steps.concat(steps).reduce((sum, s) => sum + s.seconds, 0);
  return total > ROUTINE_LIMITS.maxTotalSeconds ? null : { ...routine, steps: routine.steps.concat(steps) };
}

/** The plan's first focus area that `routine` lacks and that could be added to it (see the header). */
export function areaToOffer(state: ProgressionState, plan: TherapistPlan, routine: Routine): Area | null {
  const taken = acceptedAreas(state);
  for (const area of plan.focusAreas) {
    if (plan.avoidAreas.indexOf(area) >= 0 || taken.indexOf(area) >= 0) continue;
    if (routine.steps.some((s) => s.area === area)) continue;
    const steps = areaSteps(area);
    if (steps.length > 0 && withSteps(routine, steps) !== null) return area;
  }
  return null;
}

/**
 * The offer to make now, or null. `routine` is the routine the person runs (the last one run, or
 * the first on Home): an area is offered only if it lacks it.
 */
export function progressionOffer(state: ProgressionState, plan: TherapistPlan | null, sessions: readonly Session[], now: number, tzOffsetMin: number, routine: Routine | null = null): ProgressionOffer | null {
  if (plan === null || plan.weeklyTarget <= 0) return null;
  const thisWeek = localWeekStart(now, tzOffsetMin);
  const last = state.decisions[state.decisions.length - 1];
  const streak = weeksOnTargetInARow(sessions, plan.weeklyTarget, now, tzOffsetMin);
  const sinceAnswer = last === undefined ? Infinity : (thisWeek - last.week) / 7;
  if (streak < PROGRESSION_WEEKS || sinceAnswer <= PROGRESSION_WEEKS) return null;
  const area = routine === null ? null : areaToOffer(state, plan, routine);
  const timeLeft = acceptedSteps(state) < PROGRESSION_MAX_STEPS;
  // Alternate: after an answer about an area, time comes next (when any is left).
  const areaFirst = last === undefined || last.area === undefined || !timeLeft;
  if (area !== null && areaFirst) return { week: thisWeek, area };
  if (timeLeft) return { week: thisWeek, area: null };
  return null;
}

/** Remembers the answer to `offer`; a second answer in the same week changes nothing. */
export function decide(state: ProgressionState, offer: ProgressionOffer, choice: ProgressionDecision['choice']): ProgressionState {
  if (state.decisions.some((d) => d.week === offer.week)) return state;
  const answer: ProgressionDecision = offer.area === null ? { week: offer.week, choice } : { week: offer.week, choice, area: offer.area };
  return { decisions: state.decisions.concat([answer]) };
}

/** The accepted areas' library steps added at the end of a routine that lacks them, within the limits; never an avoided area. */
export function addAcceptedAreas(routine: Routine, state: ProgressionState, plan: TherapistPlan | null): Routine {
  let out = routine;
  for (const area of acceptedAreas(state)) {
    if (plan !== null && plan.avoidAreas.indexOf(area) >= 0) continue;
    if (out.steps.some((s) => s.area === area)) continue;
    const added = withSteps(out, areaSteps(area));
    if (added !== null) out = added;
  }
  return out;
}

/** The routine with the accepted time: +10 % a step per accepted step, rounded up to 5 s, within the limits. */
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

/** The answers a record carries to the phone: the last PROGRESSION_SENT_ANSWERS. */
export function answersToSend(state: ProgressionState): readonly ProgressionAnswer[] {
  return state.decisions.slice(-PROGRESSION_SENT_ANSWERS);
}
