// One definition of duration on the BUILT bundles: after an untouched Desk reset with a 30 s pause,
// the watch Summary and the phone's Settings App show the same massage time (the 320 s of the
// steps as the product describes them), with the lead-in and the pause kept out of it.
import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { holdControl, LONG_PRESS_MS } from '../fixtures/watch-flows';
import { DESK_RESET_LEAD_IN_MS, DESK_RESET_STEPS } from '../fixtures/desk-reset';

autoCheckErrors();

const MASSAGE_S = DESK_RESET_STEPS.reduce((sum, [, , s]) => sum + s, 0);

describe('session time (built)', () => {
  it('Desk reset with a 30 s pause - watch Summary and phone show the same 320 s of massage, and so does the watch History row', async () => {
    expect(MASSAGE_S).toBe(320);
    const sim = await bootWatch({ profile: 'cheetah-pro-3.6', advance: 500 });
    sim.device.click('Desk reset');
    await sim.clock.advance(100);
    const t0 = sim.clock.now();
    sim.device.click('Start');
    await sim.clock.runUntil(t0 + 50_000);
    sim.device.click('Pause');
    await sim.clock.runUntil(t0 + 80_000);
    sim.device.click('Resume');
    await sim.clock.runUntil(t0 + DESK_RESET_LEAD_IN_MS + MASSAGE_S * 1000 + 30_000 + 2_000);
    if (sim.device.currentPage()?.path.includes('checkin') === true) sim.device.click('Skip');
    await sim.clock.advance(2_000);
    expect(sim.device.currentPage()?.path).toContain('summary');
    const watch = sim.device.texts().join(' | ');
    expect(watch).toContain('Massage: 5:20');
    expect(watch).toContain('Paused: 0:30');
    expect(watch).not.toContain('5:55');
    await sim.clock.advance(5_000);
    sim.side.openSettings();
    const phone = sim.side.settingsText();
    // The phone writes it exactly as the watch does: 5:20 (the whole span would be 5:55, with the lead-in 5:25).
    expect(phone).toContain('· Desk reset · 5:20 · completed');
    expect(phone).not.toContain('5.3 min');
    // The watch's History row says the same massage time.
    sim.device.click('Done');
    await sim.clock.advance(500);
    sim.device.click('History');
    await sim.clock.advance(500);
    expect(sim.device.texts().some((text) => text.startsWith('Completed · 5:20 ·'))).toBe(true);
  });

  it('Desk reset stopped in its second step - the Summary says "Stopped early — 2 of 7 steps" and 1:20 of massage', async () => {
    const sim = await bootWatch({ profile: 'cheetah-pro-3.6', advance: 500 });
    sim.device.click('Desk reset');
    await sim.clock.advance(100);
    const t0 = sim.clock.now();
    sim.device.click('Start');
    // 5 s lead-in, neck 60 s, then 20 s into the left upper traps.
    // The finger goes down 0.7 s earlier, so the long press stops it exactly 80 s in.
    await sim.clock.runUntil(t0 + DESK_RESET_LEAD_IN_MS + 80_000 - LONG_PRESS_MS);
    await holdControl(sim, 'Stop');
    await sim.clock.advance(1_000);
    if (sim.device.currentPage()?.path.includes('checkin') === true) sim.device.click('Skip');
    await sim.clock.advance(2_000);
    expect(sim.device.currentPage()?.path).toContain('summary');
    const watch = sim.device.texts().join(' | ');
    expect(watch).toContain('Stopped early — 2 of 7 steps');
    expect(watch).toContain('Massage: 1:20');
  });
});
