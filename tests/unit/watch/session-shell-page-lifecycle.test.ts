// The Session page's life around a session (docs/watch.md "Cues and screen-off, per API level"):
// opening and reopening it, the screen it keeps lit, closing it, and presses that come too early or
// too late. Desk reset times as in tests/fixtures/desk-reset.ts: 5 s lead-in, then 320 s of steps.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { DESK_RESET } from '../../../core/routines/library';
import { loadOutbox } from '../../../core/sync/outbox';
import { loadSession } from '../../../core/watch/session-store';
import { SessionShell } from '../../../core/watch/session-shell';
import type { Route } from '../../../core/watch/session-shell';
import { ShellRig, T0 } from '../../fixtures/shell-rig';
import { DESK_RESET_CUES } from '../../fixtures/desk-reset';

/** What is left of an untouched Desk reset at its start (lead-in and every step) plus the minute's margin. */
const LIT_AT_START_MS = 5_000 + 320_000 + 60_000;

/** A second Session page on the same watch (same store, clock, service): what a relaunch opens. */
function reopen(rig: ShellRig): { shell: SessionShell; routes: Route[] } {
  const routes: Route[] = [];
  const shell = new SessionShell(rig.ports(), {
    changed: () => undefined,
    finished: (route) => routes.push(route),
    notice: (what) => rig.notices.push(what),
  });
  return { shell, routes };
}

describe('session page - the screen and wake-up relaunch', () => {
  it('shell (page) - a running session keeps the screen lit for what is left plus a minute, even with "allow off", and asks to be relaunched on wrist raise', () => {
    const rig = new ShellRig(false);
    rig.start(DESK_RESET, { ...DEFAULT_SETTINGS, screen: 'allow-off' });
    expect(rig.lit).toBe(LIT_AT_START_MS);
    expect(rig.relaunch).toBe(true);
  });

  it('shell (service) - with "allow off" the page leaves the screen to the system while the service plays', () => {
    const rig = new ShellRig(true);
    rig.start(DESK_RESET, { ...DEFAULT_SETTINGS, screen: 'allow-off' });
    rig.advanceTo(T0 + 20_000);
    expect(rig.screenLog).not.toContain('keepLit');
    expect(rig.relaunch).toBe(true);
  });

  it('shell (service) - with "keep on" the page stays lit for what is left plus a minute', () => {
    const rig = new ShellRig(true);
    rig.start(DESK_RESET, { ...DEFAULT_SETTINGS, screen: 'keep-on' });
    expect(rig.lit).toBe(LIT_AT_START_MS);
  });

  it('shell (page) - closing the page mid-session gives the screen back, leaves relaunch on, and the page plays nothing more', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 30_000);
    rig.shell.close();
    expect(rig.lit).toBeNull();
    expect(rig.relaunch).toBe(true);
    expect(rig.pageWake).toBeNull();
    rig.advanceTo(T0 + 400_000);
    expect(rig.cues()).toEqual(DESK_RESET_CUES.slice(0, 1));
  });

  it('shell (page) - closing the page after the session ended leaves wake-up relaunch off', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    rig.shell.press('stop');
    expect(rig.relaunch).toBe(false);
    rig.shell.close();
    expect(rig.relaunch).toBe(false);
    expect(rig.lit).toBeNull();
  });
});

describe('session page - presses and renders out of their time', () => {
  it('shell (page) - presses after the session ended do nothing: no tick, nothing written', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    rig.shell.press('stop');
    const stored = rig.store.snapshot();
    const heard = rig.played.length;
    rig.advanceTo(T0 + 101_000);
    for (const press of ['skip', 'extend', 'pause', 'resume', 'pain', 'stop'] as const) rig.shell.press(press);
    rig.advanceTo(T0 + 110_000);
    expect(rig.played.length).toBe(heard);
    expect(rig.store.snapshot()).toEqual(stored);
    expect(rig.routes.map((r) => r.route)).toEqual(['checkin']);
  });

  it('shell (page) - a press on a page that has not opened its session changes nothing stored', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 20_000);
    rig.shell.close();
    const stored = rig.store.snapshot();
    const { shell } = reopen(rig);
    shell.press('skip');
    rig.advanceTo(T0 + 21_000);
    expect(rig.store.snapshot()).toEqual(stored);
  });

  it('shell (service) - a render after the page closed draws nothing and takes nothing over', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 30_000);
    rig.shell.close();
    rig.serviceRunning = false; // the system ended the service after the page went
    rig.advanceTo(T0 + 40_000);
    const drawn = rig.drawn.length;
    const stored = rig.store.snapshot();
    rig.shell.refresh();
    expect(rig.drawn.length).toBe(drawn);
    expect(rig.store.snapshot()).toEqual(stored);
    // The halfway tick at 35 s stays unplayed until the page is opened again.
    expect(rig.cues()).toEqual(DESK_RESET_CUES.slice(0, 1));
  });

  it('shell (page) - a page timer that fires as the page closes plays nothing and writes nothing', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 30_000);
    const late = rig.pageWake;
    if (late === null) throw new Error('the page armed no wake-up');
    rig.shell.close();
    const stored = rig.store.snapshot();
    rig.now = T0 + 36_000;
    late.wake();
    expect(rig.store.snapshot()).toEqual(stored);
    expect(rig.cues()).toEqual(DESK_RESET_CUES.slice(0, 1));
  });
});

describe('session page - opening', () => {
  it('shell (page) - reopened after a while, the page catches up: one cue for where the person is, then the rest on time', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 20_000);
    rig.shell.close();
    // Closed over the halfway tick (35 s) and the neck's end (65 s); reopened at 70 s.
    rig.now = T0 + 70_000;
    const { shell } = reopen(rig);
    expect(shell.open(null)).toBe(true);
    expect(shell.current?.stepIndex).toBe(1);
    rig.advanceTo(T0 + 400_000);
    expect(rig.cues()).toEqual([[5_000, 'lead-in-over'], [70_000, 'next-area'], ...DESK_RESET_CUES.slice(3)]);
  });

  it('shell - opening the Session page with nothing stored and nothing to start shows nothing', () => {
    const rig = new ShellRig(false);
    expect(rig.shell.open(null)).toBe(false);
    expect(rig.shell.current).toBeNull();
    expect(rig.played).toEqual([]);
  });

  it('shell - reopening the Session page on a session that ended goes to its check-in, still waiting (not queued)', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    rig.shell.press('stop');
    rig.shell.close();
    const { shell, routes } = reopen(rig);
    expect(shell.open(null)).toBe(true);
    expect(routes).toEqual(['checkin']);
    expect(loadOutbox(rig.store).state.pending).toEqual([]);
    const stored = loadSession(rig.store);
    expect(stored.kind === 'active' ? stored.state.record?.status : null).toBe('stopped');
  });

  it('shell (page) - a start that cannot be saved tells the person the save failed', () => {
    const rig = new ShellRig(false);
    rig.store.failWrites = true;
    rig.start();
    expect(rig.notices).toContain('save-failed');
  });

  it('shell (page) - a step change that cannot be saved still plays its cue, says so, and the screen shows the new step', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.store.failWrites = true;
    rig.advanceTo(T0 + 6_000);
    expect(rig.cues()).toEqual([[5_000, 'lead-in-over']]);
    expect(rig.notices).toEqual(['save-failed']);
    rig.shell.refresh();
    expect(rig.drawn[rig.drawn.length - 1]?.inLeadIn).toBe(false);
  });
});
