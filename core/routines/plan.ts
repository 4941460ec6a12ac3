// Applying the therapist's plan to what the watch offers: avoided areas are never cued, focus
// areas get more time, assigned routines come first, and the weekly target is counted in the
// person's own week.

import { LIBRARY } from './library';
import type { Area, AreaAdvice, Routine, RoutineSource, Step, TherapistPlan } from './model';
import { ROUTINE_LIMITS } from './routine-validation';

/**
 * Focus rule: a focus-area step gets +50 % of its time, rounded up to a whole 5 s, capped at the
 * step limit (600 s). Extra time is given in step order and only while the routine stays within
 * its 60-minute limit, so a planned routine always passes validateRoutine.
 */
export const FOCUS_EXTRA_RATIO = 0.5;

export interface PlannedRoutine {
  readonly routine: Routine;
  /** Areas of the routine that the plan says to avoid, in order of first appearance. */
  readonly leftOut: readonly Area[];
  /** True when every step was avoided: show leftOut and do not start it. */
  readonly empty: boolean;
}

function focusedSeconds(seconds: number): number {
  const raised = Math.ceil((seconds * (1 + FOCUS_EXTRA_RATIO)) / 5) * 5;
  return Math.min(ROUTINE_LIMITS.maxStepSeconds, Math.max(seconds, raised));
}

export function planRoutine(routine: Routine, plan: TherapistPlan | null): PlannedRoutine {
  if (plan === null) return { routine, leftOut: [], empty: routine.steps.length === 0 };
  const avoid = new Set<Area>(plan.avoidAreas);
  const focus = new Set<Area>(plan.focusAreas);
  const leftOut: Area[] = [];
  const kept: Step[] = [];
  for (const step of routine.steps) {
    if (avoid.has(step.area)) {
      if (leftOut.indexOf(step.area) < 0) leftOut.push(step.area);
    } else {
      kept.push(step);
    }
  }
  let total = kept.reduce((sum, step) => sum + step.seconds, 0);
  const steps = kept.map((step) => {
    if (!focus.has(step.area)) return step;
    const seconds = focusedSeconds(step.seconds);
    if (total + seconds - step.seconds > ROUTINE_LIMITS.maxTotalSeconds) return step;
    total += seconds - step.seconds;
    return { ...step, seconds };
  });
  return { routine: { ...routine, steps }, leftOut, empty: steps.length === 0 };
}

/** An area the plan gave more time in this routine: `seconds` more over all its steps. */
export interface FocusGiven {
  readonly area: Area;
  readonly seconds: number;
}

/**
 * Before-you-start's focus note: the focus areas that really got more time in this routine (an
 * area not in it, or left at its time by the routine's 60-minute limit, gets no note), each once,
 * in the order they first appear.
 */
export function focusGiven(routine: Routine, plan: TherapistPlan | null): readonly FocusGiven[] {
  if (plan === null) return [];
  const avoid = new Set<Area>(plan.avoidAreas);
  const kept = routine.steps.filter((step) => !avoid.has(step.area));
  const planned = planRoutine(routine, plan).routine.steps;
  const out: FocusGiven[] = [];
  kept.forEach((step, index) => {
    const after = planned[index];
    if (after === undefined || after.seconds <= step.seconds) return;
    const extra = after.seconds - step.seconds;
    const known = out.findIndex((f) => f.area === step.area);
    if (known < 0) out.push({ area: step.area, seconds: extra });
    else out[known] = { area: step.area, seconds: (out[known]?.seconds ?? 0) + extra };
  });
  return out;
}

/**
 * Before-you-start: the therapist's advice for the steps of a routine, each area once, in the
 * order the areas first appear (so the advice sits with the steps it is about).
 */
export function adviceForSteps(plan: TherapistPlan | null, steps: readonly Step[]): readonly AreaAdvice[] {
  if (plan === null || plan.advice === undefined) return [];
  const out: AreaAdvice[] = [];
  for (const step of steps) {
    const advice = plan.advice.find((a) => a.area === step.area);
    if (advice !== undefined && out.indexOf(advice) < 0) out.push(advice);
  }
  return out;
}

/** The therapist's technique note for an area ('' when the plan has none). */
export function techniqueFor(plan: TherapistPlan | null, area: Area): string {
  if (plan === null || plan.advice === undefined) return '';
  const advice = plan.advice.find((a) => a.area === area);
  return advice === undefined ? '' : advice.technique;
}

export interface HomeRoutine {
  readonly routine: Routine;
  readonly source: RoutineSource;
}

/** Home list: assigned routines (in the therapist's order), then built-in, then custom; each once. */
export function routinesForHome(plan: TherapistPlan | null, library: readonly Routine[] = LIBRARY): readonly HomeRoutine[] {
  const custom = plan === null ? [] : plan.customRoutines;
  const byId = new Map<string, Routine>();
  for (const routine of library) byId.set(routine.id, routine);
  for (const routine of custom) if (!byId.has(routine.id)) byId.set(routine.id, routine);
  const shown = new Set<string>();
  const home: HomeRoutine[] = [];
  for (const id of plan === null ? [] : plan.assignedRoutineIds) {
    const routine = byId.get(id);
    // An assignment of a routine the watch does not have (yet) is skipped rather than shown broken.
    if (routine === undefined || shown.has(id)) continue;
    shown.add(id);
    home.push({ routine, source: 'assigned' });
  }
  for (const routine of library) {
    if (shown.has(routine.id)) continue;
    shown.add(routine.id);
    home.push({ routine, source: 'builtin' });
  }
  for (const routine of custom) {
    if (shown.has(routine.id)) continue;
    shown.add(routine.id);
    home.push({ routine, source: 'custom' });
  }
  return home;
}

export { sessionsThisWeek } from './weekly-target';
