// "Change coming" on the BUILT app: turned on in the watch Settings page, a Desk reset run gives
// three light ticks 5 s before every step ends, besides the usual cues. The expected run is written
// by hand from the design (tests/fixtures/desk-reset) and cues are named by their rhythm.
import { describe, expect, it } from 'vitest';
import { DESK_RESET_CUES } from '../fixtures/desk-reset';
import { cueNameOfScene } from '../fixtures/shell-rig';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { toggleWatchSetting } from '../fixtures/watch-flows';

autoCheckErrors();

const LATENESS_MS = 1000;

/** Desk reset's step ends (ms after Start) are its step-change cues and done; the warning comes 5 s before each. */
const WARNINGS: ReadonlyArray<readonly [number, string]> = DESK_RESET_CUES.filter(([, cue]) => cue !== 'lead-in-over' && cue !== 'halfway').map(([at]) => [at - 5_000, 'change-coming'] as const);

describe('watch change coming', () => {
  for (const profile of ['cheetah-pro-3.6', 'trex3-4.0']) {
    it(`change coming - on in Settings, three ticks 5 s before each step ends on ${profile}; the other cues unchanged`, async () => {
      const sim = await bootWatch({ profile, advance: 500 });
      await toggleWatchSetting(sim, 'Change coming: off', 'Change coming: on');
      sim.device.click('Desk reset');
      await sim.clock.advance(100);
      const t0 = sim.clock.now();
      sim.device.click('Start');
      await sim.clock.advance(330_000);
      const felt = sim.device.buzzes().map((b): [number, string] => [b.time - t0, cueNameOfScene(b.args[0])]);
      const expected = [...DESK_RESET_CUES, ...WARNINGS].sort((a, b) => a[0] - b[0]);
      expect(felt.map(([, cue]) => cue)).toEqual(expected.map(([, cue]) => cue));
      expected.forEach(([at], i) => expect(Math.abs((felt[i]?.[0] ?? -1e9) - at), `cue ${i}`).toBeLessThanOrEqual(LATENESS_MS));
    });
  }
});
