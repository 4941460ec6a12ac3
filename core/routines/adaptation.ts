// Adaptive routines: the next run of a (planned) routine gives more time to an area whose
// tightness stayed high, inside the therapist's plan. Pure and deterministic.
//
// Evidence per area is the sequence of its ratings in past check-ins, oldest first; a check-in
// that did not rate the area adds nothing (unrated counts for nothing). A level 0-2 is folded over
// that sequence: every run of three ratings in a row that are all tight (2-3) raises it by one,
// every run of three all loose (0-1) lowers it by one, so it goes back toward the base time where
// the area stayed low. Each level adds 25 % of the step's base time (rounded up to 5 s), so at most
// +50 %, and never past the step limit (600 s) or the routine limit (60 min). Avoided areas are
// never added: the planned routine has none, and a plan's avoid list is checked again here.

import type { Area, Routine, Step, TherapistPlan, Tightness } from './model';
import { ROUTINE_LIMITS } from './routine-validation';

export const ADAPT_STEP_RATIO = 0.25;
export const ADAPT_MAX_LEVEL = 2;
/** Ratings in a row that count as "stayed". */
export const ADAPT_WINDOW = 3;

/** One past check-in: the areas it rated (unrated areas are simply absent). */
export interface PastCheckIn {
  readonly ratings: readonly { readonly area: Area; readonly tightness: Tightness }[];
}

export interface AreaChange {
  readonly area: Area;
  /** Seconds of all the area's steps before and after adaptation. */
  readonly baseSeconds: number;
  readonly adaptedSeconds: number;
  /** True when the last three ratings were all tight (the reason shown); false: easing back. */
  readonly tightLately: boolean;
}

export interface AdaptedRoutine {
  readonly routine: Routine;
  /** Base seconds per step, in step order (what the plan alone would give). */
  readonly baseSeconds: readonly number[];
  readonly changes: readonly AreaChange[];
}

const tight = (t: number): boolean => t >= 2;

/** The level (0-2) the ratings of one area earn, oldest rating first. */
export function adaptationLevel(ratings: readonly number[]): number {
  let level = 0;
  for (let i = ADAPT_WINDOW - 1; i < ratings.length; i += 1) {
    const window = ratings.slice(i - ADAPT_WINDOW + 1, i + 1);
    if (window.every(tight)) level = Math.min(ADAPT_MAX_LEVEL, level + 1);
    else if (window.every((t) => !tight(t))) level = Math.max(0, level - 1);
  }
  return level;
}

function ratingsOf(area: Area, history: readonly PastCheckIn[]): number[] {
  const out: number[] = [];
  for (const checkIn of history) {
    const rating = checkIn.ratings.find((r) => r.area === area);
    if (rating !== undefined) out.push(rating.tightness);
  }
  return out;
}

export function adaptRoutine(planned: Routine, plan: TherapistPlan | null, history: readonly PastCheckIn[]): AdaptedRoutine {
  const avoid = new Set<Area>(plan === null ? [] : plan.avoidAreas);
  const steps = planned.steps.filter((s) => !avoid.has(s.area));
  const base = steps.map((s) => s.seconds);
  const levels = new Map<Area, number>();
  const lately = new Map<Area, boolean>();
  for (const step of steps) {
    if (levels.has(step.area)) continue;
    const ratings = ratingsOf(step.area, history);
    levels.set(step.area, adaptationLevel(ratings));
    const last = ratings.slice(-ADAPT_WINDOW);
    lately.set(step.area, last.length === ADAPT_WINDOW && last.every(tight));
  }
  let total = base.reduce((sum, s) => sum + s, 0);
  const adapted: Step[] = steps.map((step) => {
    const level = levels.get(step.area) ?? 0;
    if (level === 0) return step;
    const wanted = Math.ceil((step.seconds * ADAPT_STEP_RATIO * level) / 5) * 5;
    const roomInStep = ROUTINE_LIMITS.maxStepSeconds - step.seconds;
    const roomInRoutine = ROUTINE_LIMITS.maxTotalSeconds - total;
    const extra = Math.max(0, Math.min(wanted, roomInStep, roomInRoutine));
    total += extra;
    return extra === 0 ? step : { ...step, seconds: step.seconds + extra };
  });
  const changes: AreaChange[] = [];
  adapted.forEach((step, index) => {
    const before = base[index] ?? step.seconds;
    if (step.seconds === before) return;
    const known = changes.find((c) => c.area === step.area);
    if (known === undefined) changes.push({ area: step.area, baseSeconds: before, adaptedSeconds: step.seconds, tightLately: lately.get(step.area) === true });
    else changes[changes.indexOf(known)] = { ...known, baseSeconds: known.baseSeconds + before, adaptedSeconds: known.adaptedSeconds + step.seconds };
  });
  return { routine: { ...planned, steps: adapted }, baseSeconds: base, changes };
}
