// Progression on the BUILT bundles: four whole weeks on target bring one offer on Home; accepting
// makes the next run longer within the limits; declining is remembered across launches.
import { describe, expect, it } from 'vitest';
import { enqueue } from '../../core/sync/outbox';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { MemoryStore } from '../fixtures/memory-store';
import { makePlan } from '../fixtures/plans';
import { makeRecord } from '../fixtures/records';

autoCheckErrors();

const DAY = 24 * 60 * 60 * 1000;
const MONDAY_9 = new Date(2026, 2, 2, 9, 0).getTime();
const PLAN = JSON.stringify(makePlan({ weeklyTarget: 3, focusAreas: [], avoidAreas: [] }));

function fourWeeksOnTarget(): Record<string, string> {
  const store = new MemoryStore();
  for (let w = 1; w <= 4; w += 1) {
    for (const d of [0, 2, 4]) {
      const startedAt = MONDAY_9 - w * 7 * DAY + d * DAY;
      enqueue(store, makeRecord({ startedAt, endedAt: startedAt + 300_000, tzOffsetMin: -new Date(startedAt).getTimezoneOffset() }));
    }
  }
  return { ...store.snapshot(), plan: PLAN };
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
});
