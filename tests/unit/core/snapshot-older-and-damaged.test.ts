// restore() on snapshots written by older versions and on damage the main snapshot tests do not
// cover (docs/core.md: validated fully, a clear error naming the field, never a half-applied state;
// older snapshots without later fields read as "not given yet").
import { describe, expect, it } from 'vitest';
import { restore, snapshot } from '../../../core/engine/snapshot';
import { transition } from '../../../core/engine/transition';
import { IDLE } from '../../../core/engine/types';
import type { EngineEvent, SessionState } from '../../../core/engine/types';
import { formatProblem } from '../../../core/kernel/result';
import { SETTINGS, T0, apply, asSession, startEvent, started } from '../../fixtures/core';

type Snap = { v: number; state: Record<string, unknown> };
const parsed = (state: SessionState): Snap => JSON.parse(snapshot(state)) as Snap;
const problems = (snap: Snap): string[] => {
  const result = restore(JSON.stringify(snap));
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('snapshot - older and damaged', () => {
  it('snapshot - one written before "change coming" and clock-shift handling restores as not given and no shift', () => {
    const running = asSession(apply(started(T0, undefined, { ...SETTINGS, changeComing: true }), [{ type: 'tick', now: T0 + 20_000 }]).state);
    const old = parsed(running);
    delete old.state['comingDone'];
    delete old.state['clockShiftMs'];
    const restored = restore(JSON.stringify(old));
    expect(restored.ok ? [restored.value.phase, (restored.value as SessionState).comingDone, (restored.value as SessionState).clockShiftMs] : restored.problems).toEqual(['running', false, 0]);
  });

  it('snapshot - base times that are not whole seconds, or not one per step, are refused by name', () => {
    const begun = asSession(transition(IDLE, { ...startEvent(), baseSeconds: [45, 20, 20] } as EngineEvent).state);
    const snap = parsed(begun);
    for (const bad of [[45, -1, 20], [45, 20.5, 20], [45, '20', 20], 'none']) {
      expect(problems({ ...snap, state: { ...snap.state, baseSeconds: bad } })).toEqual(['state.baseSeconds must be a list of whole seconds']);
    }
    const short = problems({ ...snap, state: { ...snap.state, baseSeconds: [45] } });
    expect(short).toHaveLength(1);
    expect(short[0]).toMatch(/^state\.baseSeconds .*3/);
  });

  it('snapshot - a lead-in said to have lasted longer than it was planned is refused by name', () => {
    const running = asSession(apply(started(), [{ type: 'tick', now: T0 + 20_000 }]).state);
    const snap = parsed(running);
    const found = problems({ ...snap, state: { ...snap.state, leadInSpentMs: 6_000 } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^state\.leadInSpentMs must be between 0 and 5000/);
  });

  it('snapshot - a finished session waiting for its check-in is restored for its record even if its last step\'s position is off', () => {
    const stopped = asSession(apply(started(), [{ type: 'tick', now: T0 + 20_000 }, { type: 'stop', now: T0 + 30_000 }]).state);
    const snap = parsed(stopped);
    const restored = restore(JSON.stringify({ ...snap, state: { ...snap.state, elapsedMs: 9_999_999 } }));
    expect(restored.ok ? (restored.value as SessionState).record : null).toEqual(stopped.record);
  });
});
