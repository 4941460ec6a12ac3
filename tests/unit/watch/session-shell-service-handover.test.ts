// The service path's hand-overs at their edges (docs/watch.md "Cues and screen-off", API >= 4.0):
// one writer at a time, presses queued until the service's complete_func, the permission answer
// arriving later, a page reopened while the service runs, a page closed in the middle of a
// hand-over, and how long the service stays alive for its last cue.
// Desk reset times as in tests/fixtures/desk-reset.ts: 5 s lead-in, neck 60 s (halfway at 35 s), ...
import { describe, expect, it } from 'vitest';
import { loadSession } from '../../../core/watch/session-store';
import { SessionShell } from '../../../core/watch/session-shell';
import type { SessionState } from '../../../core/engine';
import { ShellRig, T0 } from '../../fixtures/shell-rig';
import { DESK_RESET_CUES } from '../../fixtures/desk-reset';

/** A second Session page on the same watch (same store, clock, service): what a relaunch opens. */
function reopen(rig: ShellRig): { shell: SessionShell; drawn: SessionState[] } {
  const drawn: SessionState[] = [];
  const shell = new SessionShell(rig.ports(), {
    changed: (state) => drawn.push(state),
    finished: (route, record, saved) => rig.routes.push({ route, record, saved }),
    notice: (what) => rig.notices.push(what),
  });
  return { shell, drawn };
}

function stored(rig: ShellRig): SessionState {
  const s = loadSession(rig.store);
  if (s.kind !== 'active') throw new Error('no stored session');
  return s.state;
}

/** A service-path session running in the service at 20 s, its page closed (the app in the background). */
function runningInService(): ShellRig {
  const rig = new ShellRig(true);
  rig.start();
  rig.advanceTo(T0 + 20_000);
  rig.shell.close();
  return rig;
}

describe('service path - the page reopened while the service runs', () => {
  it('shell (service) - the running service stays the only writer: no new start, nothing played by the page, no notice', () => {
    const rig = runningInService();
    const requests = rig.requests.length;
    const { shell } = reopen(rig);
    expect(shell.open(null)).toBe(true);
    expect(shell.writerNow).toBe('service');
    expect(rig.requests.length).toBe(requests);
    rig.advanceTo(T0 + 400_000);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(new Set(rig.played.map((p) => p.by))).toEqual(new Set(['service']));
    expect(rig.notices).toEqual([]);
  });

  it('shell (service) - while the permission answer is awaited, the page draws what the running service stores', () => {
    const rig = runningInService();
    rig.deferPermission = true;
    const { shell, drawn } = reopen(rig);
    shell.open(null);
    expect(shell.writerNow).toBe('starting');
    rig.advanceTo(T0 + 36_000); // the service gives the halfway tick at 35 s
    shell.refresh();
    expect(drawn[drawn.length - 1]?.halfwayDone).toBe(true);
  });

  it('shell (service) - a press made before the permission answer stops the running service and is applied once', () => {
    const rig = runningInService();
    rig.deferPermission = true;
    const { shell } = reopen(rig);
    shell.open(null);
    rig.advanceTo(T0 + 21_000);
    shell.press('skip');
    expect(stored(rig).stepIndex).toBe(0); // queued: the service is still the writer
    rig.answerPermission(true);
    expect(stored(rig).stepIndex).toBe(1);
    expect(shell.writerNow).toBe('service');
    rig.advanceTo(T0 + 400_000);
    // Skip at 21 s: tick, next area 430 ms later; the neck's 39 s left go from every later boundary.
    expect(rig.cues()).toEqual([
      [5_000, 'lead-in-over'],
      [21_000, 'tick'],
      [21_430, 'next-area'],
      [66_000, 'switch-side'],
      [111_000, 'next-area'],
      [151_000, 'switch-side'],
      [191_000, 'next-area'],
      [236_000, 'switch-side'],
      [281_000, 'done'],
    ]);
  });

  it('shell (service) - the page closed before the permission answer: granted, the service still takes the session', () => {
    const rig = new ShellRig(true);
    rig.deferPermission = true;
    rig.start();
    rig.shell.close();
    rig.answerPermission(true);
    expect(rig.requests).toEqual(['start']);
    rig.advanceTo(T0 + 400_000);
    expect(rig.cues()).toEqual(DESK_RESET_CUES);
    expect(rig.notices).toEqual([]);
  });

  it('shell (service) - the page closed before the permission answer: refused, the closed page neither plays nor says anything', () => {
    const rig = new ShellRig(true);
    rig.deferPermission = true;
    rig.start();
    rig.shell.close();
    rig.answerPermission(false);
    rig.advanceTo(T0 + 400_000);
    expect(rig.played).toEqual([]);
    expect(rig.notices).toEqual([]);
    expect(rig.relaunch).toBe(true);
  });
});

