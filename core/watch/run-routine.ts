// The routine as the next run gets it: the plan applied (core/plan), then adapted to the recent
// check-ins (core/adaptation) unless the person turned adaptation off. Before-you-start and the
// Session page both call this, so what is shown is what runs.

import type { AdaptedRoutine } from '../adaptation';
import { adaptRoutine } from '../adaptation';
import type { Routine, TherapistPlan, WatchSettings } from '../model';
import type { PlannedRoutine } from '../plan';
import { planRoutine } from '../plan';
import { DEFAULT_ADAPT } from '../reminder-prefs';
import type { KeyValueStore } from '../sync/store';
import { loadCheckInLog } from './checkin-log';
import { applyProgression } from '../progression';
import { loadProgression } from './progression-store';

export interface RunRoutine extends PlannedRoutine {
  readonly adapted: AdaptedRoutine;
}

export function routineForRun(routine: Routine, plan: TherapistPlan | null, settings: WatchSettings, store: KeyValueStore): RunRoutine {
  const plan0 = planRoutine(routine, plan);
  // An accepted progression step is part of the base the check-ins then adapt.
  const planned = { ...plan0, routine: applyProgression(plan0.routine, loadProgression(store)) };
  const on = settings.adapt ?? DEFAULT_ADAPT;
  const adapted = adaptRoutine(planned.routine, plan, on ? loadCheckInLog(store) : []);
  return { ...planned, routine: adapted.routine, adapted };
}
