// Progression on the BUILT bundles: four whole weeks on target bring one offer on Home; accepting
// makes the next run longer within the limits (more time, or one more area from the plan's focus
// list); declining is remembered across launches; the answer reaches the phone with the next
// session, where the Overview and the report list it.
import { describe, expect, it } from 'vitest';
import { enqueue } from '../../core/sync/outbox';
import { advanceUntil, autoCheckErrors, bootWatch } from '../fixtures/sim';
import { MemoryStore } from '../fixtures/memory-store';
import { makePlan } from '../fixtures/plans';
import { makeRecord } from '../fixtures/records';

autoCheckErrors();

const DAY = 24 * 60 * 60 * 1000;
const MONDAY_9 = new Date(2026, 2, 2, 9, 0).getTime();
const PLAN = JSON.stringify(makePlan({ weeklyTarget: 3, focusAreas: [], avoidAreas: [] }));

const CALVES_PLAN = JSON.stringify(makePlan({ weeklyTarget: 3, focusAreas: ['calves'], avoidAreas: ['feet'] }));

function fourWeeksOnTarget(plan = PLAN): Record<string, string> {
  const store = new MemoryStore();
  for (let w = 1; w <= 4; w += 1) {
    for (const d of [0, 2, 4]) {
      const startedAt = MONDAY_9 - w * 7 * DAY + d * DAY;
      enqueue(store, makeRecord({ startedAt, endedAt: startedAt + 300_000, tzOffsetMin: -new Date(startedAt).getTimezoneOffset() }));
    }
  }
  return { ...store.snapshot(), plan };
}

describe.each(['gts4-3.6', 'trex3-4.0'])('progression on the built app (%s)', (profile) => {
  it('progression - four weeks on target offer a next step once; accepting makes the next desk reset longer (neck 60 s → 70 s)', async () => {
    const sim = await bootWatch({ profile, startTime: MONDAY_9, storage: fourWeeksOnTarget(), settings: { plan: PLAN }, advance: 1_000 });
    expect(sim.device.texts()).toContain('Next step: 10 % more time in each session?');
    sim.device.click('Yes, do it');
    await sim.clock.advance(200);
    expect(sim.device.hasText('Next step')).toBe(false);
    sim.device.click('Desk reset');
    await sim.clock.advance(200);
    expect(sim.device.texts().some((text) => text.startsWith('1. Neck') && text.includes('1:10'))).toBe(true);
  });

  it('progression - declining is remembered: the offer does not come back at the next launch', async () => {
    const sim = await bootWatch({ profile, startTime: MONDAY_9, storage: fourWeeksOnTarget(), settings: { plan: PLAN }, advance: 1_000 });
    sim.device.click('Not now');
    await sim.clock.advance(200);
    sim.device.relaunch();
    await sim.clock.advance(1_000);
    expect(sim.device.hasText('Next step')).toBe(false);
    expect(String(sim.device.storage()['knead.progression'])).toContain('declined');
  });
  it('progression - with a focus area the routine lacks, the offer is that area; accepted, the next Desk reset ends with calves left and right (no feet, avoided)', async () => {
    const sim = await bootWatch({ profile, startTime: MONDAY_9, storage: fourWeeksOnTarget(CALVES_PLAN), settings: { plan: CALVES_PLAN }, advance: 1_000 });
    expect(sim.device.texts()).toContain('Next step: add Calves?');
    expect(sim.device.hasText('Next step: 10 % more time in each session?')).toBe(false);
    sim.device.click('Yes, do it');
    await sim.clock.advance(200);
    expect(sim.device.hasText('Next step')).toBe(false);
    sim.device.click('Desk reset');
    await sim.clock.advance(200);
    const steps = sim.device.texts().filter((text) => /^\d+\. /.test(text));
    // The Desk reset's seven steps, then the calves (a focus area: the library's 60 s + 50 % = 1:30 a side).
    expect(steps).toHaveLength(9);
    expect(steps.slice(7).map((text) => text.split(' · ').slice(0, 3).join(' · '))).toEqual(['8. Calves · left · 1:30', '9. Calves · right · 1:30']);
    expect(steps.some((text) => text.includes('Feet'))).toBe(false);
  });

  it('progression - the answer reaches the phone with the next session: Overview and report list it, the report shows the calves as added time', async () => {
    const sim = await bootWatch({ profile, startTime: MONDAY_9, storage: fourWeeksOnTarget(CALVES_PLAN), settings: { plan: CALVES_PLAN }, advance: 1_000 });
    sim.device.click('Yes, do it');
    await sim.clock.advance(200);
    sim.device.click('Desk reset');
    await sim.clock.advance(200);
    sim.device.click('Start');
    const done = await advanceUntil(sim, () => /checkin|summary/.test(sim.device.currentPage()?.path ?? ''), 900_000, 1_000);
    expect(done).toBe(true);
    if (sim.device.currentPage()?.path.includes('checkin') === true) sim.device.click('Skip');
    await sim.clock.advance(5_000);
    sim.side.openSettings();
    const phone = sim.side.settingsText();
    expect(phone).toContain('Next step: Week of 2026-03-02: one more area (Calves), accepted');
    // The report (its copy box): the answer under Progression, and the calves as time the plan's routine did not have.
    const report = String(sim.side.findSettings('Knead self-massage report', 'TextInput')[0]?.attrs.value);
    expect(report).toContain('Progression\n  Week of 2026-03-02: one more area (Calves), accepted\n');
    expect(report).toContain("Calves: added as a next step (not in the plan's routine), 3:00 (1 session)");
  });
});

