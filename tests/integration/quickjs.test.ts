import { describe, expect, it } from 'vitest';
import { checkWithQuickJs, runQuickJsScenario } from '../../sim/quickjs/index';

describe('quickjs', () => {
  it('quickjs - every built device entry evaluates and each page builds without error, on both shapes', async () => {
    const results = await checkWithQuickJs(['balance-3.7', 'gts4-3.6']);
    expect(results.length).toBeGreaterThanOrEqual(4);
    for (const r of results) {
      expect(r.errors, `${r.profile} ${r.kind} ${r.path}`).toEqual([]);
      expect(r.ok).toBe(true);
    }
    const home = results.find((r) => r.path === 'page/home/index.page');
    expect(home?.texts).toContain('Knead');
  });

  it("quickjs - a timed check (the bench's) launches Home as an untimed one does and times app.js then Home's file, each compiled then run, apart from the simulator's setup", async () => {
    const [untimed] = await checkWithQuickJs(['balance-3.7'], undefined, ['page/home/index.page']);
    const [timed] = await checkWithQuickJs(['balance-3.7'], undefined, ['page/home/index.page'], { timed: true });
    expect(timed?.errors).toEqual([]);
    expect(timed?.texts).toEqual(untimed?.texts);
    expect(timed?.texts).toContain('Knead');
    expect(untimed?.timing).toBeUndefined();
    const timing = timed?.timing;
    expect(timing?.files.map((f) => f.file)).toEqual(['device/app.js', 'device/page/home/index.page.js']);
    for (const f of timing?.files ?? []) {
      expect(f.compileMs).toBeGreaterThanOrEqual(0);
      expect(f.runMs).toBeGreaterThanOrEqual(0);
    }
    // The launch holds both files' compile and run (one clock, stamped around the launch).
    const parts = (timing?.files ?? []).reduce((sum, f) => sum + f.compileMs + f.runMs, 0);
    expect(timing?.launchMs).toBeGreaterThanOrEqual(parts);
    expect(timing?.setupMs).toBeGreaterThanOrEqual(0);
  });

  it('quickjs - a scripted run follows the clicks from page to page and samples the heap after every step (bench memory rows)', async () => {
    const run = await runQuickJsScenario('balance-3.7', [{ launch: 'page/home/index.page' }, { advance: 500 }, { click: 'Desk reset' }, { advance: 100 }, { click: 'Start' }, { advance: 8_000 }]);
    expect(run.samples.map((s) => s.page)).toEqual(['page/home/index.page', 'page/home/index.page', 'page/before/index.page', 'page/before/index.page', 'page/session/index.page', 'page/session/index.page']);
    // The link is down in a scripted run: ZML's unhandled code-2 rejection is expected, nothing else.
    expect((run.samples.at(-1)?.errors ?? []).filter((e) => !e.includes('ble disconnect (code 2)'))).toEqual([]);
    // Loading a page's code takes heap; the Session page is loaded on top of Home and Before.
    const [home, , before, , session] = run.samples.map((s) => s.memoryUsed);
    expect(home).toBeGreaterThan(run.bootMemory);
    expect(before).toBeGreaterThan(home ?? 0);
    expect(session).toBeGreaterThan(before ?? 0);
    // The lead-in ends within 8 s of Start: its cue is a vibration the run saw.
    expect(run.samples.at(-1)?.buzzes).toBeGreaterThan(0);
  });
});
