// The therapist plan's rules as docs/core.md and docs/sync.md describe them: a tool and a one-line
// technique per area (one piece of advice an area, never for an avoided area), assigned routines
// that are built-in or custom, custom routines that do not take a built-in id, a plan of at most
// 64512 bytes as JSON ("the plan is too large to send to the watch (N bytes; at most 64512)"), and
// a plan from a newer Knead refused with "update Knead" alone. Every refusal names the field.

import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../../core/routines/plan-validation';
import type { Problem, Validated } from '../../../core/kernel/result';
import type { AreaAdvice, Routine, TherapistPlan } from '../../../core/routines/model';
import { makePlan, makeRoutine } from '../../fixtures/plans';

function problems<T>(result: Validated<T>): readonly Problem[] {
  return result.ok ? [] : result.problems;
}

function withoutKey(plan: TherapistPlan, key: keyof TherapistPlan): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...plan };
  delete copy[key];
  return copy;
}

const neckAdvice: AreaAdvice = { area: 'neck', tool: 'hands', technique: 'Slow strokes toward the heart' };
const forearmAdvice: AreaAdvice = { area: 'forearms', tool: 'massage-ball', technique: 'Roll from wrist to elbow' };

describe('plan validation - advice per area', () => {
  it('plan validation - advice for two different areas is kept as given', () => {
    const plan = makePlan({ advice: [neckAdvice, forearmAdvice] });
    expect(validatePlan(plan)).toEqual({ ok: true, value: plan });
  });

  it('plan validation - a second piece of advice for the same area is refused at its area', () => {
    const found = problems(validatePlan(makePlan({ advice: [neckAdvice, { ...neckAdvice, tool: 'other' }] })));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('advice[1].area');
    expect(found[0]?.message).toMatch(/repeats neck/);
  });

  it('plan validation - advice for an avoided area is refused, naming the area', () => {
    const plan = makePlan({ focusAreas: ['neck'], avoidAreas: ['lower-back', 'calves'] });
    const found = problems(validatePlan({ ...plan, advice: [{ area: 'lower-back', tool: 'hands', technique: '' }] }));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('advice[0].area');
    expect(found[0]?.message).toMatch(/lower-back/);
    expect(found[0]?.message).toMatch(/avoid/);
  });

  it('plan validation - advice that is not an object says what it should hold', () => {
    const found = problems(validatePlan({ ...makePlan(), advice: ['neck'] }));
    expect(found.map((p) => p.path)).toEqual(['advice[0]']);
    expect(found[0]?.message).toMatch(/area, tool and technique/);
  });

  it('plan validation - an unknown area or tool in advice is refused at that field', () => {
    const found = problems(validatePlan({ ...makePlan(), advice: [{ area: 'elbows', tool: 'stick', technique: '' }] }));
    expect(found.map((p) => p.path)).toEqual(['advice[0].area', 'advice[0].tool']);
  });

  it('plan validation - a technique with a line break or another control character is refused as not one line', () => {
    for (const technique of ['Slow strokes\nthen hold', 'Tab\there', 'Bell\u0007', 'line one\r']) {
      const found = problems(validatePlan({ ...makePlan(), advice: [{ ...neckAdvice, technique }] }));
      expect(found.map((p) => p.path)).toEqual(['advice[0].technique']);
      expect(found[0]?.message).toMatch(/one line/);
    }
  });
});

describe('plan validation - note', () => {
  it('plan validation - a note over 300 characters is refused at the note', () => {
    const found = problems(validatePlan(makePlan({ note: 'n'.repeat(301) })));
    expect(found.map((p) => p.path)).toEqual(['note']);
    expect(found[0]?.message).toMatch(/300/);
  });
});

