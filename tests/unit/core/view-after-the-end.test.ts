// What the Session page's view says once a session is over (core/engine/view.ts): completed (even by
// skipping the last step) is all done; stopped shows where it stopped. Fixture ROUTINE: 5 s lead-in,
// neck 60 s, forearms left 20 s, right 20 s (100 s of steps).
import { describe, expect, it } from 'vitest';
import { sessionView } from '../../../core/engine/view';
import { T0, apply, asSession, started } from '../../fixtures/core';

describe('sessionView - after the end', () => {
  it('sessionView - a session completed by skipping its last step shows nothing remaining and all done', () => {
    const state = asSession(
      apply(started(), [
        { type: 'tick', now: T0 + 5_000 },
        { type: 'skip', now: T0 + 10_000 },
        { type: 'skip', now: T0 + 11_000 },
        { type: 'skip', now: T0 + 12_000 },
      ]).state,
    );
    expect(state.record?.status).toBe('completed');
    const view = sessionView(state, T0 + 13_000);
    expect([view.remainingMs, view.stepProgress, view.routineProgress]).toEqual([0, 1, 1]);
  });

  it('sessionView - a session stopped halfway through the left forearm shows that step half done and 70 of 100 s of the routine', () => {
    // Lead-in over at +5 s, neck over at +65 s, stopped 10 s into the 20 s left forearm.
    const state = asSession(apply(started(), [{ type: 'tick', now: T0 + 66_000 }, { type: 'stop', now: T0 + 75_000 }]).state);
    expect(state.record?.status).toBe('stopped');
    const view = sessionView(state, T0 + 80_000);
    expect(view.stepIndex).toBe(1);
    expect(view.stepProgress).toBeCloseTo(0.5, 9);
    expect(view.routineProgress).toBeCloseTo(0.7, 9);
  });
});
