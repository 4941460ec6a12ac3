import { describe, expect, it } from 'vitest';
import { sessionView } from '../../../core/engine/view';
import { ROUTINE, T0, apply, asSession, started } from '../../fixtures/core';

describe('sessionView', () => {
  it('sessionView - in the lead-in shows the first step, the lead-in countdown and no routine progress', () => {
    const view = sessionView(started(), T0 + 2_000);
    expect(view).toEqual({
      phase: 'lead-in',
      stepIndex: 0,
      stepCount: 3,
      step: ROUTINE.steps[0],
      inLeadIn: true,
      remainingMs: 3_000,
      stepProgress: 0.4,
      routineProgress: 0,
      next: ROUTINE.steps[1],
    });
  });

  it('sessionView - while running derives remaining time and progress from the clock alone', () => {
    const view = sessionView(started(), T0 + 5_000 + 60_000 + 5_000);
    expect(view.phase).toBe('running');
    expect(view.stepIndex).toBe(1);
    expect(view.remainingMs).toBe(15_000);
    expect(view.stepProgress).toBe(0.25);
    expect(view.routineProgress).toBeCloseTo(65 / 100);
    expect(view.next).toEqual(ROUTINE.steps[2]);
  });

  it('sessionView - paused stays still however much time passes', () => {
    const state = asSession(apply(started(), [{ type: 'pause', now: T0 + 15_000 }]).state);
    expect(sessionView(state, T0 + 15_000)).toEqual({ ...sessionView(state, T0 + 500_000), phase: 'paused' });
    expect(sessionView(state, T0 + 500_000).remainingMs).toBe(50_000);
  });

  it('sessionView - finished (completed) shows everything done', () => {
    const view = sessionView(asSession(apply(started(), [{ type: 'tick', now: T0 + 200_000 }]).state), T0 + 200_000);
    expect(view).toMatchObject({ phase: 'finished', stepIndex: 2, remainingMs: 0, stepProgress: 1, routineProgress: 1, next: null });
  });

  it('sessionView - a clock behind the latest reading shows the latest reading', () => {
    const state = asSession(apply(started(), [{ type: 'tick', now: T0 + 20_000 }]).state);
    expect(sessionView(state, T0)).toEqual(sessionView(state, T0 + 20_000));
  });

  it('sessionView - skipping moves routine progress forward past the whole skipped step', () => {
    const state = asSession(apply(started(), [{ type: 'skip', now: T0 + 1_000 }, { type: 'skip', now: T0 + 2_000 }]).state);
    expect(sessionView(state, T0 + 2_000).routineProgress).toBeCloseTo(60 / 100);
  });
});
