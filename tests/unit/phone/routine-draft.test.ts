import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../core/phone/routine-draft';
import type { Routine } from '../../../core/routines/model';
import { makePlan } from '../../fixtures/plans';

const step = { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' } as const;
const draft = (overrides: Partial<Routine>): Routine => ({ id: '', name: 'Evening', steps: [step], ...overrides });
const fields = (r: Routine, plan = makePlan({ avoidAreas: ['lower-back'], focusAreas: [] })) => {
  const c = checkDraft(r, plan);
  return { errors: c.errors.map((m) => `${m.field} ${m.id}`), warnings: c.warnings.map((m) => `${m.field} ${m.id} ${String(m.values['area'])}`) };
};

describe('routine editor checks', () => {
  it('routine draft - each problem is tied to its field with a plain message id, not a path in the text', () => {
    expect(fields(draft({ name: '  ' })).errors).toEqual(['name set.routines.err.name']);
    expect(fields(draft({ steps: [] })).errors).toEqual(['steps set.routines.err.no-steps']);
    expect(fields(draft({ steps: [{ ...step, area: 'lower-back', side: 'left' }] })).errors).toEqual(['steps[0].side set.routines.err.side']);
    expect(fields(draft({ steps: Array.from({ length: 7 }, () => ({ ...step, seconds: 600 })) })).errors).toEqual(['steps set.routines.err.too-long']);
    expect(fields(draft({ steps: Array.from({ length: 31 }, () => ({ ...step, seconds: 10 })) })).errors).toEqual(['steps set.routines.err.too-many-steps']);
  });

  it('routine draft - a fixed draft has no message left; the generated id is never blamed on the person', () => {
    expect(checkDraft(draft({}), null)).toEqual({ errors: [], warnings: [] });
  });

  it('routine draft - a step on an area the plan avoids is a warning at that step, not an error', () => {
    const r = draft({ steps: [step, { ...step, area: 'lower-back' }] });
    expect(fields(r)).toEqual({ errors: [], warnings: ['steps[1].area set.routines.warn.avoided area.lower-back'] });
    expect(checkDraft(r, null).warnings).toEqual([]);
  });
});
