// The routine as the next run gets it: the plan applied (core/routines/plan) to the routine with the
// accepted progression areas added, the accepted progression time, then adapted to the recent
// check-ins (core/routines/adaptation) unless the person turned adaptation off. Before-you-start and the
// Session page both call this, so what is shown is what runs; `baseSeconds` is what the plan alone
// gave each step (0 for an area progression added), which the session's record keeps.

import type { AdaptedRoutine } from '../routines/adaptation';
import { adaptRoutine } from '../routines/adaptation';
import type { Routine, TherapistPlan, WatchSettings } from '../routines/model';
import type { PlannedRoutine } from '../routines/plan';
import { planRoutine } from '../routines/plan';
import { DEFAULT_ADAPT } from '../settings/reminder-prefs';
import type { KeyValueStore } from '../kernel/store';
import { loadCheckInLog } from './checkin-log';
import { addAcceptedAreas, applyProgression } from '../routines/progression';
import { loadProgression } from './progression-store';

export interface RunRoutine extends PlannedRoutine {
  readonly adapted: AdaptedRoutine;
  /** What the plan alone gives each step of `routine`, in step order. */
  readonly baseSeconds: readonly number[];
}

export function routineForRun(routine: Routine, plan: TherapistPlan | null, settings: WatchSettings, store: KeyValueStore): RunRoutine {
  const progression = loadProgression(store);
  const base = planRoutine(routine, plan);
  // Accepted areas are added before the plan is applied, so the plan's focus rule and avoid list hold for them too.
  const withAreas = planRoutine(addAcceptedAreas(routine, progression, plan), plan);
  // An accepted progression step is part of the base the check-ins then adapt.
  const planned = { ...withAreas, routine: applyProgression(withAreas.routine, progression) };
  const on = settings.adapt ?? DEFAULT_ADAPT;
  const adapted = adaptRoutine(planned.routine, plan, on ? loadCheckInLog(store) : []);
  // Added steps come after the plan's own, so step i of the run is step i of the plan's routine.
  const baseSeconds = adapted.routine.steps.map((_, index) => base.routine.steps[index]?.seconds ?? 0);
  return { ...planned, routine: adapted.routine, adapted, baseSeconds };
}
