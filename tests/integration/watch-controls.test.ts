// The Session page's controls on the BUILT app: Pause/Resume, Skip, +30 s and Stop each move the
// cue schedule as the product says they should. The expected cues are worked out by hand from the
// Desk reset routine (never from the engine), so neither shell nor engine can drop or invent a cue,
// nor play one at the wrong moment, without a test failing. Stop acts on a long press (the finger
// goes down LONG_PRESS_MS before the moment it should act); Skip and +30 s answer with a tick.
import { describe, expect, it } from 'vitest';
import { DESK_RESET } from '../../core/routines/library';
import { DEFAULT_SETTINGS } from '../../core/routines/model';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { feltCues, holdControl, LONG_PRESS_MS } from '../fixtures/watch-flows';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;
type Press = 'Pause' | 'Resume' | 'Skip' | '+30 s' | 'Stop';

async function pressAt(sim: Sim, t0: number, presses: ReadonlyArray<readonly [number, Press]>, untilMs: number): Promise<void> {
  for (const [at, label] of presses) {
    if (label === 'Stop') {
      await sim.clock.runUntil(t0 + at - LONG_PRESS_MS);
      await holdControl(sim, 'Stop');
      continue;
    }
    await sim.clock.runUntil(t0 + at);
    sim.device.click(label);
  }
  await sim.clock.runUntil(t0 + untilMs);
}

async function startDeskReset(profile: string): Promise<{ sim: Sim; t0: number }> {
  const sim = await bootWatch({ profile, advance: 500 });
  sim.device.click('Desk reset');
  await sim.clock.advance(100);
  const t0 = sim.clock.now();
  sim.device.click('Start');
  return { sim, t0 };
}

function playedCues(sim: Sim, t0: number): Array<[number, string]> {
  return feltCues(sim, t0);
}

describe('session controls', () => {
  for (const profile of ['cheetah-pro-3.6', 'gts4-3.6', 'balance2-4.2', 'bip6-4.2']) {
    it(`controls - pause, resume, skip, +30 s and stop move the cues exactly as the engine says (${profile})`, async () => {
      const { sim, t0 } = await startDeskReset(profile);
      const presses: Array<readonly [number, Press]> = [
        [3_000, 'Pause'], // during the lead-in: the first cue waits
        [13_000, 'Resume'],
        [30_000, 'Skip'], // neck ends early: the next area is felt at once
        [40_000, '+30 s'], // upper traps (left) gets 30 s more: its halfway and end move
        [50_000, 'Pause'],
        [80_000, 'Resume'],
        [150_000, 'Skip'],
        [200_000, 'Stop'],
      ];
      await pressAt(sim, t0, presses, 260_000);
      // Worked out by hand from Desk reset (5 s lead-in, neck 60 s, upper traps L/R 45 s,
      // shoulders L/R 40 s): the 10 s pause moves the lead-in's end to 15 s; Skip at 30 s ends the
      // neck before its halfway; upper traps (left) runs 30 → 75 s, +30 s → 105 s, paused 30 s →
      // 135 s; its right side is skipped at 150 s; shoulders (left) 150 → 190 s; Stop at 200 s.
      // Skip and +30 s tick at the press (30 ms); a cue the press causes follows 400 ms after it.
      const expected: Array<[number, string]> = [
        [15_000, 'lead-in-over'],
        [30_000, 'tick'],
        [30_430, 'next-area'],
        [40_000, 'tick'],
        [135_000, 'switch-side'],
        [150_000, 'tick'],
        [150_430, 'next-area'],
        [190_000, 'switch-side'],
      ];
      expect(playedCues(sim, t0)).toEqual(expected);
      // On API 4.x the background service plays every timed cue; a cue a press causes at once (Skip)
      // comes from the page the person is touching. On 3.x the page plays them all.
      const pressTimes = new Set(presses.map(([at]) => t0 + at));
      const timed = sim.device.buzzes().filter((b) => !pressTimes.has(b.time));
      expect(timed.length).toBeGreaterThan(2);
      expect(new Set(timed.map((b) => b.realm))).toEqual(new Set([profile.endsWith('4.2') ? 'service' : 'device']));
      // Stop ends the session: the check-in follows, and no cue plays after it.
      expect(sim.device.currentPage()?.path).toContain('checkin');
    });
  }

  it('controls - a paused session plays nothing, however long the pause', async () => {
    const { sim, t0 } = await startDeskReset('balance-3.7');
    await pressAt(sim, t0, [[20_000, 'Pause']], 20_000);
    const before = sim.device.buzzes().length;
    await sim.clock.advance(30 * 60_000);
    expect(sim.device.buzzes().length).toBe(before);
    expect(sim.device.hasText('Resume')).toBe(true);
  });

  it('screen - on API 3.6 the page stays lit for the rest of the session plus a margin, and leaving undoes it', async () => {
    const { sim, t0 } = await startDeskReset('gts4-3.6');
    await sim.clock.runUntil(t0 + 10_000);
    const lit = sim.device.display.state;
    expect(lit.dropWristPausedUntil).not.toBeNull();
    const remainingMs = DESK_RESET.steps.reduce((sum, s) => sum + s.seconds * 1000, 0) + DEFAULT_SETTINGS.leadInSeconds * 1000 - 10_000;
    const until = Number(lit.dropWristPausedUntil) - sim.clock.now();
    expect(until).toBeGreaterThanOrEqual(remainingMs);
    expect(until).toBeLessThanOrEqual(remainingMs + 5 * 60_000);
    await holdControl(sim, 'Stop');
    await sim.clock.advance(500);
    const after = sim.device.display.state;
    expect(after.dropWristPausedUntil).toBeNull();
    expect(sim.device.display.log.map((c) => c.method)).toEqual(expect.arrayContaining(['resetPageBrightTime', 'resetDropWristScreenOff', 'resetPalmScreenOff']));
  });

  it('background - on API 4.x a refused background permission keeps cues on the lit page and says why', async () => {
    const sim = await bootWatch({ profile: 'balance2-4.2', advance: 500, permissionsGranted: false });
    sim.device.click('Desk reset');
    await sim.clock.advance(100);
    const t0 = sim.clock.now();
    sim.device.click('Start');
    await sim.clock.advance(500);
    expect(sim.device.texts().join(' ')).toMatch(/background/i);
    expect(sim.device.services()).toEqual([]);
    await sim.clock.runUntil(t0 + 70_000);
    expect(playedCues(sim, t0).map(([, cue]) => cue).slice(0, 2)).toEqual(['lead-in-over', 'halfway']);
    expect(sim.device.display.state.dropWristPausedUntil).not.toBeNull();
  });
});
