// Storage full, the edges docs/watch.md "Storage full" promises beyond "every cue at its time":
// the person is told once, the API 4.x page keeps the screen lit when it plays instead of the
// service, a relaunch resumes where storage last took the session, and a session that ends just as
// storage frees up still reaches the Summary with its record kept. Expected cues: Desk reset as
// written by hand in tests/fixtures/desk-reset.ts.
import { describe, expect, it } from 'vitest';
import { pendingIds } from '../../../core/sync/outbox';
import { ShellRig, T0 } from '../../fixtures/shell-rig';
import { DESK_RESET_CUES } from '../../fixtures/desk-reset';

const END_MS = 330_000;

describe.each([
  ['page', false],
  ['service', true],
] as const)('session shell (%s path) - storage full, told once', (_name, servicePath) => {
  it('a whole session storage never takes says "could not save" once, not at every cue', () => {
    const rig = new ShellRig(servicePath);
    rig.store.failWrites = true;
    rig.start();
    rig.advanceTo(T0 + END_MS);
    expect(rig.notices.filter((n) => n === 'save-failed')).toHaveLength(1);
  });
});

describe('session shell - storage full on the service path (API 4.x)', () => {
  it('a session storage never took is played by the page, which keeps the screen lit and never starts the service', () => {
    const rig = new ShellRig(true);
    rig.store.failWrites = true;
    rig.start();
    rig.advanceTo(T0 + 100_000);
    // Default settings let the screen go off while the service plays; the page playing needs it lit.
    expect(rig.lit).not.toBeNull();
    expect(rig.lit ?? 0).toBeGreaterThan(0);
    expect(rig.requests).not.toContain('start');
    expect(rig.shell.writerNow).toBe('page');
  });

  it('with storage working the service path leaves the screen to its settings (the contrast the test above relies on)', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    expect(rig.lit).toBeNull();
    expect(rig.requests).toContain('start');
  });
});

describe('session shell (page path) - storage that frees up again', () => {
  it('a relaunch after storage took the session again resumes where it was stored: no cue repeated, none missed', () => {
    const first = new ShellRig(false);
    first.store.failWrites = true;
    first.start();
    first.advanceTo(T0 + 70_000);
    first.store.failWrites = false;
    first.advanceTo(T0 + 120_000);
    first.shell.close();

    const relaunched = new ShellRig(false, first.store);
    relaunched.now = T0 + 130_000;
    expect(relaunched.shell.open(null)).toBe(true);
    relaunched.advanceTo(T0 + END_MS);
    // The page that closed played everything up to 110 s; the relaunched one plays the rest.
    expect(first.cues()).toEqual(DESK_RESET_CUES.filter(([at]) => at <= 120_000));
    expect(relaunched.cues()).toEqual(DESK_RESET_CUES.filter(([at]) => at > 130_000));
    expect(relaunched.notices).toEqual([]);
    expect(relaunched.routes.map((r) => [r.route, r.saved])).toEqual([['checkin', true]]);
  });

  it('a session that ends right after storage frees up (no save in between) goes to the Summary with its record kept', () => {
    const rig = new ShellRig(false);
    rig.store.failWrites = true;
    rig.start();
    // Last cue before the end: the switch to the right forearm at 280 s; the end is at 325 s.
    rig.advanceTo(T0 + 300_000);
    rig.store.failWrites = false;
    rig.advanceTo(T0 + END_MS);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(rig.routes.map((r) => [r.route, r.saved])).toEqual([['summary', true]]);
    const record = rig.routes[0]?.record;
    expect(record?.status).toBe('completed');
    // Queued for the phone: nothing of the session is lost.
    expect(pendingIds(rig.store, [record?.id ?? 'missing'])).toEqual([record?.id]);
  });

  it('storage full only while nothing needed saving (a press that changes nothing) costs neither the notice nor the check-in', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 300_000);
    rig.store.failWrites = true;
    rig.shell.press('resume'); // the session runs: Resume changes nothing, so nothing is written
    rig.store.failWrites = false;
    rig.advanceTo(T0 + END_MS);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(rig.notices).toEqual([]);
    expect(rig.routes.map((r) => [r.route, r.saved])).toEqual([['checkin', true]]);
  });
});
