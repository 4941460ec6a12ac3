// Adaptive routines (core/routines/adaptation): more time where an area stayed tight in three check-ins in a
// row, at most +50 %, back toward the base where it stayed loose, never an avoided area, never past
// the routine limits, unrated check-ins count for nothing, the same input gives the same output.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adaptRoutine } from '../../../core/routines/adaptation';
import type { PastCheckIn } from '../../../core/routines/adaptation';
import { AREAS } from '../../../core/routines/model';
import type { Area, Routine, TherapistPlan, Tightness } from '../../../core/routines/model';
import { ROUTINE_LIMITS } from '../../../core/routines/routine-validation';
import { PLAN, routineArb } from '../../fixtures/core';

const NECK_60: Routine = { id: 'r', name: 'R', steps: [{ area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' }, { area: 'forearms', side: 'left', seconds: 40, tool: 'hands', hint: '' }] };
const rated = (area: Area, tightness: Tightness): PastCheckIn => ({ ratings: [{ area, tightness }] });
const seconds = (r: Routine): number[] => r.steps.map((s) => s.seconds);

const historyArb: fc.Arbitrary<PastCheckIn[]> = fc.array(
  fc.record({ ratings: fc.uniqueArray(fc.record({ area: fc.constantFrom(...AREAS), tightness: fc.constantFrom<Tightness>(0, 1, 2, 3) }), { selector: (r) => r.area, maxLength: 5 }) }),
  { maxLength: 12 },
);
const avoidArb = fc.uniqueArray(fc.constantFrom(...AREAS), { maxLength: 4 });

describe('adaptation', () => {
  it('adaptation - three tight check-ins on the neck give it 25 % more (60 s → 75 s) with the reason; other areas keep their time', () => {
    const out = adaptRoutine(NECK_60, null, [rated('neck', 2), rated('neck', 3), rated('neck', 2)]);
    expect(seconds(out.routine)).toEqual([75, 40]);
    expect(out.changes).toEqual([{ area: 'neck', baseSeconds: 60, adaptedSeconds: 75, tightLately: true }]);
    expect(out.baseSeconds).toEqual([60, 40]);
  });

  it('adaptation - six tight in a row reach the +50 % cap and no further; three loose afterwards step back toward the base', () => {
    const tight = Array.from({ length: 9 }, () => rated('neck', 3));
    expect(seconds(adaptRoutine(NECK_60, null, tight).routine)[0]).toBe(90);
    const easing = [...tight, rated('neck', 0), rated('neck', 1), rated('neck', 0)];
    const out = adaptRoutine(NECK_60, null, easing);
    expect(seconds(out.routine)[0]).toBe(75);
    expect(out.changes[0]?.tightLately).toBe(false);
  });

  it('adaptation - unrated check-ins between tight ones count for nothing; two tight ones are not enough', () => {
    const unrated: PastCheckIn = { ratings: [] };
    expect(seconds(adaptRoutine(NECK_60, null, [rated('neck', 3), unrated, rated('forearms', 0), rated('neck', 3), unrated, rated('neck', 2)]).routine)).toEqual([75, 40]);
    expect(seconds(adaptRoutine(NECK_60, null, [rated('neck', 3), rated('neck', 3)]).routine)).toEqual([60, 40]);
  });

  it('adaptation - any routine, plan and history: never shorter, at most +50 % (5 s rounding), within the step and routine limits, no avoided area, deterministic', () => {
    fc.assert(
      fc.property(routineArb, avoidArb, historyArb, (routine, avoid, history) => {
        const plan: TherapistPlan = { ...PLAN, avoidAreas: avoid };
        const planned = { ...routine, steps: routine.steps.filter((s) => avoid.indexOf(s.area) < 0) };
        const out = adaptRoutine(planned, plan, history);
        expect(adaptRoutine(planned, plan, history)).toEqual(out);
        expect(out.routine.steps.map((s) => s.area)).toEqual(planned.steps.map((s) => s.area));
        for (const step of out.routine.steps) expect(avoid).not.toContain(step.area);
        out.routine.steps.forEach((step, i) => {
          const base = planned.steps[i]?.seconds ?? 0;
          expect(step.seconds).toBeGreaterThanOrEqual(base);
          expect(step.seconds).toBeLessThanOrEqual(Math.max(base, Math.min(ROUTINE_LIMITS.maxStepSeconds, base + Math.ceil(base * 0.5 / 5) * 5)));
        });
        const total = out.routine.steps.reduce((sum, s) => sum + s.seconds, 0);
        const baseTotal = planned.steps.reduce((sum, s) => sum + s.seconds, 0);
        expect(total).toBeLessThanOrEqual(Math.max(baseTotal, ROUTINE_LIMITS.maxTotalSeconds));
      }),
    );
  });

  it('adaptation - without evidence (no history, or fewer than three ratings of any area) nothing changes', () => {
    fc.assert(
      fc.property(routineArb, fc.array(fc.record({ ratings: fc.constant([]) }), { maxLength: 5 }), (routine, empty) => {
        const out = adaptRoutine(routine, null, empty);
        expect(out.routine).toEqual(routine);
        expect(out.changes).toEqual([]);
        const two = AREAS.flatMap((a) => [rated(a, 3), rated(a, 3)]);
        expect(adaptRoutine(routine, null, two).routine).toEqual(routine);
      }),
    );
  });
});
