// Controls that forgive busy hands, on the BUILT app, round and square, in all three languages:
// a brush on Stop or Pain (a tap, a short press, a finger sliding off) never ends a session, the
// deliberate long press does, with the hold visibly filling; Skip and +30 s answer with a tick
// that never starts over a cue still playing; on four-key watches SELECT pauses / resumes and
// DOWN skips, elsewhere no key is taken. Expected texts come from the .po files, expected times
// from Desk reset as the product defines it (5 s lead-in, neck 60 s, upper traps 45 s a side).
import { describe, expect, it } from 'vitest';
import { LANGS, watchT } from '../fixtures/po';
import type { Lang } from '../fixtures/po';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { feltCues, holdControl, LONG_PRESS_MS } from '../fixtures/watch-flows';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;

const SHAPES = [
  ['round', 'balance-3.7'],
  ['square', 'gts4-3.6'],
] as const;

/** The simulator's key numbers for @zos/interaction KEY_SELECT and KEY_DOWN (apps use the names). */
const KEY_SELECT = 2;
const KEY_DOWN = 5;
/** The danger colour of the Pain control and of the hold's fill (page/theme.ts colour.danger). */
const DANGER = 0xe5484d;

async function startDeskReset(profile: string, language: Lang): Promise<{ sim: Sim; t0: number }> {
  const sim = await bootWatch({ profile, language, advance: 500 });
  const t = watchT(language);
  sim.device.click(t('routine.desk-reset'));
  await sim.clock.advance(100);
  const t0 = sim.clock.now();
  sim.device.click(t('before.start'));
  await sim.clock.advance(0);
  return { sim, t0 };
}

function onSession(sim: Sim): boolean {
  return sim.device.currentPage()?.path.includes('session') === true;
}

/** How far the hold's fill has grown: the danger-coloured ARC's sweep (round) or FILL_RECT's width (square). */
function holdFill(sim: Sim): number {
  const fill = sim.device.widgets().find((w) => (w.type === 'ARC' || w.type === 'FILL_RECT') && w.props.color === DANGER);
  if (fill === undefined) throw new Error('no hold fill on the Session page');
  return fill.type === 'ARC' ? Number(fill.props.end_angle) - Number(fill.props.start_angle) : Number(fill.props.w);
}

/** Vibrations that started while an earlier one still played (the one motor: the earlier one was cut short). */
function overlaps(sim: Sim): Array<[number, number]> {
  const starts = sim.device.buzzes();
  const out: Array<[number, number]> = [];
  starts.forEach((b, i) => {
    const before = starts[i - 1];
    if (before !== undefined && b.time < before.time + before.lengthMs) out.push([before.time, b.time]);
  });
  return out;
}

describe('forgiving controls - Stop and Pain', () => {
  for (const [shape, profile] of SHAPES) {
    for (const language of LANGS) {
      const t = watchT(language);
      const stop = t('session.stop');
      const pain = t('session.pain');

      it(`brush - a tap, a short press or a finger sliding off Stop or Pain leaves the session running and says to hold (${shape}, ${language})`, async () => {
        const { sim } = await startDeskReset(profile, language);
        await sim.clock.advance(20_000);
        sim.device.click(stop);
        await sim.clock.advance(200);
        expect(sim.device.texts()).toContain(t('session.hold-stop'));
        sim.device.click(pain);
        await sim.clock.advance(200);
        expect(sim.device.texts()).toContain(t('session.hold-pain'));
        // A press that lifts before the long press, and one that slides off and stays down a while.
        sim.device.press(pain);
        await sim.clock.advance(LONG_PRESS_MS - 200);
        sim.device.release();
        sim.device.press(stop);
        await sim.clock.advance(100);
        sim.device.moveOut();
        await sim.clock.advance(2_000);
        sim.device.release();
        await sim.clock.advance(5_000);
        expect(onSession(sim)).toBe(true);
        // Still counting down, and no pain cue was played (only the lead-in's end so far).
        expect(feltCues(sim, 0).map(([, cue]) => cue)).toEqual(['lead-in-over']);
        // The "hold" message gives the line back to "what comes next" after a few seconds.
        expect(sim.device.texts().join(' ')).toContain(t('session.next', { area: t('area.upper-trapezius'), side: t('side.left') }));
      });

      it(`hold - holding Stop for the long press ends the session at the check-in; the hold fills while the finger stays (${shape}, ${language})`, async () => {
        const { sim } = await startDeskReset(profile, language);
        await sim.clock.advance(20_000);
        expect(holdFill(sim)).toBe(0);
        sim.device.press(stop);
        await sim.clock.advance(Math.round(LONG_PRESS_MS / 2));
        const half = holdFill(sim);
        expect(half).toBeGreaterThan(0);
        sim.device.release();
        await sim.clock.advance(100);
        // Released early: nothing happened and the fill is gone.
        expect(holdFill(sim)).toBe(0);
        expect(onSession(sim)).toBe(true);
        await holdControl(sim, stop);
        await sim.clock.advance(500);
        expect(sim.device.currentPage()?.path).toContain('checkin');
      });

      it(`hold - holding Pain stops at once with the strong pain cue and the Summary's advice (${shape}, ${language})`, async () => {
        const { sim, t0 } = await startDeskReset(profile, language);
        await sim.clock.advance(30_000);
        sim.device.press(pain);
        await sim.clock.advance(LONG_PRESS_MS);
        const cues = feltCues(sim, t0);
        // Pain acts the moment the long press is recognised, while the finger is still down.
        expect(cues[cues.length - 1]).toEqual([30_000 + LONG_PRESS_MS, 'pain-stop']);
        sim.device.release();
        await sim.clock.advance(500);
        expect(sim.device.currentPage()?.path).toContain('summary');
        expect(sim.device.texts().join(' ')).toContain(t('safety.pain-advice'));
      });
    }
  }
});

