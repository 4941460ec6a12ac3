// transition(state, event) → { state, effects }: the whole session logic, pure. Every event
// first catches the session up with the clock, so a cue whose boundary has passed is given at
// the first wake-up at or after it, whichever event that wake-up brings.

import { advance, arrivalCue, collapseCues, endLeadIn, endStep } from './advance';
import { interrupt } from './finish';
import { elapsedAt, readClock } from './timing';
import { nextWakeUp } from './wake';
import { EXTEND_MS, IDLE, MAX_EXTRA_MS, MAX_LEAD_IN_SECONDS } from './types';
import type { CueName, Effect, EngineEvent, EngineState, SessionState, Transition } from './types';

type StartEvent = Extract<EngineEvent, { type: 'start' }>;

function unchanged(state: EngineState): Transition {
  return { state, effects: [] };
}

function leadInMs(seconds: number): number {
  if (!Number.isFinite(seconds)) return 0;
  return Math.round(Math.min(Math.max(seconds, 0), MAX_LEAD_IN_SECONDS)) * 1000;
}

/** Effects of a change: the cue first (it is what the person waits for), then persistence. */
function changed(state: SessionState, cue: CueName | null, wasFinished: boolean): Transition {
  const effects: Effect[] = [];
  if (cue !== null) effects.push({ type: 'cue', cue });
  effects.push({ type: 'persist' });
  if (!wasFinished && state.record !== null) effects.push({ type: 'finished', record: state.record });
  effects.push({ type: 'schedule', at: nextWakeUp(state) });
  return { state, effects };
}

/** The start event's base times when they describe its routine (one whole number per step), else none. */
function baseFor(event: StartEvent): { baseSeconds?: readonly number[] } {
  const base = event.baseSeconds;
  if (base === undefined || base.length !== event.routine.steps.length) return {};
  return base.every((s) => Number.isInteger(s) && s >= 0) ? { baseSeconds: base.slice() } : {};
}

function start(state: EngineState, event: StartEvent): Transition {
  // A second start while a session runs is a double tap, not a new session.
  if (state.phase !== 'idle' && state.phase !== 'finished') return unchanged(state);
  if (event.routine.steps.length === 0) return unchanged(state);
  const now = Number.isFinite(event.now) ? event.now : 0;
  const leadIn = leadInMs(event.settings.leadInSeconds);
  const begun: SessionState = {
    phase: 'lead-in',
    sessionId: event.sessionId,
    routine: event.routine,
    ...baseFor(event),
    // Stored as applied, so the snapshot holds what the engine really did.
    settings: { ...event.settings, leadInSeconds: leadIn / 1000 },
    tzOffsetMin: event.tzOffsetMin,
    startedAt: now,
    leadInMs: leadIn,
    inLeadIn: true,
    stepIndex: 0,
    anchorAt: now,
    elapsedMs: 0,
    extraMs: 0,
    halfwayDone: false,
    comingDone: false,
    leadInSpentMs: 0,
    pausedMs: 0,
    lastNow: now,
    clockShiftMs: 0,
    ended: [],
    record: null,
  };
  // With no lead-in the first step begins at once, with its cue.
  const { state: caughtUp, passed } = advance(begun, now);
  return changed(caughtUp, collapseCues(passed), false);
}

function onSession(state: SessionState, event: Exclude<EngineEvent, StartEvent>): Transition {
  if (state.phase === 'finished') return unchanged(state);
  const clock = readClock(state, event.now);
  const now = clock.now;
  const shifted = clock.clockShiftMs === state.clockShiftMs ? state : { ...state, clockShiftMs: clock.clockShiftMs };
  const { state: current, passed } = advance(shifted, now);
  const caughtUpCue = collapseCues(passed);
  if (current.phase === 'finished') return changed(current, caughtUpCue, false);

  switch (event.type) {
    case 'tick':
      // A clock set back is saved too, so a relaunch keeps the session on the same timeline.
      if (passed.length === 0 && shifted === state) return { state: current, effects: [{ type: 'schedule', at: nextWakeUp(current) }] };
      return changed(current, caughtUpCue, false);
    case 'pause':
      if (current.phase === 'paused') return passed.length === 0 ? unchanged(current) : changed(current, caughtUpCue, false);
      return changed({ ...current, phase: 'paused', elapsedMs: elapsedAt(current, now), anchorAt: now }, caughtUpCue, false);
    case 'resume':
      if (current.phase !== 'paused') return passed.length === 0 ? unchanged(current) : changed(current, caughtUpCue, false);
      return changed(
        { ...current, phase: current.inLeadIn ? 'lead-in' : 'running', pausedMs: current.pausedMs + (now - current.anchorAt), anchorAt: now },
        null,
        false,
      );
    case 'extend':
      // The lead-in is a few seconds to get ready; there is no step yet to lengthen.
      if (current.inLeadIn || current.extraMs >= MAX_EXTRA_MS) {
        return passed.length === 0 ? unchanged(current) : changed(current, caughtUpCue, false);
      }
      // The end moves 30 s later, so "change coming" is due again before the new end.
      return changed({ ...current, extraMs: Math.min(current.extraMs + EXTEND_MS, MAX_EXTRA_MS), comingDone: false }, caughtUpCue, false);
    case 'skip':
      return skip(current, now);
    case 'stop':
      return changed(interrupt(current, now, 'stopped'), null, false);
    case 'pain':
      return changed(interrupt(current, now, 'pain', current.stepIndex), 'pain-stop', false);
  }
}

/**
 * Ends the current segment now. Running, the person feels where they have moved to; paused, the
 * watch stays quiet (they are looking at it) except for "done" when nothing is left.
 */
function skip(state: SessionState, now: number): Transition {
  const paused = state.phase === 'paused';
  const spent = elapsedAt(state, now);
  // Paused, the next segment begins paused from now, so the pause so far is banked first.
  const base: SessionState = paused ? { ...state, pausedMs: state.pausedMs + (now - state.anchorAt), anchorAt: now } : state;
  const next = base.inLeadIn ? endLeadIn(base, now, spent) : endStep(base, now, spent, true);
  if (next.phase === 'finished') return changed(next, 'done', false);
  return changed(next, paused ? null : arrivalCue(next, next.stepIndex), false);
}

export function transition(state: EngineState, event: EngineEvent): Transition {
  if (event.type === 'start') return start(state, event);
  if (state.phase === 'idle') return unchanged(state);
  return onSession(state, event);
}

export { IDLE };
