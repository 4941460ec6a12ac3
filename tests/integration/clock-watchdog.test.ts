// No hangs: a timer that keeps re-arming itself for "now" spins inside one `advance`, where no
// per-test timeout can fire. The fake clock's step budget stops it with an error that says what
// was running. Shown on the clock alone and on the built session page with an off-by-one put in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClockBudgetError, FakeClock } from '../../sim/platform/index';
import { DEFAULT_DIST, distGroupDir } from '../../sim/node/index';
import { bootWatch } from '../fixtures/sim';

/** A page's wake-up loop with the off-by-one: it wakes 1 ms before the boundary, sees it has not
 *  been reached, and asks again for "1 ms before the boundary", which is now. */
function armOffByOne(clock: FakeClock, boundary: number): void {
  const tick = (): void => {
    if (clock.now() >= boundary) return;
    clock.schedule('timeout', 'app#1', Math.max(0, boundary - 1 - clock.now()), tick);
  };
  clock.schedule('timeout', 'app#1', boundary - 1 - clock.now(), tick);
}

describe('fake clock step budget', () => {
  it('clock - a timer re-arming itself at the same instant stops the advance with an error naming the timer', async () => {
    const clock = new FakeClock({ sameInstantBudget: 1_000, describe: () => 'watch: page/session/index.page' });
    armOffByOne(clock, clock.now() + 30_000);
    const run = clock.advance(60_000);
    await expect(run).rejects.toBeInstanceOf(ClockBudgetError);
    await expect(run).rejects.toThrow(/step budget exceeded: 1000 timer fires at 2026-03-02T09:00:29\.999Z without time moving; the last was a timeout timer of app#1 \(watch: page\/session\/index\.page\)/);
    // The budget counts fires, not time: it stopped right after the budget.
    expect(clock.fired).toBe(1_000);
    // The runtime is stuck for good: later steps fail at once with the same error.
    await expect(clock.advance(1)).rejects.toThrow(/step budget exceeded/);
  });

  it('clock - the budget does not trip on timers that move time (ten minutes of one-second intervals)', async () => {
    const clock = new FakeClock({ sameInstantBudget: 10, runBudget: 1_000 });
    let ticks = 0;
    clock.schedule('interval', 'app#1', 1_000, () => (ticks += 1), 1_000);
    await clock.advance(600_000);
    expect(ticks).toBe(600);
  });

  it('clock - one advance firing more timers than its run budget stops with the budget in the message', async () => {
    const clock = new FakeClock({ runBudget: 100 });
    clock.schedule('interval', 'service#1:cue', 1, () => undefined, 1);
    await expect(clock.advance(1_000)).rejects.toThrow(/100 timer fires in one advance \(to 2026-03-02T09:00:01\.000Z\); the last was a interval timer of service#1:cue/);
  });
});

describe('built app with an off-by-one wake-up', () => {
  it('session - a page waking 1 ms before each boundary fails fast with the page named, instead of hanging', async () => {
    // nextWakeUp's return, minified or not:
    // `return state.anchorAt + Math.min(untilEnd, untilHalfway, …) - state.clockShiftMs;`
    const wakeUp = /return ([\w$]+)\.anchorAt \+ Math\.min\(([\w$, ]+)\)( - [\w$]+\.clockShiftMs)?;/g;
    // The engine is in the session page, or in app.js when the pages share it (docs/watch.md "Size").
    const holders = ['device/page/session/index.page.js', 'device/app.js'].map((file) => ({ file, built: readFileSync(join(distGroupDir('balance-3.7', DEFAULT_DIST), file), 'utf8') }));
    const found = holders.filter((h) => new RegExp(wakeUp.source).test(h.built));
    expect(found.map((h) => h.file), 'the session page or app.js should hold the wake-up expression this test patches').toHaveLength(1);
    const { file, built } = found[0] as { file: string; built: string };
    expect(built.match(wakeUp), 'the wake-up expression this test patches, once').toHaveLength(1);
    const broken = built.replace(wakeUp, 'return $1.anchorAt + Math.min($2)$3 - 1;');
    const sim = await bootWatch({ profile: 'balance-3.7', advance: 500, overrideFiles: { [file]: broken } });
    sim.device.click('Desk reset');
    await sim.clock.advance(100);
    sim.device.click('Start');
    const run = sim.clock.advance(10 * 60_000);
    await expect(run).rejects.toThrow(/step budget exceeded: 10000 timer fires at .* without time moving; the last was a timeout timer of app#\d+ \(watch: page\/session\/index\.page\)/);
    expect(sim.unexpectedErrors().map((e) => e.message)).toEqual([expect.stringMatching(/^fake clock step budget exceeded/)]);
  });
});
