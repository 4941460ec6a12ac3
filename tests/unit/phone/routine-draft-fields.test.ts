// The routine editor shows each problem next to the field it concerns (docs/core.md: 1-30 steps,
// 10-600 s a step). A routine may have up to 30 steps, so a step from the eleventh on is a field
// like any other; and the editor shows a stored draft as typed, so a value the rule does not know
// is shown at its own step whatever its text happens to say.

import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../core/phone/routine-draft';
import type { Routine, Step } from '../../../core/routines/model';

const step: Step = { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' };
const draft = (steps: readonly Step[]): Routine => ({ id: '', name: 'Evening', steps });

describe('routine editor - fields past the tenth step and odd values', () => {
  it('routine draft - a problem in step 11 or 12 is shown at that step with its own message, as in step 1', () => {
    const steps = Array.from({ length: 12 }, () => step);
    const r = draft(steps.map((s, i) => (i === 10 ? { ...s, side: 'left' as const } : i === 11 ? { ...s, seconds: 5 } : s)));
    expect(checkDraft(r, null).errors).toEqual([
      { field: 'steps[10].side', id: 'set.routines.err.side', values: { area: 'area.neck' } },
      { field: 'steps[11].seconds', id: 'set.routines.err.seconds', values: { min: 10, max: 600 } },
    ]);
  });

  it('routine draft - an unknown area is shown at its own step even when its text reads like the rule for the number of steps', () => {
    const errors = checkDraft(draft([step, { ...step, area: 'at least one' as Step['area'] }]), null).errors;
    expect(errors.map((e) => [e.field, e.id])).toEqual([['steps[1].area', 'set.routines.err.other']]);
  });
});
