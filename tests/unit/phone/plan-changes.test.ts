import { describe, expect, it } from 'vitest';
import { englishT } from '../../../core/phone/messages';
import { describePlanChanges, mergeCodePlan } from '../../../core/phone/plan-changes';
import { validatePlan } from '../../../core/routines/plan-validation';
import { adviceForSteps } from '../../../core/routines/plan';
import { routineLength } from '../../../core/routines/routine-length';
import { DESK_RESET } from '../../../core/routines/library';
import { makePlan, makeRoutine } from '../../fixtures/plans';
import { TYPICAL_PLAN } from '../../fixtures/plan-arbitrary';
import { settingT } from '../../fixtures/po';

const NOW = Date.UTC(2026, 10, 25, 12);

describe('plan from a code - merge', () => {
  it('plan changes - the person\'s own routines stay; a routine from an earlier code is replaced', () => {
    const own = makeRoutine({ id: 'my-neck', name: 'My neck' });
    const earlier = makeRoutine({ id: 'therapist-1', name: 'Old homework' });
    const current = makePlan({ customRoutines: [own, earlier], assignedRoutineIds: ['therapist-1'] });
    const merged = mergeCodePlan(current, TYPICAL_PLAN, NOW);
    expect(merged.customRoutines.map((r) => r.id)).toEqual(['therapist-1', 'my-neck']);
    expect(merged.assignedRoutineIds).toEqual(TYPICAL_PLAN.assignedRoutineIds);
    expect(merged.updatedAt).toBe(NOW);
    expect(validatePlan(merged).ok).toBe(true);
  });

  it('plan changes - the merged plan is newer than the current one even when the phone clock is behind', () => {
    const current = makePlan({ updatedAt: NOW + 5_000 });
    expect(mergeCodePlan(current, TYPICAL_PLAN, NOW).updatedAt).toBe(NOW + 5_001);
  });
});

describe('plan from a code - what changes', () => {
  it('plan changes - from no plan, every part of the therapist plan is listed in words', () => {
    const lines = describePlanChanges(null, mergeCodePlan(null, TYPICAL_PLAN, NOW), englishT);
    expect(lines).toEqual([
      'Weekly target: no target → 3 per week',
      'Focus areas: none → Neck, Upper trapezius',
      'Avoid areas: none → Lower back',
      'New routine "Neck and shoulders after work" (6 steps · 6:00: Neck, Upper trapezius, Shoulders, Forearms)',
      'Assigned routines: none → Desk reset, Neck and shoulders after work',
      'Neck: Hands, Light pressure only, never on the front of the neck',
      'Upper trapezius: Massage ball, Hold tender spots 20 s, breathe out',
      'Note from your therapist: Right shoulder is tighter: give it a little more time. Heat before if stiff. See you in 3 weeks.',
    ]);
  });

  it('plan changes - the same plan again changes nothing', () => {
    const merged = mergeCodePlan(null, TYPICAL_PLAN, NOW);
    expect(describePlanChanges(merged, mergeCodePlan(merged, TYPICAL_PLAN, NOW + 1), englishT)).toEqual([]);
  });

  it('plan changes - removed routines, changed target and removed advice and note are each named', () => {
    const before = mergeCodePlan(null, TYPICAL_PLAN, NOW);
    const { advice: _a, note: _n, ...bare } = TYPICAL_PLAN;
    const next = mergeCodePlan(before, { ...bare, weeklyTarget: 0, customRoutines: [], assignedRoutineIds: [] }, NOW);
    expect(describePlanChanges(before, next, englishT)).toEqual([
      'Weekly target: 3 per week → no target',
      'Routine "Neck and shoulders after work" is removed',
      'Assigned routines: Desk reset, Neck and shoulders after work → none',
      'Neck: advice removed',
      'Upper trapezius: advice removed',
      "The therapist's note is removed",
    ]);
  });
});

describe('plan validation - advice and note', () => {
  const problems = (plan: unknown): string[] => {
    const checked = validatePlan(plan);
    return checked.ok ? [] : checked.problems.map((p) => `${p.path} ${p.message}`);
  };

  it('plan validation - advice for an avoided area, a repeated area, or on two lines is refused with its path', () => {
    expect(problems({ ...TYPICAL_PLAN, advice: [{ area: 'lower-back', tool: 'hands', technique: '' }] })).toEqual(['advice[0].area is lower-back, which the plan says to avoid']);
    expect(problems({ ...TYPICAL_PLAN, advice: [{ area: 'neck', tool: 'hands', technique: '' }, { area: 'neck', tool: 'other', technique: '' }] })).toEqual(['advice[1].area repeats neck: one piece of advice per area']);
    expect(problems({ ...TYPICAL_PLAN, advice: [{ area: 'neck', tool: 'hands', technique: 'one\ntwo' }] })).toEqual(['advice[0].technique must be one line (no line breaks or control characters)']);
    expect(problems({ ...TYPICAL_PLAN, advice: [{ area: 'neck', tool: 'stick', technique: '' }] })).toEqual(['advice[0].tool must be one of: hands, massage-ball, foam-roller, other']);
    expect(problems({ ...TYPICAL_PLAN, note: 'x'.repeat(301) })).toEqual(['note must be at most 300 characters (got 301)']);
  });

  it('plan validation - a plan without advice or note is still valid and stays without them', () => {
    const checked = validatePlan(makePlan());
    expect(checked.ok && 'advice' in checked.value).toBe(false);
    expect(checked.ok && 'note' in checked.value).toBe(false);
  });
});

describe('routine length and advice for steps', () => {
  it('routine length - counts steps and adds their time as m:ss', () => {
    expect(routineLength({ steps: [] })).toEqual({ steps: 0, seconds: 0, clock: '0:00' });
    expect(routineLength(makeRoutine())).toEqual({ steps: 2, seconds: 105, clock: '1:45' });
    expect(routineLength(DESK_RESET)).toEqual({ steps: 7, seconds: 320, clock: '5:20' });
  });

  it('advice for steps - each advised area of the routine once, in the order the areas first come', () => {
    const plan = makePlan({ avoidAreas: [], advice: [{ area: 'forearms', tool: 'hands', technique: 'a' }, { area: 'neck', tool: 'hands', technique: 'b' }, { area: 'feet', tool: 'massage-ball', technique: 'c' }] });
    expect(adviceForSteps(plan, DESK_RESET.steps).map((a) => a.area)).toEqual(['neck', 'forearms']);
    expect(adviceForSteps(null, DESK_RESET.steps)).toEqual([]);
  });
});

describe('plan changes - language', () => {
  const oneStep = makeRoutine({ id: 'one', name: 'One', steps: [{ area: 'calves', side: 'both', seconds: 60, tool: 'hands', hint: '' }] });
  const twoAreas = makeRoutine({ id: 'two', name: 'Two' });

  it('plan changes - a one-step routine reads "1 step" in English and German, Chinese lists areas with 、', () => {
    const after = makePlan({ customRoutines: [oneStep, twoAreas], assignedRoutineIds: [] });
    const en = describePlanChanges(null, after, englishT).join('\n');
    expect(en).toContain('"One" (1 step · 1:00: Calves)');
    expect(en).not.toContain('1 steps');
    const de = describePlanChanges(null, after, settingT('de-DE')).join('\n');
    expect(de).toContain('„One" (1 Schritt · 1:00: Waden)');
    const zh = describePlanChanges(null, after, settingT('zh-CN')).join('\n');
    expect(zh).toContain('“Two”（2 步 · 1:45：颈部、肩部）');
  });
});