describe('service path - hand-overs under way', () => {
  it('shell (service) - a render while the service is starting does not ask for it a second time', () => {
    const rig = new ShellRig(true);
    rig.autoComplete = false;
    rig.start();
    expect(rig.shell.writerNow).toBe('starting');
    rig.shell.refresh();
    expect(rig.requests).toEqual(['start']);
    rig.completeNext();
    expect(rig.shell.writerNow).toBe('service');
    expect(rig.notices).toEqual([]);
  });

  it('shell (service) - while the service is being stopped, the page draws what it still stores', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 20_000);
    rig.autoComplete = false;
    rig.shell.press('extend');
    expect(rig.shell.writerNow).toBe('stopping');
    rig.advanceTo(T0 + 36_000); // the service, not yet gone, gives the halfway tick at 35 s
    rig.shell.refresh();
    expect(rig.drawn[rig.drawn.length - 1]?.halfwayDone).toBe(true);
  });

  it('shell (service) - pause stops the service and nothing starts it again until resume', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 20_000);
    rig.shell.press('pause');
    expect(rig.requests).toEqual(['start', 'stop']);
    expect(rig.shell.writerNow).toBe('idle');
    rig.advanceTo(T0 + 30_000);
    rig.shell.refresh();
    expect(rig.requests).toEqual(['start', 'stop']);
    rig.shell.press('resume');
    expect(rig.requests).toEqual(['start', 'stop', 'start']);
    expect(rig.shell.writerNow).toBe('service');
  });

  it('shell (service) - a press just before the page closes is still applied when the service has stopped, and the service plays on', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 20_000);
    rig.autoComplete = false;
    rig.shell.press('extend');
    rig.shell.close(); // swiped away before complete_func came back
    rig.completeNext(); // stopped: the +30 s is applied, the service asked to start again
    expect(stored(rig).extraMs).toBe(30_000);
    expect(rig.requests).toEqual(['start', 'stop', 'start']);
    rig.autoComplete = true;
    rig.completeNext();
    rig.advanceTo(T0 + 400_000);
    // As "+30 s at 40 s", but pressed at 20 s: the halfway moves to 50 s, every end 30 s later.
    expect(rig.cues()).toEqual([
      [5_000, 'lead-in-over'],
      [20_000, 'tick'],
      [50_000, 'halfway'],
      [95_000, 'next-area'],
      [140_000, 'switch-side'],
      [185_000, 'next-area'],
      [225_000, 'switch-side'],
      [265_000, 'next-area'],
      [310_000, 'switch-side'],
      [355_000, 'done'],
    ]);
    expect(rig.notices).toEqual([]);
    expect(rig.drawn.every((s) => s.extraMs === 0)).toBe(true);
  });

  it('shell (service) - a stop just before the page closes ends the session; the check-in waits for the next launch', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 100_000);
    rig.autoComplete = false;
    rig.shell.press('stop');
    rig.shell.close();
    rig.completeNext();
    expect(stored(rig).record?.status).toBe('stopped');
    // The closed page routes nowhere; recovery offers the check-in (session-shell.test.ts).
    expect(rig.routes).toEqual([]);
    expect(rig.requests).toEqual(['start', 'stop']);
    expect(rig.relaunch).toBe(false);
  });

  it('shell (service) - a page closed while the service starts: a failed start leaves the cues to the next launch, no page cues, no notice', () => {
    const rig = new ShellRig(true);
    rig.autoComplete = false;
    rig.startWorks = false;
    rig.start();
    rig.shell.close();
    rig.completeNext();
    rig.advanceTo(T0 + 400_000);
    expect(rig.played).toEqual([]);
    expect(rig.notices).toEqual([]);
    expect(rig.relaunch).toBe(true);
  });

  it('shell (service) - a press while the service\'s lead-in-over (700 ms) plays waits for it to end plus the 400 ms gap', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 5_200); // the service gave lead-in-over at 5 s
    rig.shell.press('skip');
    rig.advanceTo(T0 + 10_000);
    expect(rig.cues().slice(0, 3)).toEqual([
      [5_000, 'lead-in-over'],
      [6_100, 'tick'],
      [6_530, 'next-area'],
    ]);
  });

  it('shell (service) - a session the service finished during a hand-over is not handed back to it', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 324_000);
    rig.autoComplete = false;
    rig.shell.press('extend'); // asks the service to stop; it has not yet
    rig.advanceTo(T0 + 326_000); // meanwhile the service gives "done" at 325 s and exits
    rig.shell.refresh();
    expect(rig.routes.map((r) => r.route)).toEqual(['checkin']);
    rig.completeNext(); // the stop's answer comes after the end
    expect(rig.requests).toEqual(['start', 'stop']);
  });

  it('service - after the done cue the service stays alive until it has played whole (1.5 s)', () => {
    const rig = new ShellRig(true);
    rig.start();
    rig.advanceTo(T0 + 400_000);
    // done: 150 · 150 · 150 · 150 · 150 · 150 · 600 ms (docs/haptics.md), given at 325 s.
    expect(rig.serviceExitAt).toBe(T0 + 325_000 + 1_500);
  });
});