describe('forgiving controls - Skip and +30 s answer with a tick', () => {
  for (const profile of ['balance-3.7', 'gts4-3.6', 'balance2-4.2', 'bip6-4.2']) {
    it(`tick - Skip and +30 s tick at once when nothing plays, and wait for a cue still playing instead of cutting it (${profile})`, async () => {
      const { sim, t0 } = await startDeskReset(profile, 'en-US');
      // +30 s at 40 s: nothing plays (the neck's halfway tick was at 35 s): the tick is at the press.
      await sim.clock.runUntil(t0 + 40_000);
      sim.device.click('+30 s');
      // The neck now ends at 95 s with "next area" (two taps, 390 ms); Skip 100 ms into it.
      await sim.clock.runUntil(t0 + 95_100);
      sim.device.click('Skip');
      await sim.clock.runUntil(t0 + 100_000);
      const cues = feltCues(sim, t0);
      expect(cues.filter(([, cue]) => cue === 'tick').length).toBe(2);
      expect(cues).toContainEqual([40_000, 'tick']);
      const nextArea = cues.find(([at, cue]) => cue === 'next-area' && at >= 95_000);
      const secondTick = cues.filter(([, cue]) => cue === 'tick')[1];
      expect(nextArea).toBeDefined();
      expect(secondTick).toBeDefined();
      // Not before the next-area cue has played whole (it started at the boundary, maybe a little late).
      expect((secondTick?.[0] ?? 0) - (nextArea?.[0] ?? 0)).toBeGreaterThanOrEqual(390);
      // After the skip's tick, the switch to the right side follows it, not over it.
      expect(cues.map(([, cue]) => cue).slice(-3)).toEqual(['next-area', 'tick', 'switch-side']);
      expect(overlaps(sim)).toEqual([]);
    });
  }
});

describe('physical keys during a session', () => {
  it('keys - on a four-key watch (T-Rex 3) SELECT pauses and resumes, DOWN skips with a tick; each click acts once', async () => {
    const { sim, t0 } = await startDeskReset('trex3-4.0', 'en-US');
    await sim.clock.runUntil(t0 + 20_000);
    sim.device.key(KEY_SELECT);
    await sim.clock.advance(200);
    expect(sim.device.hasText('Resume')).toBe(true);
    const before = sim.device.buzzes().length;
    await sim.clock.advance(60_000);
    expect(sim.device.buzzes().length).toBe(before);
    sim.device.key(KEY_SELECT);
    await sim.clock.advance(200);
    expect(sim.device.hasText('Pause')).toBe(true);
    sim.device.key(KEY_DOWN);
    await sim.clock.advance(1_000);
    // The neck is skipped: the upper traps (left) is step 2 of 7, with a tick and then "next area".
    expect(sim.device.texts().join(' ')).toContain('2/7');
    expect(feltCues(sim, t0).map(([, cue]) => cue).slice(-2)).toEqual(['tick', 'next-area']);
    await holdControl(sim, 'Stop');
    await sim.clock.advance(500);
    // The page gave the keys back when it closed.
    expect(sim.device.interactions().map((r) => r.what)).toEqual(expect.arrayContaining(['onKey', 'offKey']));
    if (sim.device.currentPage()?.path.includes('checkin') === true) sim.device.click('Skip');
    await sim.clock.advance(1_000);
    sim.device.key(KEY_SELECT);
    await sim.clock.advance(500);
    expect(sim.device.currentPage()?.path).toContain('summary');
  });

  for (const profile of ['gts4-3.6', 'balance-3.7']) {
    it(`keys - on a watch with fewer than four keys (${profile}) the session takes no key; the screen controls work as ever`, async () => {
      const { sim, t0 } = await startDeskReset(profile, 'en-US');
      await sim.clock.runUntil(t0 + 20_000);
      expect(sim.device.interactions().map((r) => r.what)).not.toContain('onKey');
      expect(() => sim.device.key(KEY_SELECT)).toThrow(/physical key/);
      sim.device.click('Pause');
      await sim.clock.advance(200);
      expect(sim.device.hasText('Resume')).toBe(true);
    });
  }
});
