// Cue timing of Knead's engine against a classic countdown, in one simulated run with the same
// timer lateness for both: a seeded PRNG makes every timer fire late (mean about 20 ms, at most
// 150 ms). Time is simulated; nothing waits.
//
// - Knead, screen off: wakes only at nextWakeUp(state).
// - Knead, screen on: also wakes at each displayed second, ticking the engine each time.
// - Baseline countdown: setInterval(1000) re-armed from each late fire, decrementing a counter.
// - Baseline polling: reads the clock every 200 ms (drift-free, but wakes five times a second).

import { transition } from '../core/engine/transition';
import { nextWakeUp } from '../core/engine/wake';
import { sessionView } from '../core/engine/view';
import { IDLE } from '../core/engine/types';
import type { CueName, EngineState, Transition } from '../core/engine/types';
import { DEFAULT_SETTINGS, PAIRED_AREAS } from '../core/routines/model';
import type { Area, Routine, Step } from '../core/routines/model';
import { ratioOf } from './table';
import type { BenchRow } from './table';
import { mulberry32 } from '../sim/platform/prng';

const T0 = 1_700_000_000_000;
const SEED = 20_240_515;
const MEAN_LATENESS_MS = 20;
const MAX_LATENESS_MS = 150;
const SETTINGS = { ...DEFAULT_SETTINGS, leadInSeconds: 5, halfwayTick: true };

/** 30 minutes: 18 steps of 100 s over paired and unpaired areas. */
function thirtyMinuteRoutine(): Routine {
  const areas: readonly Area[] = ['neck', 'shoulders', 'upper-back', 'forearms', 'lower-back', 'calves', 'feet', 'thighs', 'hands', 'glutes', 'chest', 'shins'];
  const steps: Step[] = [];
  for (let i = 0; steps.length < 18; i++) {
    const area = areas[i % areas.length] ?? 'neck';
    if (PAIRED_AREAS.has(area)) {
      steps.push({ area, side: 'left', seconds: 100, tool: 'hands', hint: '' }, { area, side: 'right', seconds: 100, tool: 'hands', hint: '' });
    } else {
      steps.push({ area, side: 'both', seconds: 100, tool: 'hands', hint: '' });
    }
  }
  return { id: 'bench-30', name: 'Bench', steps: steps.slice(0, 18) };
}

/** Seeded, so every contender meets the same sequence of late timers. */
function lateness(seed: number): () => number {
  const uniform = mulberry32(seed);
  // Exponential around the mean, cut at the maximum: mostly small, now and then long.
  return () => Math.min(MAX_LATENESS_MS, Math.round(-Math.log(1 - uniform()) * MEAN_LATENESS_MS));
}

interface Boundary {
  readonly cue: CueName;
  readonly at: number;
}

/** Where every cue belongs on the wall clock, for a session without pauses. */
function plannedBoundaries(routine: Routine): Boundary[] {
  const boundaries: Boundary[] = [];
  let at = T0 + SETTINGS.leadInSeconds * 1000;
  boundaries.push({ cue: 'lead-in-over', at });
  routine.steps.forEach((step, index) => {
    if (SETTINGS.halfwayTick && step.seconds >= 60) boundaries.push({ cue: 'halfway', at: at + (step.seconds * 1000) / 2 });
    at += step.seconds * 1000;
    const next = routine.steps[index + 1];
    const cue: CueName = next === undefined ? 'done' : next.area === step.area ? 'switch-side' : 'next-area';
    boundaries.push({ cue, at });
  });
  return boundaries;
}

interface Outcome {
  /** When each cue was felt, in order. */
  readonly cueTimes: readonly { cue: CueName; at: number }[];
  readonly wakeUps: number;
  readonly maxLateness: number;
}

function cuesOf(result: Transition): CueName[] {
  return result.effects.flatMap((effect) => (effect.type === 'cue' ? [effect.cue] : []));
}

function runKnead(routine: Routine, screenOn: boolean): Outcome {
  const late = lateness(SEED);
  let maxLateness = 0;
  const fire = (due: number): number => {
    const delay = late();
    maxLateness = Math.max(maxLateness, delay);
    return due + delay;
  };
  const cueTimes: { cue: CueName; at: number }[] = [];
  let state: EngineState = transition(IDLE, { type: 'start', now: T0, routine, settings: SETTINGS, sessionId: 'bench', tzOffsetMin: 0 }).state;
  let engineDue = nextWakeUp(state);
  let engineFire = engineDue === null ? Infinity : fire(engineDue);
  const nextSecond = (now: number): number => {
    if (state.phase === 'idle') return Infinity;
    const remaining = sessionView(state, now).remainingMs;
    return now + (remaining % 1000 === 0 ? 1000 : remaining % 1000);
  };
  let displayFire = screenOn ? fire(nextSecond(T0)) : Infinity;
  let wakeUps = 0;
  while (state.phase !== 'finished' && state.phase !== 'idle') {
    const now = Math.min(engineFire, displayFire);
    if (!Number.isFinite(now)) break;
    wakeUps++;
    const result = transition(state, { type: 'tick', now });
    for (const cue of cuesOf(result)) cueTimes.push({ cue, at: now });
    state = result.state;
    if (now === displayFire) displayFire = fire(nextSecond(now));
    const due = nextWakeUp(state);
    if (due !== engineDue || now === engineFire) {
      engineDue = due;
      engineFire = due === null ? Infinity : fire(Math.max(due, now));
    }
  }
  return { cueTimes, wakeUps, maxLateness };
}

