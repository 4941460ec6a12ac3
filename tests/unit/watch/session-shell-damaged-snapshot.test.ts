// A stored session snapshot damaged while the page runs the session (docs/watch.md "A damaged
// snapshot mid-session"): loading it sets it aside (quarantine), and the page, which still holds
// the session it last drew, plays on from that copy and stores it again, on every path. Nothing the
// person did is lost and the session never freezes.
// Desk reset times as in tests/fixtures/desk-reset.ts: 5 s lead-in, neck 60 s (halfway at 35 s), ...
import { describe, expect, it } from 'vitest';
import { loadSession } from '../../../core/watch/session-store';
import { KEYS } from '../../../core/watch/keys';
import { ShellRig, T0 } from '../../fixtures/shell-rig';
import { DESK_RESET_CUES } from '../../fixtures/desk-reset';

const DAMAGED = '{"phase":"running","stepIndex":'; // cut short, as by a write torn mid-way

function storedPhase(rig: ShellRig): string {
  const s = loadSession(rig.store);
  return s.kind === 'active' ? s.state.phase : s.kind;
}

describe.each([
  ['page path (API 3.x)', false],
  ['service path (API 4.x)', true],
])('shell - a snapshot damaged mid-session, %s', (_name, servicePath) => {
  it('shell - a pause pressed after the damage is applied to the page\'s copy and stored again', () => {
    const rig = new ShellRig(servicePath);
    rig.start();
    rig.advanceTo(T0 + 20_000);
    rig.store.setItem(KEYS.session, DAMAGED);
    rig.shell.press('pause');
    expect(storedPhase(rig)).toBe('paused');
    expect(rig.drawn[rig.drawn.length - 1]?.phase).toBe('paused');
    // The damaged text is kept aside for a look later, not lost.
    expect(Object.values(rig.store.snapshot())).toContain(DAMAGED);
  });

  it('shell - after the damage the session still gives every cue at its time and ends in the check-in', () => {
    const rig = new ShellRig(servicePath);
    rig.start();
    rig.advanceTo(T0 + 20_000);
    rig.store.setItem(KEYS.session, DAMAGED);
    rig.shell.press('pause');
    rig.advanceTo(T0 + 30_000);
    rig.shell.refresh();
    rig.shell.press('resume');
    rig.advanceTo(T0 + 400_000);
    rig.shell.refresh();
    // Paused from 20 s to 30 s: every cue after the pause comes 10 s later.
    const expected = DESK_RESET_CUES.map(([at, cue]): [number, string] => [at < 20_000 ? at : at + 10_000, cue]);
    expect(rig.cues().filter(([, cue]) => cue !== 'tick')).toEqual(expected);
    expect(rig.routes.map((r) => r.route)).toEqual(['checkin']);
  });
});
