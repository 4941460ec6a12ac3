// The routine editor's checks in words, next to the field they concern. The rule is still
// core/routines/routine-validation's (the same function the watch and savePlan apply): each problem it
// reports is mapped from its path to a field and from its kind to a plain message id with values,
// which the Settings App translates. The editor renders them from the current draft, so a message
// disappears as soon as its field is fixed. Warnings (an avoided area) do not stop saving.

import type { Area, Routine, TherapistPlan } from '../routines/model';
import { ROUTINE_LIMITS, validateRoutine } from '../routines/routine-validation';
import { routineLength } from '../routines/routine-length';

export interface FieldMessage {
  /** 'name', 'steps' (the list as a whole) or 'steps[i].<field>' / 'steps[i]' for one step. */
  readonly field: string;
  readonly id: string;
  readonly values: Readonly<Record<string, string | number>>;
}

export interface DraftCheck {
  readonly errors: readonly FieldMessage[];
  readonly warnings: readonly FieldMessage[];
}

/** Checks a draft as typed (id is made on save, so a placeholder id is checked here). */
export function checkDraft(draft: Routine, plan: TherapistPlan | null): DraftCheck {
  const checked = validateRoutine({ ...draft, id: 'draft' });
  const errors: FieldMessage[] = [];
  if (!checked.ok) {
    for (const p of checked.problems) {
      if (p.path === 'id') continue;
      const step = /^steps\[(\d+)\]\.?(\w*)$/.exec(p.path);
      if (p.path === 'name') errors.push({ field: 'name', id: 'set.routines.err.name', values: { max: ROUTINE_LIMITS.nameMaxLength } });
      else if (p.path === 'steps' && p.message.indexOf('at least') >= 0) errors.push({ field: 'steps', id: 'set.routines.err.no-steps', values: {} });
      else if (p.path === 'steps' && p.message.indexOf('must have at most') === 0) errors.push({ field: 'steps', id: 'set.routines.err.too-many-steps', values: { max: ROUTINE_LIMITS.maxSteps } });
      else if (p.path === 'steps') errors.push({ field: 'steps', id: 'set.routines.err.too-long', values: { max: ROUTINE_LIMITS.maxTotalSeconds / 60, time: routineLength(draft).clock } });
      else if (step !== null && step[2] === 'side') errors.push({ field: p.path, id: 'set.routines.err.side', values: { area: `area.${String(draft.steps[Number(step[1])]?.area)}` } });
      else if (step !== null && step[2] === 'seconds') errors.push({ field: p.path, id: 'set.routines.err.seconds', values: { min: ROUTINE_LIMITS.minStepSeconds, max: ROUTINE_LIMITS.maxStepSeconds } });
      else if (step !== null && step[2] === 'hint') errors.push({ field: p.path, id: 'set.routines.err.hint', values: { max: ROUTINE_LIMITS.hintMaxLength } });
      else errors.push({ field: p.path, id: 'set.routines.err.other', values: { problem: p.message } });
    }
  }
  const warnings: FieldMessage[] = [];
  const avoid: readonly Area[] = plan === null ? [] : plan.avoidAreas;
  draft.steps.forEach((s, i) => {
    if (avoid.indexOf(s.area) >= 0) warnings.push({ field: `steps[${i}].area`, id: 'set.routines.warn.avoided', values: { area: `area.${s.area}` } });
  });
  return { errors, warnings };
}
