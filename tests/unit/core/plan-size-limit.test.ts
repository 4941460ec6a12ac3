// How large a plan may be (docs/sync.md, "plan size"): 64 KB (the watch's plan.get reply limit)
// less 1 KB for the reply around it, so 64512 bytes of JSON. The Settings App refuses a larger plan
// when it is saved, saying how large it is and what the limit is, and keeps what was stored.

import { describe, expect, it } from 'vitest';
import type { Step, TherapistPlan } from '../../../core/routines/model';
import { PLAN_KEY, readPlan, savePlan } from '../../../core/routines/plan-store';
import { describeProblems } from '../../../core/kernel/result';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan, makeRoutine } from '../../fixtures/plans';

const DOCUMENTED_LIMIT = 64 * 1024 - 1024;
const STEP: Step = { area: 'calves', side: 'both', seconds: 10, tool: 'hands', hint: 'h'.repeat(100) };
const STEPS_PER_ROUTINE = 30;

const bytesOf = (plan: TherapistPlan): number => Buffer.byteLength(JSON.stringify(plan), 'utf8');

/** A plan of `steps` custom steps (30 to a routine), none assigned. */
function planWithSteps(steps: number): TherapistPlan {
  const routines = [];
  for (let r = 0; r * STEPS_PER_ROUTINE < steps; r += 1) {
    const count = Math.min(STEPS_PER_ROUTINE, steps - r * STEPS_PER_ROUTINE);
    routines.push(makeRoutine({ id: `custom-${r}`, name: `Custom ${r}`, steps: Array.from({ length: count }, () => STEP) }));
  }
  return makePlan({ assignedRoutineIds: [], customRoutines: routines });
}

/** The largest plan of whole steps within the limit, and the next one, just over it. */
function aroundTheLimit(): { under: TherapistPlan; over: TherapistPlan } {
  let steps = 1;
  while (bytesOf(planWithSteps(steps + 1)) <= DOCUMENTED_LIMIT) steps += 1;
  return { under: planWithSteps(steps), over: planWithSteps(steps + 1) };
}

describe('plan size limit', () => {
  it('plan size - the largest plan within 64 KB less 1 KB is saved and reads back whole', () => {
    const { under } = aroundTheLimit();
    expect(bytesOf(under)).toBeLessThanOrEqual(DOCUMENTED_LIMIT);
    expect(bytesOf(under)).toBeGreaterThan(DOCUMENTED_LIMIT - 300);
    const phone = new MemoryStore();
    expect(savePlan(phone, under).ok).toBe(true);
    expect(readPlan(phone)).toEqual({ plan: under });
  });

  it('plan size - one step more is refused with its size and the limit, and the stored plan stays', () => {
    const { over } = aroundTheLimit();
    expect(bytesOf(over)).toBeGreaterThan(DOCUMENTED_LIMIT);
    const phone = new MemoryStore();
    savePlan(phone, makePlan());
    const before = phone.getItem(PLAN_KEY);
    const refused = savePlan(phone, over);
    expect(refused.ok ? 'saved' : describeProblems(refused.problems)).toBe(
      `the plan is too large to send to the watch (${bytesOf(over)} bytes; at most ${DOCUMENTED_LIMIT}): shorten hints or remove a custom routine`,
    );
    expect(phone.getItem(PLAN_KEY)).toBe(before);
  });
});
