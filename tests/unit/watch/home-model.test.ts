// Home's model (core/watch/home): "Again: <routine>" is the routine started last while Home still
// offers it; a routine is found by id among what Home offers (built-in, assigned, the plan's custom
// ones), and not found once the plan no longer has it.
import { describe, expect, it } from 'vitest';
import { findRoutine, homeModel } from '../../../core/watch/home';
import { makePlan, makeRoutine } from '../../fixtures/plans';

const NOW = Date.UTC(2026, 2, 4, 9, 0);

describe('home model', () => {
  it('home - the last routine started is offered again; an id Home no longer offers, or none, offers nothing', () => {
    expect(homeModel(null, [], 0, 'tired-feet', NOW, 0).last?.routine.id).toBe('tired-feet');
    expect(homeModel(null, [], 0, 'desk-reset', NOW, 0).last?.routine.id).toBe('desk-reset');
    expect(homeModel(null, [], 0, 'gone-custom', NOW, 0).last).toBeNull();
    expect(homeModel(null, [], 0, undefined, NOW, 0).last).toBeNull();
  });

  it('home - a routine is found by id among built-in and the plan\'s custom ones; a custom one is gone with its plan', () => {
    const custom = makeRoutine({ id: 'my-neck' });
    const plan = makePlan({ customRoutines: [custom] });
    expect(findRoutine(plan, 'my-neck')).toEqual(custom);
    expect(findRoutine(null, 'typing-hands')?.id).toBe('typing-hands');
    expect(findRoutine(null, 'my-neck')).toBeNull();
    expect(homeModel(plan, [], 2, 'my-neck', NOW, 0)).toMatchObject({ last: { routine: custom }, waiting: 2, weekTarget: plan.weeklyTarget });
  });
});
