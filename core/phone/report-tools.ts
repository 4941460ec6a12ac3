// Which tool each step of a recorded session used. Records carry area and side but not the tool,
// so it is read from the routine the session ran (built-in, or custom in the current plan): each
// recorded step takes the tool of the routine's step with the same area and side, in order (the
// watch may have left out avoided steps, so positions alone would not match).

import { LIBRARY } from '../routines/library';
import type { Routine, SessionRecord, TherapistPlan, Tool } from '../routines/model';

/** Tools by recorded step index, or null when the routine is not known any more. */
export function toolsOfSession(record: SessionRecord, plan: TherapistPlan | null): Array<Tool | undefined> | null {
  const routine: Routine | undefined = LIBRARY.find((r) => r.id === record.routineId) || (plan === null ? undefined : plan.customRoutines.find((r) => r.id === record.routineId));
  if (routine === undefined) return null;
  let from = 0;
  return record.steps.map((step) => {
    for (let i = from; i < routine.steps.length; i += 1) {
      const candidate = routine.steps[i];
      if (candidate !== undefined && candidate.area === step.area && candidate.side === step.side) {
        from = i + 1;
        return candidate.tool;
      }
    }
    return undefined;
  });
}
