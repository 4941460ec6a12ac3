// The lines shown before taking a therapist's code list exactly what changes (docs/core.md, "Paste
// a plan code"): a plan without a note, after no plan or after another plan without a note, says
// nothing about a note; a routine is described with each of its areas once, in the order they first
// come, however often a step returns to one.

import { describe, expect, it } from 'vitest';
import { englishT } from '../../../core/phone/messages';
import { describePlanChanges } from '../../../core/phone/plan-changes';
import { makePlan, makeRoutine } from '../../fixtures/plans';

describe('plan from a code - note and areas', () => {
  it('plan changes - a plan without a note says nothing about a note, after no plan or after a plan without one', () => {
    const plain = makePlan();
    expect(plain.note).toBeUndefined();
    expect(describePlanChanges(null, plain, englishT).filter((line) => /note/i.test(line))).toEqual([]);
    expect(describePlanChanges(plain, { ...plain, weeklyTarget: 4 }, englishT)).toEqual(['Weekly target: 3 per week → 4 per week']);
  });

  it('plan changes - a new routine names each area once, the first one too, however often its steps come back to it', () => {
    const routine = makeRoutine({
      id: 'my-loop',
      name: 'Loop',
      steps: [
        { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' },
        { area: 'shoulders', side: 'left', seconds: 60, tool: 'hands', hint: '' },
        { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' },
      ],
    });
    const before = makePlan();
    const lines = describePlanChanges(before, { ...before, customRoutines: before.customRoutines.concat([routine]) }, englishT);
    expect(lines).toEqual(['New routine "Loop" (3 steps · 3:00: Neck, Shoulders)']);
  });
});
