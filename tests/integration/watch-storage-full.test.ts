// The built app when the watch's storage refuses writes (docs/watch.md "Storage full"): every cue
// of Desk reset still comes at its time on every cue path, nothing spins, and the Summary says the
// session is not saved instead of showing an older session as this one. Expected cue times: the
// hand-written Desk reset table (tests/fixtures/desk-reset.ts).
import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { DESK_RESET_CUES } from '../fixtures/desk-reset';
import { holdControl } from '../fixtures/watch-flows';

autoCheckErrors();

const LATENESS_MS = 1000;
const NOT_SAVED = 'This session could not be saved on the watch';

async function openDeskReset(profile: string) {
  const sim = await bootWatch({ profile, advance: 200 });
  sim.device.click('Desk reset');
  await sim.clock.advance(100);
  return sim;
}

describe.each(['cheetah-pro-3.6', 'trex3-4.0'])('watch with storage full (%s)', (profile) => {
  it('a session started with storage full plays every cue at its time, then the Summary says it is not saved', async () => {
    const sim = await openDeskReset(profile);
    sim.device.disk.failWrites = true;
    sim.device.click('Start');
    const t0 = sim.clock.now();
    await sim.clock.advance(100);
    expect(sim.device.texts().join(' ')).toContain('Could not save progress.');
    await sim.clock.advance(332_000);
    const buzzes = sim.device.buzzes().map((b) => b.time - t0);
    expect(buzzes.length).toBe(DESK_RESET_CUES.length);
    DESK_RESET_CUES.forEach(([at], i) => {
      expect(Math.abs((buzzes[i] ?? -1e9) - at)).toBeLessThanOrEqual(LATENESS_MS);
    });
    expect(sim.device.currentPage()?.path).toContain('summary');
    const texts = sim.device.texts().join(' ');
    expect(texts).toContain(NOT_SAVED);
    expect(texts).not.toContain('Saved');
  });

  it('after a saved session, a pain stop that cannot be saved is not shown as the earlier one', async () => {
    const sim = await openDeskReset(profile);
    sim.device.click('Start');
    await sim.clock.advance(20_000);
    await holdControl(sim, 'Pain');
    await sim.clock.advance(1_000);
    expect(sim.device.texts().join(' ')).toContain('Saved');
    sim.device.click('Done');
    await sim.clock.advance(500);
    sim.device.click('Desk reset');
    await sim.clock.advance(100);
    sim.device.click('Start');
    await sim.clock.advance(30_000);
    sim.device.disk.failWrites = true;
    await holdControl(sim, 'Pain');
    await sim.clock.advance(1_000);
    expect(sim.device.currentPage()?.path).toContain('summary');
    const texts = sim.device.texts().join(' ');
    expect(texts).toContain(NOT_SAVED);
    expect(texts).not.toContain('Saved');
  });

  it('a check-in whose session storage cannot take goes to a Summary that says so', async () => {
    const sim = await openDeskReset(profile);
    sim.device.click('Start');
    await sim.clock.advance(332_000);
    expect(sim.device.currentPage()?.path).toContain('checkin');
    sim.device.disk.failWrites = true;
    sim.device.click('Skip');
    await sim.clock.advance(1_000);
    expect(sim.device.currentPage()?.path).toContain('summary');
    expect(sim.device.texts().join(' ')).toContain(NOT_SAVED);
  });
});