/** A counter decremented once per setInterval(1000) fire; each fire re-arms from the late one. */
function runCountdown(boundaries: readonly Boundary[]): Outcome {
  const late = lateness(SEED);
  let maxLateness = 0;
  const cueTimes: { cue: CueName; at: number }[] = [];
  let now = T0;
  let seconds = 0;
  let wakeUps = 0;
  const last = boundaries[boundaries.length - 1]?.at ?? T0;
  let next = 0;
  while (next < boundaries.length) {
    const delay = late();
    maxLateness = Math.max(maxLateness, delay);
    now += 1000 + delay;
    seconds++;
    wakeUps++;
    while (next < boundaries.length && T0 + seconds * 1000 >= (boundaries[next]?.at ?? last)) {
      cueTimes.push({ cue: boundaries[next]?.cue ?? 'done', at: now });
      next++;
    }
  }
  return { cueTimes, wakeUps, maxLateness };
}

/** Reads the clock every 200 ms (each poll late too) and cues when a boundary has passed. */
function runPolling(boundaries: readonly Boundary[]): Outcome {
  const late = lateness(SEED);
  let maxLateness = 0;
  const cueTimes: { cue: CueName; at: number }[] = [];
  let now = T0;
  let wakeUps = 0;
  let next = 0;
  while (next < boundaries.length) {
    const delay = late();
    maxLateness = Math.max(maxLateness, delay);
    now += 200 + delay;
    wakeUps++;
    while (next < boundaries.length && now >= (boundaries[next]?.at ?? Infinity)) {
      cueTimes.push({ cue: boundaries[next]?.cue ?? 'done', at: now });
      next++;
    }
  }
  return { cueTimes, wakeUps, maxLateness };
}

interface Scored {
  readonly worstCueErrorMs: number;
  readonly endDriftMs: number;
  readonly wakeUpsPerMinute: number;
  readonly maxLateness: number;
}

function score(outcome: Outcome, boundaries: readonly Boundary[]): Scored {
  if (outcome.cueTimes.length !== boundaries.length) {
    throw new Error(`expected ${boundaries.length} cues, got ${outcome.cueTimes.length}`);
  }
  let worst = 0;
  outcome.cueTimes.forEach((felt, index) => {
    const planned = boundaries[index];
    if (planned === undefined || planned.cue !== felt.cue) throw new Error(`cue ${index} is ${felt.cue}, expected ${planned?.cue ?? 'none'}`);
    worst = Math.max(worst, felt.at - planned.at);
  });
  const end = boundaries[boundaries.length - 1]?.at ?? T0;
  const felt = outcome.cueTimes[outcome.cueTimes.length - 1]?.at ?? T0;
  return {
    worstCueErrorMs: worst,
    endDriftMs: felt - end,
    wakeUpsPerMinute: outcome.wakeUps / ((end - T0) / 60_000),
    maxLateness: outcome.maxLateness,
  };
}

export async function engineBench(): Promise<BenchRow[]> {
  const routine = thirtyMinuteRoutine();
  const boundaries = plannedBoundaries(routine);
  const screenOff = score(runKnead(routine, false), boundaries);
  const screenOn = score(runKnead(routine, true), boundaries);
  const countdown = score(runCountdown(boundaries), boundaries);
  const polling = score(runPolling(boundaries), boundaries);
  const group = 'engine (30-min routine)';
  const row = (metric: string, knead: number, baseline: number, unit: string, note: string): BenchRow => ({
    group,
    metric,
    knead,
    baseline,
    ratio: ratioOf(knead, baseline),
    unit,
    note,
  });
  return [
    row('worst cue error, screen off', screenOff.worstCueErrorMs, countdown.worstCueErrorMs, 'ms', `vs setInterval countdown; worst single lateness ${screenOff.maxLateness} ms`),
    row('worst cue error, screen on', screenOn.worstCueErrorMs, countdown.worstCueErrorMs, 'ms', `vs setInterval countdown; worst single lateness ${screenOn.maxLateness} ms`),
    row('done cue late by, screen off', screenOff.endDriftMs, countdown.endDriftMs, 'ms', 'drift at the end, vs setInterval countdown'),
    row('wake-ups, screen off', screenOff.wakeUpsPerMinute, countdown.wakeUpsPerMinute, '/min', 'vs setInterval countdown'),
    row('wake-ups, screen on', screenOn.wakeUpsPerMinute, countdown.wakeUpsPerMinute, '/min', 'vs setInterval countdown'),
    row('worst cue error vs polling', screenOff.worstCueErrorMs, polling.worstCueErrorMs, 'ms', 'vs 200 ms clock polling'),
    row('wake-ups vs polling', screenOff.wakeUpsPerMinute, polling.wakeUpsPerMinute, '/min', 'vs 200 ms clock polling'),
  ];
}
