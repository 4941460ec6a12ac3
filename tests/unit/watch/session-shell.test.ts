// The session shell with a fake clock and fake ports, on both API paths (page: 3.6-3.x; service: 4.x).
// Expected cues come from the Desk reset routine as the product describes it, written by hand:
// 5 s lead-in; neck (both) 60 s with a halfway tick; upper traps L/R 45 s; shoulders L/R 40 s;
// forearms L/R 45 s. Times in ms after the start.
import { describe, expect, it } from 'vitest';
import { DESK_RESET } from '../../../core/routines/library';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { loadOutbox } from '../../../core/sync/outbox';
import { loadSession } from '../../../core/watch/session-store';
import { CHECKIN_OFFER_MS, recoverAtLaunch } from '../../../core/watch/session-shell';
import { ShellRig, T0 } from '../../fixtures/shell-rig';
import { DESK_RESET_CUES } from '../../fixtures/desk-reset';


const PATHS = [
  ['page', false],
  ['service', true],
] as const;

function pending(rig: ShellRig): number {
  return loadOutbox(rig.store).state.pending.length;
}

describe('session shell', () => {
  for (const [path, servicePath] of PATHS) {
    it(`shell (${path}) - an untouched Desk reset plays each cue at its boundary, whole, and goes to the check-in`, () => {
      const rig = new ShellRig(servicePath);
      expect(rig.start()).toBe(true);
      rig.advanceTo(T0 + 400_000);
      expect(rig.cues()).toEqual(DESK_RESET_CUES);
      // On the service path every timed cue comes from the service, none from the page.
      expect(new Set(rig.played.map((p) => p.by))).toEqual(new Set([servicePath ? 'service' : 'page']));
      rig.shell.refresh();
      expect(rig.routes.map((r) => r.route)).toEqual(['checkin']);
      // Screen and wake-up relaunch are back to the defaults once it ended.
      expect(rig.lit).toBeNull();
      expect(rig.relaunch).toBe(false);
      // Waiting for its check-in: stored, not yet queued.
      expect(pending(rig)).toBe(0);
    });

    it(`shell (${path}) - skip at 20 s: a tick at once, the next area after it, every later boundary 40 s earlier`, () => {
      const rig = new ShellRig(servicePath);
      rig.start();
      rig.advanceTo(T0 + 20_000);
      rig.shell.press('skip');
      rig.advanceTo(T0 + 400_000);
      expect(rig.cues()).toEqual([
        [5_000, 'lead-in-over'],
        // The press's tick (30 ms), a 400 ms gap, then the cue the skip causes, in one pattern.
        [20_000, 'tick'],
        [20_430, 'next-area'],
        [65_000, 'switch-side'],
        [110_000, 'next-area'],
        [150_000, 'switch-side'],
        [190_000, 'next-area'],
        [235_000, 'switch-side'],
        [280_000, 'done'],
      ]);
    });

    it(`shell (${path}) - +30 s at 40 s answers with a tick and moves the neck's end and everything after by 30 s`, () => {
      const rig = new ShellRig(servicePath);
      rig.start();
      rig.advanceTo(T0 + 40_000);
      rig.shell.press('extend');
      rig.advanceTo(T0 + 400_000);
      expect(rig.cues()).toEqual([
        [5_000, 'lead-in-over'],
        [35_000, 'halfway'],
        [40_000, 'tick'],
        [95_000, 'next-area'],
        [140_000, 'switch-side'],
        [185_000, 'next-area'],
        [225_000, 'switch-side'],
        [265_000, 'next-area'],
        [310_000, 'switch-side'],
        [355_000, 'done'],
      ]);
    });

    it(`shell (${path}) - pause at 3 s for 10 s shifts every cue by 10 s; nothing plays while paused`, () => {
      const rig = new ShellRig(servicePath);
      rig.start();
      rig.advanceTo(T0 + 3_000);
      rig.shell.press('pause');
      rig.advanceTo(T0 + 13_000);
      expect(rig.played).toEqual([]);
      rig.shell.press('resume');
      rig.advanceTo(T0 + 400_000);
      expect(rig.cues()).toEqual(DESK_RESET_CUES.map(([at, cue]) => [at + 10_000, cue]));
    });

    it(`shell (${path}) - pain at 50 s: one strong pulse at once, Summary, the record queued once; screen given back`, () => {
      const rig = new ShellRig(servicePath);
      rig.start();
      rig.advanceTo(T0 + 50_000);
      rig.shell.press('pain');
      rig.advanceTo(T0 + 400_000);
      expect(rig.cues()).toEqual([
        [5_000, 'lead-in-over'],
        [35_000, 'halfway'],
        [50_000, 'pain-stop'],
      ]);
      expect(rig.routes.map((r) => [r.route, r.record.status])).toEqual([['summary', 'pain']]);
      expect(pending(rig)).toBe(1);
      expect(loadSession(rig.store).kind).toBe('none');
      expect(rig.lit).toBeNull();
      expect(rig.relaunch).toBe(false);
    });

    it(`shell (${path}) - pain is strong even at the gentle setting`, () => {
      const rig = new ShellRig(servicePath);
      rig.start(DESK_RESET, { ...DEFAULT_SETTINGS, intensity: 'gentle' });
      rig.advanceTo(T0 + 10_000);
      rig.shell.press('pain');
      const pain = rig.played[rig.played.length - 1];
      expect(pain?.pattern.pulses.filter((p) => p.strength > 0).map((p) => p.strength)).toEqual([3]);
    });

    it(`shell (${path}) - stop at 100 s: no cue after it, the check-in follows`, () => {
      const rig = new ShellRig(servicePath);
      rig.start();
      rig.advanceTo(T0 + 100_000);
      rig.shell.press('stop');
      rig.advanceTo(T0 + 400_000);
      expect(rig.cues()).toEqual(DESK_RESET_CUES.slice(0, 3));
      expect(rig.routes.map((r) => [r.route, r.record.status])).toEqual([['checkin', 'stopped']]);
      expect(rig.relaunch).toBe(false);
    });

    // Every press in every phase: the press takes effect exactly once, as the product says.
    for (const phase of ['lead-in', 'running', 'paused'] as const) {
      for (const press of ['pause', 'resume', 'skip', 'extend', 'stop', 'pain'] as const) {
        it(`shell (${path}) - ${press} during ${phase} takes effect once`, () => {
          const rig = new ShellRig(servicePath);
          rig.start();
          rig.advanceTo(T0 + (phase === 'lead-in' ? 2_000 : 20_000));
          if (phase === 'paused') rig.shell.press('pause');
          rig.advanceTo(rig.now + 1_000);
          const before = loadSession(rig.store);
          if (before.kind !== 'active') throw new Error('no session');
          rig.shell.press(press);
          rig.advanceTo(rig.now + 100);
          const after = loadSession(rig.store);
          const state = after.kind === 'active' ? after.state : null;
          const b = before.state;
          if (press === 'stop' || press === 'pain') {
            const status = press === 'stop' ? 'stopped' : 'pain';
            expect(rig.routes.map((r) => r.record.status)).toEqual([status]);
            return;
          }
          if (state === null) throw new Error('session vanished');
          if (press === 'pause') expect(state.phase).toBe('paused');
          if (press === 'resume') expect(state.phase).toBe(phase === 'paused' ? 'running' : b.phase === 'lead-in' ? 'lead-in' : 'running');
          if (press === 'extend' && phase !== 'lead-in') expect(state.extraMs).toBe(b.extraMs + 30_000);
          if (press === 'skip') {
            // Skipping the lead-in starts the first step; otherwise the next step begins.
            if (phase === 'lead-in') expect([state.inLeadIn, state.stepIndex]).toEqual([false, 0]);
            else expect(state.stepIndex).toBe(b.stepIndex + 1);
          }
          // Paused stays paused through skip and +30 s.
          if (phase === 'paused' && (press === 'skip' || press === 'extend')) expect(state.phase).toBe('paused');
          expect(rig.routes).toEqual([]);
        });
      }
    }
  }
});

