import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch, isZmlDisconnect } from '../fixtures/sim';

autoCheckErrors();

describe('foundation', () => {
  it.each(['balance-3.7', 'gts4-3.6'])('foundation - a page asks the side service over ZML and shows the answer (%s)', async (profile) => {
    const sim = await bootWatch({ profile });
    expect(sim.device.currentPage()?.path).toBe('page/home/index.page');
    expect(sim.device.hasText('Checking phone')).toBe(true);
    await sim.clock.advance(1000);
    expect(sim.device.hasText('Phone connected')).toBe(true);
    expect(sim.device.offScreen()).toEqual([]);
    expect(sim.link.stats.watchToPhone.frames).toBeGreaterThanOrEqual(2);
  });

  it('foundation - with the link cut the page says "Phone not connected" and nothing crashes', async () => {
    const sim = await bootWatch({ profile: 'balance-3.7', link: { connected: false } });
    await sim.clock.advance(10_000);
    expect(sim.device.hasText('Phone not connected')).toBe(true);
    expect(sim.errors.all.filter((e) => e.kind === 'mini-program-error')).toEqual([]);
    // ZML quirk: besides rejecting the request it leaves one unhandled rejection with code 2.
    expect(sim.errors.all.map((e) => [e.kind, e.code])).toEqual([['unhandled-rejection', 2]]);
    expect(sim.expectErrors(isZmlDisconnect)).toBe(1);
  });

  it('foundation - without a side service (ZML code 3) the page asks to open the Zepp app', async () => {
    const sim = await bootWatch({ profile: 'balance-3.7', sideService: false });
    await sim.clock.advance(1000);
    expect(sim.device.hasText('Phone connected — open the Zepp app to sync')).toBe(true);
  });

  it('foundation - a built file that throws while loading is reported as a Mini Program Error', async () => {
    const broken = 'try { (() => { throw new Error("boom"); })() } catch (e) { console.log("Mini Program Error", e) }';
    const sim = await bootWatch({ profile: 'balance-3.7', overrideFiles: { 'device/page/home/index.page.js': broken } });
    expect(sim.errors.all.map((e) => e.kind)).toEqual(['mini-program-error', 'runtime-error']);
    expect(sim.errors.all[0]?.message).toContain('boom');
    sim.expectErrors(() => true);
  });

  it('foundation - closing the app while the link is down makes ZML onDestroy throw (ZML quirk, kept visible)', async () => {
    const sim = await bootWatch({ profile: 'balance-3.7' });
    await sim.clock.advance(1000);
    sim.link.cut();
    sim.device.kill();
    expect(sim.errors.all.map((e) => e.message)).toEqual(['App.onDestroy threw: send message error']);
    sim.expectErrors(() => true);
  });
});
