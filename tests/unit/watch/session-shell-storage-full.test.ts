// The session when the watch's storage refuses writes (docs/watch.md "Storage full"): the person
// still feels every cue at its time, is told the session could not be saved, and no wake-up spins.
// Expected cues: Desk reset as written by hand in tests/fixtures/desk-reset.ts.
import { describe, expect, it } from 'vitest';
import { loadSession } from '../../../core/watch/session-store';
import { ShellRig, T0 } from '../../fixtures/shell-rig';
import { DESK_RESET_CUES } from '../../fixtures/desk-reset';

const END_MS = 330_000;

describe.each([
  ['page', false],
  ['service', true],
] as const)('session shell (%s path) - storage that refuses writes', (_name, servicePath) => {
  it('a start the watch cannot save still plays every cue of Desk reset at its time, from the page, and says it is not saved', () => {
    const rig = new ShellRig(servicePath);
    rig.store.failWrites = true;
    expect(rig.start()).toBe(true);
    rig.advanceTo(T0 + END_MS);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(rig.played.every((p) => p.by === 'page')).toBe(true);
    expect(rig.notices).toContain('save-failed');
    // The check-in reads the session from storage, which never held it: straight to the Summary.
    expect(rig.routes.map((r) => [r.route, r.saved])).toEqual([['summary', false]]);
    expect(rig.routes[0]?.record.status).toBe('completed');
  });

  it('storage that frees up again gets the running session saved where it is', () => {
    const rig = new ShellRig(servicePath);
    rig.store.failWrites = true;
    rig.start();
    rig.advanceTo(T0 + 70_000);
    rig.store.failWrites = false;
    rig.advanceTo(T0 + 120_000);
    const stored = loadSession(rig.store);
    expect(stored.kind).toBe('active');
    // Past the first step (60 s after the 5 s lead-in) and the switch to the right side at 110 s.
    if (stored.kind === 'active') expect(stored.state.stepIndex).toBe(2);
    rig.advanceTo(T0 + END_MS);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    // Stored again, the finished session reaches the check-in as usual.
    expect(rig.routes.map((r) => [r.route, r.saved])).toEqual([['checkin', true]]);
  });
});

describe('session shell - storage that fills up mid-session', () => {
  it('page path - no cue is played twice, none is missed, and the page says the session is not saved', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    rig.store.failWrites = true;
    rig.advanceTo(T0 + END_MS);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(rig.notices).toContain('save-failed');
    expect(rig.routes.map((r) => [r.route, r.saved])).toEqual([['summary', false]]);
  });

  it('page path - a Skip pressed while storage is full skips the step under way and keeps every later boundary from it', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    rig.store.failWrites = true;
    rig.advanceTo(T0 + 120_000);
    rig.shell.press('skip'); // 10 s into upper traps right
    rig.advanceTo(T0 + 400_000);
    expect(rig.cues()).toEqual([
      [5_000, 'lead-in-over'],
      [35_000, 'halfway'],
      [65_000, 'next-area'],
      [110_000, 'switch-side'],
      // The press's tick (30 ms), a 400 ms gap, then the cue the skip causes, in one pattern.
      [120_000, 'tick'],
      [120_430, 'next-area'],
      [160_000, 'switch-side'],
      [200_000, 'next-area'],
      [245_000, 'switch-side'],
      [290_000, 'done'],
    ]);
    const record = rig.routes[0]?.record;
    expect(record?.steps.map((step) => step.skipped)).toEqual([false, false, true, false, false, false, false]);
    // Upper traps right ran 10 of its 45 s.
    expect(record?.steps[2]?.doneMs).toBe(10_000);
  });

  it('service path - the App Service still plays every cue at its time', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    rig.store.failWrites = true;
    rig.advanceTo(T0 + END_MS);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(rig.played.filter((p) => p.at > T0 + 100_000).every((p) => p.by === 'service')).toBe(true);
  });
});