describe('plan validation - routines', () => {
  it('plan validation - a custom routine may not take a built-in id, and the problem names it', () => {
    const found = problems(validatePlan(makePlan({ customRoutines: [makeRoutine(), makeRoutine({ id: 'desk-reset' })], assignedRoutineIds: [] })));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('customRoutines[1].id');
    expect(found[0]?.message).toMatch(/built-in/);
    expect(found[0]?.message).toMatch(/desk-reset/);
  });

  it('plan validation - a plan without custom routines is told once that they are required', () => {
    const found = problems(validatePlan(withoutKey(makePlan(), 'customRoutines')));
    expect(found).toEqual([{ path: 'customRoutines', message: 'is required' }]);
  });

  it('plan validation - any of several custom routines may be assigned', () => {
    const calves = makeRoutine({ id: 'my-calves', name: 'My calves' });
    const plan = makePlan({ customRoutines: [makeRoutine(), calves], assignedRoutineIds: ['my-calves'] });
    expect(validatePlan(plan)).toEqual({ ok: true, value: plan });
  });

  it('plan validation - an assigned id that is neither built-in nor custom is refused, naming the id', () => {
    const found = problems(validatePlan(makePlan({ assignedRoutineIds: ['my-neck', 'my-back'] })));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('assignedRoutineIds[1]');
    expect(found[0]?.message).toMatch(/my-back/);
  });

  it('plan validation - assigning a custom routine that is itself refused does not also call it unknown', () => {
    const broken = { ...makeRoutine(), steps: [{ area: 'neck', side: 'both', seconds: 5, tool: 'hands', hint: '' }] };
    const found = problems(validatePlan({ ...makePlan(), customRoutines: [broken], assignedRoutineIds: ['my-neck'] }));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.path.startsWith('customRoutines[0]'))).toBe(true);
  });
});

describe('plan validation - version', () => {
  it('plan validation - a plan from a newer Knead is refused with the update reason alone', () => {
    const found = problems(validatePlan({ ...makePlan(), v: 2, focusAreas: 'all of them', somethingNew: true }));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/^plan version 2 .*update Knead/);
  });

  it('plan validation - a plan without a version still gets every other problem listed', () => {
    const found = problems(validatePlan({ ...withoutKey(makePlan(), 'v'), weeklyTarget: 99 }));
    expect(found.map((p) => p.path)).toEqual(['v', 'weeklyTarget']);
  });

  it('plan validation - a value that is no object is refused as not a plan', () => {
    for (const input of [null, 'plan', [makePlan()], 3]) {
      const found = problems(validatePlan(input));
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toMatch(/plan/);
    }
  });
});

// The largest plan the limits allow: 20 custom routines of 30 steps with hints of up to 120
// characters, far over 64512 bytes. `planOfBytes` fills hints until the plan's JSON is exactly n bytes.
const MAX_PLAN_BYTES_DOCUMENTED = 64512;

function bytesOf(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

function planOfBytes(n: number): TherapistPlan {
  const routines = (hints: (i: number, s: number) => string): Routine[] =>
    Array.from({ length: 20 }, (_, i) =>
      makeRoutine({
        id: `long-${i}`,
        name: `Long ${i}`,
        steps: Array.from({ length: 30 }, (_, s) => ({ area: 'neck', side: 'both', seconds: 10, tool: 'hands', hint: hints(i, s) }) as const),
      }),
    );
  const base = makePlan({ focusAreas: [], avoidAreas: [], assignedRoutineIds: [], customRoutines: routines(() => '') });
  let left = n - bytesOf(base);
  const lengths: number[][] = Array.from({ length: 20 }, () =>
    Array.from({ length: 30 }, () => {
      const take = Math.min(120, left);
      left -= take;
      return take;
    }),
  );
  if (left !== 0) throw new Error(`cannot build a plan of ${n} bytes`);
  const plan = { ...base, customRoutines: routines((i, s) => 'h'.repeat(lengths[i]?.[s] ?? 0)) };
  expect(bytesOf(plan)).toBe(n);
  return plan;
}

describe('plan validation - size', () => {
  it('plan validation - a plan of exactly 64512 bytes is accepted', () => {
    const plan = planOfBytes(MAX_PLAN_BYTES_DOCUMENTED);
    expect(validatePlan(plan)).toEqual({ ok: true, value: plan });
  });

  it('plan validation - one byte more is refused for the whole plan, with its size and the limit', () => {
    const found = problems(validatePlan(planOfBytes(MAX_PLAN_BYTES_DOCUMENTED + 1)));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('');
    expect(found[0]?.message).toMatch(/too large/);
    expect(found[0]?.message).toMatch(/64513 bytes/);
    expect(found[0]?.message).toMatch(/64512/);
  });
});
