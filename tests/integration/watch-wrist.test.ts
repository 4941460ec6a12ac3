// The wrist as it really is, on the BUILT bundles in the strict simulator, on API 3.6, 4.0 and 4.2
// profiles and both shapes: for each way a person interrupts a routine (pause then resume, skip,
// +30 s, stop, pain, back, swipe right, the screen going off, the app killed) at a seeded random
// point, with every timer running late, each remaining cue plays at its boundary (± the lateness),
// none is cut (the simulator fails the test on a cut cue), the routine reaches check-in and summary,
// exactly one record reaches the phone, and screen and wake-up relaunch end at the system defaults.
//
// The oracle is independent of the engine: the Desk reset routine as the product describes it,
// written by hand below, and the rules a person would state ("skip ends the step now", "+30 s adds
// 30 s to this step", "a pause shifts everything after it", "stop and pain end it").
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../core/phone/history-store';
import { mulberry32 } from '../../sim/platform/prng';
import { PROFILES as SIM_PROFILES } from '../../sim/platform/profiles';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { phoneStore } from '../fixtures/sim-storage';
import { feltCues, holdControl, LONG_PRESS_MS } from '../fixtures/watch-flows';
import { DESK_RESET_LEAD_IN_MS, DESK_RESET_STEPS } from '../fixtures/desk-reset';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;

const LEAD_IN_MS = DESK_RESET_LEAD_IN_MS;
const HALFWAY_MIN_S = 60;
const LATE_MS = 300;

type Action = 'pause-resume' | 'skip' | 'extend' | 'stop' | 'pain' | 'back' | 'swipe-right' | 'screen-off' | 'kill';

/** The cues a person should feel, [ms after start, cue], given one action at `at` (pause: for `pauseMs`). */
function expectedCues(action: Action, at: number, pauseMs: number): Array<[number, string]> {
  const cues: Array<[number, string]> = [];
  let t = 0;
  let ended = false;
  const push = (time: number, cue: string): void => {
    if (ended) return;
    if ((action === 'stop' || action === 'pain') && time > at) return;
    cues.push([time, cue]);
  };
  const shift = (time: number): number => (action === 'pause-resume' && time > at ? time + pauseMs : time);
  // The lead-in, then each step: its start cue, its halfway (long steps), its end.
  let segmentEnd = LEAD_IN_MS;
  let skipped = false;
  if (action === 'skip' && at < segmentEnd) {
    segmentEnd = at;
    skipped = true;
  }
  t = segmentEnd;
  DESK_RESET_STEPS.forEach(([area, side, seconds], index) => {
    const previous = DESK_RESET_STEPS[index - 1];
    const cue = index === 0 ? 'lead-in-over' : previous !== undefined && previous[0] === area ? 'switch-side' : 'next-area';
    push(shift(t), cue);
    const start = t;
    let end = start + seconds * 1000;
    if (action === 'extend' && at >= start && at < end) end += 30_000;
    if (action === 'skip' && !skipped && at >= start && at < end) {
      end = at;
      skipped = true;
    }
    if (seconds >= HALFWAY_MIN_S && start + (seconds * 1000) / 2 < end) push(shift(start + (seconds * 1000) / 2), 'halfway');
    void side;
    t = end;
  });
  push(shift(t), 'done');
  if (action === 'pain') {
    cues.push([at, 'pain-stop']);
    ended = true;
  }
  // Skip and +30 s answer with a tick at the press, before any cue the press causes.
  if (action === 'skip' || action === 'extend') cues.push([at, 'tick']);
  return cues.sort((a, b) => a[0] - b[0] || (a[1] === 'tick' ? -1 : b[1] === 'tick' ? 1 : 0));
}

function felt(sim: Sim, t0: number): Array<[number, string]> {
  return feltCues(sim, t0);
}

async function startDeskReset(profile: string): Promise<{ sim: Sim; t0: number }> {
  const sim = await bootWatch({ profile, advance: 500 });
  sim.device.click('Desk reset');
  await sim.clock.advance(200);
  const t0 = sim.clock.now();
  sim.device.click('Start');
  await sim.clock.advance(0);
  // From here on every watch timer fires late (page timers, sys-timers, service hand-overs).
  sim.clock.setLateness((timer) => (timer.kind === 'link' ? 0 : LATE_MS));
  return { sim, t0 };
}

function displayAtDefaults(sim: Sim): { bright: number | null; wrist: boolean; palm: boolean; relaunch: boolean } {
  const d = sim.device.display;
  return { bright: d.state.pageBrightTime, wrist: d.dropWristPaused(), palm: d.palmPaused(), relaunch: d.state.wakeUpRelaunch };
}

async function act(sim: Sim, action: Action, pauseMs: number): Promise<void> {
  switch (action) {
    case 'pause-resume':
      sim.device.click('Pause');
      await sim.clock.advance(pauseMs);
      sim.device.click('Resume');
      return;
    case 'skip':
      sim.device.click('Skip');
      return;
    case 'extend':
      sim.device.click('+30 s');
      return;
    case 'stop':
      await holdControl(sim, 'Stop');
      return;
    case 'pain':
      await holdControl(sim, 'Pain');
      return;
    case 'back':
      sim.device.key(1);
      return;
    case 'swipe-right':
      sim.device.gesture(4);
      return;
    case 'screen-off': {
      // The wrist drops; raised again 25 s later (the page, if it let the screen go, was exited).
      sim.device.screen.set('off');
      await sim.clock.advance(25_000);
      sim.device.screen.set('on');
      return;
    }
    case 'kill':
      sim.device.kill();
      // The system brings the app back at the next wrist raise when it asked to be relaunched.
      sim.device.screen.set('off');
      sim.device.screen.set('on');
      if (!sim.device.running) sim.device.launch();
      return;
  }
}

