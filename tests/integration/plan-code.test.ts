// The therapist's plan code on the BUILT apps: pasted into the Settings App it shows what changes,
// Accept stores it and the open watch Home follows (assigned routine first, target); Before you
// start shows the therapist's tool and technique beside the steps of that area. A damaged code is
// refused with its reason and the stored plan stays as it was.
import { describe, expect, it } from 'vitest';
import { readPlan, savePlan } from '../../core/routines/plan-store';
import { encodePlanCode } from '../../core/routines/plan-code';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { phoneStore } from '../fixtures/sim-storage';
import { makePlan } from '../fixtures/plans';
import { TYPICAL_PLAN } from '../fixtures/plan-arbitrary';

autoCheckErrors();

const CODE = encodePlanCode(TYPICAL_PLAN);

describe('plan code in the Settings App', () => {
  it('plan code - pasted, it lists the changes; accepted, the watch shows the assigned routine and the advice', async () => {
    const sim = await bootWatch({ advance: 1_000 });
    sim.side.openSettings();
    sim.side.changeSettings('Plan code', CODE);
    const text = sim.side.settingsText();
    expect(text).toContain('Accepting this code changes:');
    expect(text).toContain('• Weekly target: no target → 3 per week');
    expect(text).toContain('• Avoid areas: none → Lower back');
    expect(readPlan(phoneStore(sim)).plan).toBeNull();
    sim.side.clickSettings('Accept the plan');
    expect(sim.side.settingsText()).toContain('Plan accepted.');
    expect(readPlan(phoneStore(sim)).plan?.customRoutines.map((r) => r.name)).toEqual(['Neck and shoulders after work']);
    await sim.clock.advance(2_000);
    const texts = sim.device.texts();
    expect(texts).toContain('This week: 0 of 3');
    // The assigned routines (★ name), then the one line that explains the mark.
    expect(texts.filter((t) => t.startsWith('★ '))).toEqual(['★ Desk reset', '★ Neck and shoulders after work', '★ = assigned by your therapist']);
    expect(texts[texts.indexOf('★ Neck and shoulders after work') + 1]).toBe('★ = assigned by your therapist');
    sim.device.click('★ Neck and shoulders after work');
    await sim.clock.advance(500);
    const before = sim.device.texts();
    // 6:00 as sent; neck and upper traps are focus areas, so their 90 + 60 + 60 s get +50 %: 7:45.
    expect(before).toContain('6 steps · 7:45');
    const neck = before.findIndex((t) => t.startsWith('1. Neck'));
    expect(before[neck + 1]).toBe('Neck: hands. Light pressure only, never on the front of the neck');
    const traps = before.findIndex((t) => t.startsWith('2. Upper traps'));
    expect(before[traps + 1]).toBe('Upper traps: ball. Hold tender spots 20 s, breathe out');
    expect(before.filter((t) => t.startsWith('Upper traps:'))).toHaveLength(1);
  });

  it('plan code - a code with one changed character is refused with its reason; the stored plan stays', async () => {
    const sim = await bootWatch({ advance: 1_000 });
    const phone = phoneStore(sim);
    savePlan(phone, makePlan());
    const stored = readPlan(phone).plan;
    sim.side.openSettings();
    const i = CODE.lastIndexOf('.') - 10;
    sim.side.changeSettings('Plan code', CODE.slice(0, i) + (CODE[i] === 'Q' ? 'R' : 'Q') + CODE.slice(i + 1));
    expect(sim.side.settingsText()).toContain('This code cannot be used. The check digits do not match: a character of the code was changed or mistyped.');
    expect(sim.side.findSettings('Accept the plan', 'Button')).toEqual([]);
    expect(readPlan(phone).plan).toEqual(stored);
  });

  it('plan code - declined, nothing changes', async () => {
    const sim = await bootWatch({ advance: 1_000 });
    sim.side.openSettings();
    sim.side.changeSettings('Plan code', CODE);
    sim.side.clickSettings('Decline');
    expect(sim.side.settingsText()).toContain('Code declined: your plan is unchanged.');
    expect(readPlan(phoneStore(sim)).plan).toBeNull();
  });
});