describe('session shell - hand-over on the service path', () => {
  it('shell (service) - presses made while the service stops and starts are queued and applied in order, once each', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 20_000);
    rig.autoComplete = false;
    rig.shell.press('extend'); // asks the service to stop
    expect(rig.shell.writerNow).toBe('stopping');
    rig.advanceTo(T0 + 20_050);
    rig.shell.press('extend'); // queued behind the first
    rig.completeNext(); // stopped: both applied, start asked
    expect(rig.shell.writerNow).toBe('starting');
    rig.shell.press('skip'); // while starting
    rig.completeNext(); // started: asks to stop again for the skip
    expect(rig.shell.writerNow).toBe('stopping');
    rig.completeNext(); // stopped: skip applied, start asked
    rig.completeNext(); // started
    expect(rig.shell.writerNow).toBe('service');
    const stored = loadSession(rig.store);
    expect(stored.kind === 'active' ? [stored.state.stepIndex, stored.state.extraMs] : null).toEqual([1, 0]);
    rig.autoComplete = true;
    rig.advanceTo(T0 + 400_000);
    // Each press is answered in order and none cuts the one before: +30 s at 20 s ticks at once;
    // the second +30 s (20.05 s) waits for that tick to end plus the 400 ms gap (20.43 s); the skip
    // (also 20.05 s) then ticks at 20.86 s and its next area follows 430 ms later. Every later
    // boundary as in "skip at 20 s", 50 ms on (the two +30 s belonged to the skipped neck).
    expect(rig.cues()).toEqual([
      [5_000, 'lead-in-over'],
      [20_000, 'tick'],
      [20_430, 'tick'],
      [20_860, 'tick'],
      [21_290, 'next-area'],
      [65_050, 'switch-side'],
      [110_050, 'next-area'],
      [150_050, 'switch-side'],
      [190_050, 'next-area'],
      [235_050, 'switch-side'],
      [280_050, 'done'],
    ]);
  });

  it('shell (service) - a service that fails to start: the page plays the cues, keeps the screen lit, and says why', () => {
    const rig = new ShellRig(true);
    rig.startWorks = false;
    rig.start();
    expect(rig.notices).toEqual(['no-background']);
    expect(rig.lit).not.toBeNull();
    rig.advanceTo(T0 + 400_000);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(new Set(rig.played.map((p) => p.by))).toEqual(new Set(['page']));
  });

  it('shell (service) - refused background permission: the page plays the cues', () => {
    const rig = new ShellRig(true);
    rig.permission = false;
    rig.start();
    rig.advanceTo(T0 + 400_000);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(rig.notices).toEqual(['no-background']);
  });

  it('shell (service) - a page closed mid-session leaves the service playing and asks to be relaunched on wake', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 30_000);
    rig.shell.close();
    expect(rig.relaunch).toBe(true);
    rig.advanceTo(T0 + 400_000);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
  });

  it('shell (service) - the service ending without finishing (system) makes the page take over at its next render', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 30_000);
    rig.serviceRunning = false; // killed by the system
    rig.advanceTo(T0 + 36_000);
    rig.shell.refresh();
    rig.advanceTo(T0 + 400_000);
    // The halfway tick at 35 s was missed while nobody ran; the page caught up at 36 s.
    expect(rig.cues().map(([, c]) => c)).toEqual(DESK_RESET_CUES.map(([, c]) => c));
    expect(rig.cues()[1]).toEqual([36_000, 'halfway']);
  });
});

