// Cue Preferences from the Settings App to the watch on the BUILT bundles: the Settings App saves
// them stamped, the side service calls the watch (plan.changed), Home fetches plan.get whose reply
// carries the prefs, and the watch keeps whichever change is newer (its own Settings page or the phone).
import { describe, expect, it } from 'vitest';
import { loadStampedSettings } from '../../core/settings/watch-settings';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { watchStore } from '../fixtures/sim-storage';
import { openWatchSettings } from '../fixtures/watch-flows';

autoCheckErrors();

const START = Date.UTC(2026, 10, 20, 9, 0, 0);


describe('preferences sync on the built app', () => {
  it('prefs - Settings App preferences reach the open watch: its Settings page shows them and the next session leads in 10 s', async () => {
    const sim = await bootWatch({ startTime: START, advance: 1_000 });
    expect(sim.device.currentPage()?.path).toContain('home');
    sim.side.openSettings();
    expect(sim.side.settingsText()).toContain('applied on the watch at its next sync');
    sim.side.changeSettings('Cue strength', 'strong');
    sim.side.changeSettings('Lead-in', 10);
    await sim.clock.advance(2_000);
    expect(loadStampedSettings(watchStore(sim)).settings).toEqual({ intensity: 'strong', leadInSeconds: 10, halfwayTick: true, screen: 'allow-off' });

    await openWatchSettings(sim);
    expect(sim.device.texts()).toContain('Cue strength: strong');
    expect(sim.device.texts()).toContain('Lead-in: 10 s');
    sim.device.back();
    await sim.clock.advance(200);

    sim.device.click('Desk reset');
    await sim.clock.advance(100);
    sim.device.click('Start');
    const startedAt = sim.clock.now();
    await sim.clock.advance(9_000);
    expect(sim.device.buzzes()).toEqual([]);
    await sim.clock.advance(2_000);
    const first = sim.device.buzzes()[0];
    expect(first).toBeDefined();
    expect(Math.abs((first?.time ?? 0) - startedAt - 10_000)).toBeLessThanOrEqual(1_000);
    expect(String(sim.device.storage()['knead.session'])).toContain('"intensity":"strong"');
  });

  it('prefs - a later change on the watch Settings page is kept when the older phone value arrives again', async () => {
    const sim = await bootWatch({ startTime: START, advance: 1_000 });
    sim.side.openSettings();
    sim.side.changeSettings('Lead-in', 10);
    await sim.clock.advance(2_000);
    const phoneStamp = loadStampedSettings(watchStore(sim)).updatedAt;
    expect(loadStampedSettings(watchStore(sim)).settings.leadInSeconds).toBe(10);

    // On the watch, a minute later: lead-in 10 → 15.
    await sim.clock.advance(60_000);
    await openWatchSettings(sim);
    sim.device.click('Lead-in: 10 s');
    await sim.clock.advance(200);
    expect(sim.device.texts()).toContain('Lead-in: 15 s');
    expect(loadStampedSettings(watchStore(sim)).updatedAt).toBeGreaterThan(phoneStamp);

    // The phone's (older) value arrives twice: at the next launch and with a plan edit's call.
    sim.device.relaunch();
    await sim.clock.advance(2_000);
    sim.side.changeSettings('Weekly target', 3);
    await sim.clock.advance(2_000);
    expect(sim.device.hasText('This week: 0 of 3')).toBe(true);
    expect(loadStampedSettings(watchStore(sim)).settings.leadInSeconds).toBe(15);
    await openWatchSettings(sim);
    expect(sim.device.texts()).toContain('Lead-in: 15 s');

    // A newer phone change still wins afterwards.
    sim.device.back();
    await sim.clock.advance(200);
    sim.side.changeSettings('Lead-in', 0);
    await sim.clock.advance(2_000);
    expect(loadStampedSettings(watchStore(sim)).settings.leadInSeconds).toBe(0);
  });
});