const PROFILE_IDS = SIM_PROFILES.map((p) => p.id);
const PROFILES = ['cheetah-pro-3.6', 'gts4-3.6', 'trex3-4.0', 'balance2-4.2', 'bip6-4.2'];
const ACTIONS: readonly Action[] = ['pause-resume', 'skip', 'extend', 'stop', 'pain', 'back', 'swipe-right', 'screen-off', 'kill'];

describe('the wrist as it really is', () => {
  PROFILES.forEach((profile, p) => {
    ACTIONS.forEach((action, a) => {
      const random = mulberry32(9_000 + p * 31 + a);
      // A point inside the routine, away from the last seconds (an action must leave cues to come);
      // +30 s only on steps after the neck, so the halfway rule stays the product's simple one.
      const at = action === 'extend' ? 70_000 + Math.floor(random() * 200_000) : 1_000 + Math.floor(random() * 290_000);
      const pauseMs = 5_000 + Math.floor(random() * 55_000);
      it(`wrist - ${action} at ${(at / 1000).toFixed(1)} s on ${profile}: every cue at its boundary, whole; check-in, summary, one record; screen back to defaults`, async () => {
        const { sim, t0 } = await startDeskReset(profile);
        // Stop and Pain act at the end of a long press: the finger goes down that much earlier.
        await sim.clock.runUntil(t0 + at - (action === 'stop' || action === 'pain' ? LONG_PRESS_MS : 0));
        await act(sim, action, pauseMs);
        await sim.clock.runUntil(t0 + 420_000 + pauseMs);
        const expected = expectedCues(action, at, pauseMs);
        const got = felt(sim, t0);
        expect(got.map(([, cue]) => cue), `cues felt on ${profile}`).toEqual(expected.map(([, cue]) => cue));
        got.forEach(([time], i) => {
          const want = expected[i]?.[0] ?? Number.NaN;
          // A press's own cue is felt at the press; a timed one within the lateness (and a
          // service hand-over) of its boundary.
          expect(time - want, `cue ${i} (${expected[i]?.[1]}) at ${time} ms, boundary ${want} ms`).toBeGreaterThanOrEqual(0);
          expect(time - want, `cue ${i} (${expected[i]?.[1]}) at ${time} ms, boundary ${want} ms`).toBeLessThanOrEqual(LATE_MS + 200);
        });
        // Check-in (skippable) unless pain, then the Summary; one record on the phone.
        const page = sim.device.currentPage()?.path ?? '';
        if (action !== 'pain') {
          expect(page).toContain('checkin');
          sim.device.click('Skip');
          await sim.clock.advance(3_000);
        }
        expect(sim.device.currentPage()?.path).toContain('summary');
        await sim.clock.advance(3_000);
        const records = readHistory(phoneStore(sim)).records;
        expect(records.map((r) => r.status)).toEqual([action === 'stop' ? 'stopped' : action === 'pain' ? 'pain' : 'completed']);
        expect(displayAtDefaults(sim)).toEqual({ bright: null, wrist: false, palm: false, relaunch: false });
      });
    });
  });
});

describe('the therapist avoid list on the wrist', () => {
  it('avoid - an avoided area (neck) is never cued and never in the record: Desk reset runs without it', async () => {
    const plan = JSON.stringify({ v: 1, focusAreas: [], avoidAreas: ['neck'], weeklyTarget: 0, assignedRoutineIds: [], customRoutines: [], updatedAt: Date.UTC(2026, 1, 1) });
    const sim = await bootWatch({ profile: 'balance2-4.2', storage: { plan }, settings: { plan }, advance: 2_000 });
    sim.device.click('Desk reset');
    await sim.clock.advance(200);
    const t0 = sim.clock.now();
    sim.device.click('Start');
    await sim.clock.runUntil(t0 + 400_000);
    // Written by hand: lead-in 5 s, then upper traps L/R 45 s, shoulders L/R 40 s, forearms L/R 45 s.
    expect(felt(sim, t0)).toEqual([
      [5_000, 'lead-in-over'],
      [50_000, 'switch-side'],
      [95_000, 'next-area'],
      [135_000, 'switch-side'],
      [175_000, 'next-area'],
      [220_000, 'switch-side'],
      [265_000, 'done'],
    ]);
    sim.device.click('Skip');
    await sim.clock.advance(3_000);
    const records = readHistory(phoneStore(sim)).records;
    expect(records.map((r) => r.steps.map((s) => s.area))).toEqual([['upper-trapezius', 'upper-trapezius', 'shoulders', 'shoulders', 'forearms', 'forearms']]);
  });
});

describe('every page on every watch', () => {
  const PAGES = ['home', 'before', 'session', 'checkin', 'summary', 'history', 'settings'];
  for (const profile of PROFILE_IDS) {
    it(`pages - ${profile}: every page opens in en-US, de-DE and zh-CN with only device-types widget properties`, async () => {
      for (const language of ['en-US', 'de-DE', 'zh-CN']) {
        const sim = await bootWatch({ profile, language, advance: 500 });
        for (const page of PAGES) {
          sim.device.open(`page/${page}/index.page`, JSON.stringify({ routineId: 'desk-reset' }));
          await sim.clock.advance(1_500);
          // A property outside device-types throws inside the page: autoCheckErrors reports it.
          expect(sim.unexpectedErrors(), `${profile} ${language} ${page}`).toEqual([]);
          expect(sim.device.widgets().length, `${profile} ${language} ${page}`).toBeGreaterThan(0);
        }
        sim.device.kill();
      }
    });
  }
});