describe('session shell - the check-in survives the app exit', () => {
  function finishedButNotCheckedIn(): ShellRig {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    rig.shell.press('stop');
    rig.shell.close(); // the app exits on the check-in page
    return rig;
  }
  const launch = (rig: ShellRig, offered = false) => recoverAtLaunch(rig.ports(), offered);

  it('recovery - within 12 h the next launch offers the check-in again; nothing queued yet', () => {
    const rig = finishedButNotCheckedIn();
    rig.now = T0 + 100_000 + CHECKIN_OFFER_MS - 1;
    expect(launch(rig)).toEqual({ go: 'checkin' });
    expect(pending(rig)).toBe(0);
  });

  it('recovery - after 12 h it is saved without ratings, exactly once', () => {
    const rig = finishedButNotCheckedIn();
    rig.now = T0 + 100_000 + CHECKIN_OFFER_MS;
    expect(launch(rig)).toEqual({ go: 'summary', saveFailed: false });
    expect(launch(rig)).toEqual({ go: 'home', corrupt: false, saveFailed: false });
    const queued = loadOutbox(rig.store).state.pending;
    expect(queued.map((p) => [p.record.status, (p.record.checkIn as readonly unknown[]).length])).toEqual([['stopped', 0]]);
  });

  it('recovery - declined in this launch (back to Home): saved without ratings, Home stays', () => {
    const rig = finishedButNotCheckedIn();
    expect(launch(rig, true)).toEqual({ go: 'home', corrupt: false, saveFailed: false });
    expect(pending(rig)).toBe(1);
  });

  it('recovery - starting the next session ends the offer: the waiting one is saved without ratings first', () => {
    const rig = finishedButNotCheckedIn();
    expect(pending(rig)).toBe(0);
    const next = new ShellRig(false, rig.store);
    next.now = rig.now + 60_000;
    expect(next.start()).toBe(true);
    const queued = loadOutbox(rig.store).state.pending;
    expect(queued.map((p) => [p.record.status, (p.record.checkIn as readonly unknown[]).length])).toEqual([['stopped', 0]]);
    const stored = loadSession(rig.store);
    expect(stored.kind === 'active' ? [stored.state.phase, stored.state.record] : null).toEqual(['lead-in', null]);
  });

  it('recovery - a session that ended while the app was closed is caught up silently and offered for check-in', () => {
    const rig = new ShellRig(false);
    rig.start();
    rig.advanceTo(T0 + 40_000);
    rig.shell.close();
    const heard = rig.played.length;
    rig.now = T0 + 3_600_000;
    expect(launch(rig)).toEqual({ go: 'checkin' });
    expect(rig.played.length).toBe(heard);
    const stored = loadSession(rig.store);
    expect(stored.kind === 'active' ? stored.state.record?.status : null).toBe('completed');
    expect(rig.relaunch).toBe(false);
  });

  it('recovery - a running session on the service path is left to the running service', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 40_000);
    rig.shell.close();
    const before = rig.store.snapshot();
    expect(launch(rig)).toEqual({ go: 'session' });
    expect(rig.store.snapshot()).toEqual(before);
  });
});

