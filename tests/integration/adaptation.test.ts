// Adaptive routines on the BUILT bundles (API 3.6 and 4.x): after three check-ins that rated the
// neck tight, Before-you-start says why the neck gets more time and the session runs it longer;
// the session's record keeps the plan's time beside the adapted one and the phone's report shows
// both; an avoided area never appears whatever its ratings; the person can turn adaptation off.
import { describe, expect, it } from 'vitest';
import { advanceUntil, autoCheckErrors, bootWatch } from '../fixtures/sim';
import { makePlan } from '../fixtures/plans';
import { toggleWatchSetting } from '../fixtures/watch-flows';

autoCheckErrors();

const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const tightNeck = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: `s${i}`, ratings: [{ area: 'neck', tightness: 3 }, { area: 'forearms', tightness: 0 }] })));

type Sim = Awaited<ReturnType<typeof bootWatch>>;

async function before(sim: Sim): Promise<void> {
  sim.device.click('Desk reset');
  await sim.clock.advance(200);
  expect(sim.device.currentPage()?.path).toContain('before');
}

describe.each(['gts4-3.6', 'trex3-4.0'])('adaptation on the built app (%s)', (profile) => {
  it('adaptation - three tight neck check-ins: Before says "Neck +15 s" and why, and the session runs the neck 75 s instead of 60 s', async () => {
    const sim = await bootWatch({ profile, startTime: START, storage: { 'knead.checkins': tightNeck(3) }, advance: 1_000 });
    await before(sim);
    expect(sim.device.texts()).toContain('Neck +15 s: tight in your last 3 sessions');
    expect(sim.device.texts().some((text) => text.startsWith('1. Neck') && text.includes('1:15'))).toBe(true);
    sim.device.click('Start');
    await sim.clock.advance(500);
    const session = JSON.parse(String(sim.device.storage()['knead.session'])) as { state: { routine: { steps: { area: string; seconds: number }[] } } };
    expect(session.state.routine.steps[0]).toMatchObject({ area: 'neck', seconds: 75 });
  });

  it('adaptation - an avoided area never appears, however tight it was', async () => {
    const plan = JSON.stringify(makePlan({ avoidAreas: ['neck'], focusAreas: [] }));
    const sim = await bootWatch({ profile, startTime: START, storage: { 'knead.checkins': tightNeck(6), plan }, settings: { plan }, advance: 1_000 });
    await before(sim);
    expect(sim.device.texts().filter((text) => text.includes('Neck +'))).toEqual([]);
    expect(sim.device.texts().filter((text) => /^\d+\. Neck/.test(text))).toEqual([]);
  });

  it('adaptation - turned off in Settings, the neck keeps its planned 60 s and no reason is shown', async () => {
    const sim = await bootWatch({ profile, startTime: START, storage: { 'knead.checkins': tightNeck(3) }, advance: 1_000 });
    await toggleWatchSetting(sim, 'Adapt to check-ins: on', 'Adapt to check-ins: off');
    await before(sim);
    expect(sim.device.texts().filter((text) => text.includes('Neck +'))).toEqual([]);
    expect(sim.device.texts().some((text) => text.startsWith('1. Neck') && text.includes('1:00'))).toBe(true);
  });
  it('adaptation - the adapted run reaches the phone with the plan\'s time kept: the report says "Neck: plan 1:00, adapted 1:15"', async () => {
    const sim = await bootWatch({ profile, startTime: START, storage: { 'knead.checkins': tightNeck(3) }, advance: 1_000 });
    await before(sim);
    sim.device.click('Start');
    // Lead-in, then the Desk reset's 320 s with the neck at 75 s instead of 60 s.
    const done = await advanceUntil(sim, () => /checkin|summary/.test(sim.device.currentPage()?.path ?? ''), 600_000, 1_000);
    expect(done).toBe(true);
    if (sim.device.currentPage()?.path.includes('checkin') === true) sim.device.click('Skip');
    await sim.clock.advance(5_000);
    sim.side.openSettings();
    const phone = sim.side.settingsText();
    expect(phone).toContain('Time on the watch against the plan');
    // 60 s by the plan, 75 s as run: 1:00 and 1:15; the other areas ran as planned and are not listed.
    expect(phone).toContain('Neck: plan 1:00, adapted 1:15 (1 session)');
    expect(phone).not.toMatch(/Forearms: plan/);
  });
});
