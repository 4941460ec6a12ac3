// The watch app on the BUILT bundles in the simulated runtime: Home → Before you start → Session,
// cues at their boundaries, recovery after a kill, screen-off per API level, no widget off screen.
import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch, isZmlDisconnect } from '../fixtures/sim';
import { holdControl } from '../fixtures/watch-flows';
import { readHistory } from '../../core/phone/history-store';
import { phoneStore } from '../fixtures/sim-storage';
import { DESK_RESET_CUES } from '../fixtures/desk-reset';
import { watchOutbox } from '../fixtures/watch-outbox';

autoCheckErrors();

const LATENESS_MS = 1000;


interface OutboxJson {
  pending: Array<{ record: { status: string } }>;
}

function outbox(sim: Awaited<ReturnType<typeof bootWatch>>): OutboxJson {
  return watchOutbox(sim.device.storage()) as unknown as OutboxJson;
}

/** Every text of a paged screen: the flow shows what fits and a "More ›" button for the rest. */
async function allTexts(sim: Awaited<ReturnType<typeof bootWatch>>): Promise<string> {
  const seen: string[] = [];
  for (let page = 0; page < 5; page += 1) {
    seen.push(...sim.device.texts());
    if (!sim.device.hasText('More ›')) break;
    sim.device.click('More ›');
    await sim.clock.advance(50);
  }
  return seen.join(' ');
}

/** Pain goes straight to the Summary; any other end passes the (skippable) check-in first. */
async function finishCheckIn(sim: Awaited<ReturnType<typeof bootWatch>>): Promise<void> {
  if (sim.device.currentPage()?.path.includes('checkin') === true) sim.device.click('Skip');
  await sim.clock.advance(1_000);
  expect(sim.device.currentPage()?.path).toContain('summary');
}

async function startDeskReset(profile: string, options: { linkUp?: boolean } = {}) {
  const sim = await bootWatch({ profile, advance: 200, ...(options.linkUp === false ? { link: { connected: false } } : {}) });
  sim.device.click('Desk reset');
  await sim.clock.advance(100);
  sim.device.click('Start');
  await sim.clock.advance(100);
  return sim;
}

describe('watch session', () => {
  it('desk reset - cues at each boundary within the lateness (3.6 page host)', async () => {
    const sim = await startDeskReset('cheetah-pro-3.6');
    const t0 = sim.clock.now() - 100;
    await sim.clock.advance(330_000);
    const buzzes = sim.device.buzzes().map((b) => b.time - t0);
    const expected = DESK_RESET_CUES.map(([at, cue]): [number, string] => [at, cue]);
    expect(buzzes.length).toBe(expected.length);
    expected.forEach(([at], i) => {
      expect(Math.abs((buzzes[i] ?? -1e9) - at)).toBeLessThanOrEqual(LATENESS_MS);
    });
    expect(sim.device.display.log.some((c) => c.method === 'setPageBrightTime')).toBe(true);
  });

  it('pain - ends at once and shows the safety advice', async () => {
    const sim = await startDeskReset('gts4-3.6');
    await sim.clock.advance(20_000);
    // 3.6 keeps the page lit for a bounded time while the session runs.
    const until = sim.device.display.state.dropWristPausedUntil;
    expect(until !== null && Number.isFinite(until)).toBe(true);
    await holdControl(sim, 'Pain');
    await sim.clock.advance(500);
    expect(sim.device.texts().join(' ')).toMatch(/consult your therapist/);
    // Check-in is skippable; the Summary then sends the record to the phone at once.
    await finishCheckIn(sim);
    expect(readHistory(phoneStore(sim)).records.map((r) => r.status)).toEqual(['pain']);
    expect(outbox(sim).pending).toEqual([]);
    expect(await allTexts(sim)).toContain('on phone');
  });

  it('offline - a finished session waits in the outbox and Summary says so', async () => {
    const sim = await startDeskReset('gts4-3.6', { linkUp: false });
    await sim.clock.advance(10_000);
    await holdControl(sim, 'Pain');
    await sim.clock.advance(500);
    await finishCheckIn(sim);
    await sim.clock.advance(1_000);
    expect(outbox(sim).pending.map((p) => p.record.status)).toEqual(['pain']);
    expect(await allTexts(sim)).toContain('waiting for phone');
    sim.expectErrors(isZmlDisconnect);
  });

  it('relaunch - mid-step continues; after the end the record is in the outbox', async () => {
    const sim = await startDeskReset('balance-3.7');
    await sim.clock.advance(40_000);
    sim.device.relaunch();
    await sim.clock.advance(200);
    expect(sim.device.currentPage()?.path).toContain('session');
    expect(sim.device.texts().join(' ')).toMatch(/0:2[45]/);
    sim.device.kill();
    await sim.clock.advance(400_000);
    sim.device.launch();
    await sim.clock.advance(2_000);
    // It ended while the app was closed: the check-in is offered at this launch, then the record
    // is saved and sent (the Summary flushes the outbox).
    expect(sim.device.currentPage()?.path).toContain('checkin');
    await finishCheckIn(sim);
    await sim.clock.advance(2_000);
    expect(readHistory(phoneStore(sim)).records.map((r) => r.status)).toEqual(['completed']);
    expect(outbox(sim).pending).toEqual([]);
  });

  it('4.x - the service plays the cues after the page is gone', async () => {
    const sim = await startDeskReset('balance2-4.2');
    await sim.clock.advance(1000);
    sim.device.kill();
    const before = sim.device.buzzes().length;
    await sim.clock.advance(120_000);
    expect(sim.device.buzzes().length).toBeGreaterThan(before);
  });
});
