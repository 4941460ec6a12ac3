import { describe, expect, it } from 'vitest';
import { restore, snapshot } from '../../../core/engine/snapshot';
import { transition } from '../../../core/engine/transition';
import { IDLE } from '../../../core/engine/types';
import { formatProblem } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { T0, apply, started } from '../../fixtures/core';

function messages<T>(result: Validated<T>): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('snapshot', () => {
  it('snapshot - round-trips idle, running, paused and finished states', () => {
    const running = apply(started(), [{ type: 'tick', now: T0 + 40_000 }]).state;
    const paused = apply(running, [{ type: 'pause', now: T0 + 41_000 }]).state;
    const finished = apply(paused, [{ type: 'pain', now: T0 + 50_000 }]).state;
    for (const state of [IDLE, started(), running, paused, finished]) expect(restore(snapshot(state))).toEqual({ ok: true, value: state });
  });

  it('snapshot - is small, versioned JSON', () => {
    const json = snapshot(started());
    expect(JSON.parse(json)).toMatchObject({ v: 1, state: { phase: 'lead-in' } });
    expect(json.length).toBeLessThan(1_000);
  });

  it('snapshot - a restored session continues exactly like the original', () => {
    const state = apply(started(), [{ type: 'tick', now: T0 + 20_000 }]).state;
    const restored = restore(snapshot(state));
    if (!restored.ok) throw new Error('not restored');
    expect(transition(restored.value, { type: 'tick', now: T0 + 200_000 })).toEqual(transition(state, { type: 'tick', now: T0 + 200_000 }));
  });

  it('snapshot - rejects corrupt JSON with the reason', () => {
    expect(messages(restore('{"v":1,'))[0]).toMatch(/^is not valid JSON \(/);
    expect(messages(restore('[]'))).toEqual(['must be an object']);
  });

  it('snapshot - rejects an unknown version', () => {
    expect(messages(restore('{"v":2,"state":{"phase":"idle"}}'))).toEqual(['v must be 1 (this snapshot has version 2)']);
    expect(messages(restore('{"state":{"phase":"idle"}}'))).toEqual(['v must be 1 (this snapshot has version undefined)']);
  });

  it('snapshot - rejects a state with bad fields, listing every one', () => {
    const good = JSON.parse(snapshot(started())) as { v: number; state: Record<string, unknown> };
    const bad = { ...good, state: { ...good.state, phase: 'dancing', elapsedMs: -1, lastNow: 'soon', routine: { id: 'x', name: 'X', steps: [] } } };
    expect(messages(restore(JSON.stringify(bad)))).toEqual([
      'state.routine.steps must have at least 1 step',
      'state.phase must be one of lead-in, running, paused, finished',
      'state.elapsedMs must be a whole number, 0 or more',
      'state.lastNow must be a finite number',
    ]);
    expect(messages(restore(JSON.stringify({ v: 1, state: 3 })))).toEqual(['state must be an object']);
  });

  it('snapshot - rejects a state that is well-formed but inconsistent', () => {
    const good = JSON.parse(snapshot(started())) as { v: number; state: Record<string, unknown> };
    const beyond = { ...good, state: { ...good.state, stepIndex: 3, inLeadIn: false } };
    expect(messages(restore(JSON.stringify(beyond)))).toEqual(["state.stepIndex must be below the routine's 3 steps", 'state.ended must have 3 entries (it has 0)']);
    const finishedWithoutRecord = { ...good, state: { ...good.state, phase: 'finished' } };
    expect(messages(restore(JSON.stringify(finishedWithoutRecord)))).toEqual([
      'state.ended must have 3 entries (it has 0)',
      'state.record must be set exactly when the session is finished',
    ]);
  });

  it('snapshot - each damaged field is named with what it must be, so the session is set aside with a clear reason', () => {
    const good = JSON.parse(snapshot(started())) as { v: number; state: Record<string, unknown> };
    const lastNow = good.state['lastNow'] as number;
    const damaged = (change: Record<string, unknown>): string[] => messages(restore(JSON.stringify({ ...good, state: { ...good.state, ...change } })));
    expect(damaged({ halfwayDone: 'no' })).toEqual(['state.halfwayDone must be true or false']);
    expect(damaged({ sessionId: '' })).toEqual(['state.sessionId must be non-empty text']);
    expect(damaged({ settings: [] })).toEqual(['state.settings must be an object']);
    expect(damaged({ ended: {} })).toEqual(['state.ended must be a list']);
    expect(damaged({ ended: [3], stepIndex: 1, inLeadIn: false })).toEqual(['state.ended[0] must be an object']);
    expect(damaged({ record: 5 })).toEqual(['state.record must be a session record (an object)']);
    expect(damaged({ record: { v: 2 } })).toEqual(['state.record record version 2 is newer than this app understands (1); update Knead']);
    expect(damaged({ anchorAt: lastNow + 1 })).toEqual(['state.anchorAt must not be after lastNow']);
    expect(damaged({ stepIndex: 1 })).toEqual(['state.ended must have 1 entries (it has 0)', 'state.stepIndex must be 0 during the lead-in']);
    expect(messages(restore(JSON.stringify({ v: 1, state: [] })))).toEqual(['state must be an object']);
    expect(messages(restore('[]'))).toEqual(['must be an object']);
  });
});
