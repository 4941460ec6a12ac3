// Ending a session: the record lists every step of the routine, so the phone sees what was
// planned as well as what was done (steps never reached have doneMs 0 and are not "skipped").

import type { SessionStatus, StepRecord } from '../routines/model';
import { buildRecord } from '../records/record';
import { elapsedAt, plannedMs, stepAt } from './timing';
import type { SessionState } from './types';

export function finish(state: SessionState, status: SessionStatus, endedAt: number, painStepIndex?: number): SessionState {
  const ended: StepRecord[] = state.ended.slice();
  for (let index = ended.length; index < state.routine.steps.length; index++) {
    const step = stepAt(state, index);
    ended.push({ area: step.area, side: step.side, plannedMs: plannedMs(step), doneMs: 0, skipped: false });
  }
  const record = buildRecord({
    sessionId: state.sessionId,
    routine: state.routine,
    ...(state.baseSeconds === undefined ? {} : { baseSeconds: state.baseSeconds }),
    startedAt: state.startedAt,
    endedAt,
    tzOffsetMin: state.tzOffsetMin,
    status,
    steps: ended,
    pausedMs: state.pausedMs,
    ...(painStepIndex === undefined ? {} : { painStepIndex }),
  });
  return { ...state, phase: 'finished', anchorAt: endedAt, ended, record };
}

/**
 * Stops the session at `now` (stop or pain): the interrupted step keeps the time spent in it,
 * and time paused until now counts as paused.
 */
export function interrupt(state: SessionState, now: number, status: SessionStatus, painStepIndex?: number): SessionState {
  const elapsed = elapsedAt(state, now);
  const pausedMs = state.phase === 'paused' ? state.pausedMs + (now - state.anchorAt) : state.pausedMs;
  let current: SessionState = { ...state, pausedMs, elapsedMs: elapsed };
  if (current.inLeadIn) {
    current = { ...current, leadInSpentMs: elapsed };
  } else {
    const step = stepAt(current, current.stepIndex);
    current = {
      ...current,
      ended: current.ended.concat([{ area: step.area, side: step.side, plannedMs: plannedMs(step), doneMs: elapsed, skipped: false }]),
    };
  }
  return finish(current, status, now, painStepIndex);
}
