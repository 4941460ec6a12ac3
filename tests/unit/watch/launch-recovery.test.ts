// Where a launch goes from what is stored (docs/watch.md "Recovery"): a corrupt snapshot, nothing,
// a session the running service owns, a session that ended while the service was still playing
// its last cue, and a pain stop that never reached the outbox.
import { describe, expect, it } from 'vitest';
import { IDLE, transition } from '../../../core/engine';
import { DESK_RESET } from '../../../core/routines/library';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { loadOutbox } from '../../../core/sync/outbox';
import { KEYS } from '../../../core/watch/keys';
import { recoverAtLaunch } from '../../../core/watch/session-shell';
import { loadSession, saveSession } from '../../../core/watch/session-store';
import { ShellRig, T0 } from '../../fixtures/shell-rig';

const launch = (rig: ShellRig, offered = false) => recoverAtLaunch(rig.ports(), offered);

describe('launch recovery', () => {
  it('recovery - a corrupt stored session is set aside and Home says so; nothing runs, so a wrist raise no longer relaunches the app', () => {
    const rig = new ShellRig(false);
    rig.store.setItem(KEYS.session, '{"v":1,"state":{"phase":"running"}}');
    rig.relaunch = true;
    expect(launch(rig)).toEqual({ go: 'home', corrupt: true, saveFailed: false });
    expect(loadSession(rig.store).kind).toBe('none');
    expect(rig.relaunch).toBe(false);
  });

  it('recovery - with nothing stored Home opens plainly and a wrist raise no longer relaunches the app', () => {
    const rig = new ShellRig(false);
    rig.relaunch = true;
    expect(launch(rig)).toEqual({ go: 'home', corrupt: false, saveFailed: false });
    expect(rig.relaunch).toBe(false);
  });

  it('recovery - a session still running on the page path goes to the Session page, stored as it was', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 40_000);
    rig.shell.close();
    rig.now = T0 + 50_000;
    const before = rig.store.snapshot();
    expect(launch(rig)).toEqual({ go: 'session' });
    expect(rig.store.snapshot()).toEqual(before);
  });

  it('recovery - the running service stays the only writer even when the clock says the session is over', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 300_000);
    rig.shell.close();
    // Launched at 400 s, before the service's own wake-up for the end at 325 s has run.
    rig.now = T0 + 400_000;
    const before = rig.store.snapshot();
    expect(launch(rig)).toEqual({ go: 'session' });
    expect(rig.store.snapshot()).toEqual(before);
  });

  it('recovery - launched while the service still plays the done cue, the finished session goes to its check-in', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 325_000);
    rig.shell.close();
    rig.serviceRunning = true; // alive for the 1.5 s of "done"
    expect(launch(rig)).toEqual({ go: 'checkin' });
    expect(rig.relaunch).toBe(false);
  });

  it('recovery - a pain stop left in storage is saved at once and shown on the Summary, never offered for check-in', () => {
    const rig = new ShellRig(false);
    const started = transition(IDLE, { type: 'start', now: T0, routine: DESK_RESET, settings: DEFAULT_SETTINGS, sessionId: 'w1-abc-1', tzOffsetMin: 0 }).state;
    const pained = transition(started, { type: 'pain', now: T0 + 50_000 }).state;
    saveSession(rig.store, pained);
    rig.now = T0 + 60_000;
    expect(launch(rig)).toEqual({ go: 'summary', saveFailed: false });
    expect(loadOutbox(rig.store).state.pending.map((p) => p.record.status)).toEqual(['pain']);
    expect(loadSession(rig.store).kind).toBe('none');
  });
});
