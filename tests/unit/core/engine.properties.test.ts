// Properties of the engine under any valid routine, any sequence of the person's actions and
// timer lateness of 0-2 s, checked against a reference model written as a plain countdown.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseCues } from '../../../core/engine/advance';
import { snapshot, restore } from '../../../core/engine/snapshot';
import { transition } from '../../../core/engine/transition';
import { sessionView } from '../../../core/engine/view';
import type { CueName, EngineEvent, EngineState } from '../../../core/engine/types';
import type { Routine, SessionStatus, WatchSettings } from '../../../core/routines/model';
import { T0, actionArb, asSession, cues, drive, latenessArb, routineArb, settingsArb, started } from '../../fixtures/core';
import type { Processed } from '../../fixtures/core';

const RUNS = { numRuns: 250 };

interface Boundary {
  readonly cue: CueName;
  readonly at: number;
}

/**
 * The reference model: the remaining time of the current segment counts down between events.
 * Written independently of the engine's anchor-and-elapsed arithmetic.
 */
class Reference {
  segment = -1; // -1 is the lead-in
  remaining: number;
  total: number;
  halfDone = false;
  paused = false;
  pauseStart = 0;
  pausedMs = 0;
  leadInSpentMs = 0;
  t: number;
  finished = false;
  status: SessionStatus = 'completed';
  endedAt = 0;
  painStepIndex: number | undefined;
  readonly done: { doneMs: number; skipped: boolean }[] = [];

  constructor(
    private readonly routine: Routine,
    private readonly settings: WatchSettings,
    now: number,
  ) {
    this.t = now;
    this.remaining = settings.leadInSeconds * 1000;
    this.total = this.remaining;
  }

  private planned(index: number): number {
    return (this.routine.steps[index]?.seconds ?? 0) * 1000;
  }

  private halfPending(): boolean {
    return this.segment >= 0 && this.settings.halfwayTick && !this.halfDone && this.planned(this.segment) >= 60_000;
  }

  private arrival(index: number): CueName {
    if (index === 0) return 'lead-in-over';
    return this.routine.steps[index - 1]?.area === this.routine.steps[index]?.area ? 'switch-side' : 'next-area';
  }

  /** Ends the current segment at time `at`; returns the cue for what follows. */
  private endSegment(at: number, spent: number, skipped: boolean): CueName {
    if (this.segment === -1) this.leadInSpentMs = spent;
    else this.done.push({ doneMs: spent, skipped });
    this.segment++;
    if (this.segment >= this.routine.steps.length) {
      this.finished = true;
      this.endedAt = at;
      return 'done';
    }
    this.total = this.remaining = this.planned(this.segment);
    this.halfDone = false;
    return this.arrival(this.segment);
  }

  advanceTo(w: number): Boundary[] {
    const passed: Boundary[] = [];
    if (this.finished || this.paused) {
      this.t = w;
      return passed;
    }
    for (;;) {
      const toHalf = this.halfPending() ? this.remaining - this.total / 2 : Infinity;
      const toNext = Math.min(toHalf, this.remaining);
      if (this.t + toNext > w) break;
      this.t += toNext;
      this.remaining -= toNext;
      if (toNext === toHalf) {
        this.halfDone = true;
        passed.push({ cue: 'halfway', at: this.t });
      }
      if (this.remaining === 0) {
        passed.push({ cue: this.endSegment(this.t, this.total, false), at: this.t });
        if (this.finished) return passed;
      }
    }
    this.remaining -= w - this.t;
    this.t = w;
    return passed;
  }

  /** The cues expected from the engine for this event, and the timed boundaries it passed. */
  apply(event: EngineEvent): { expected: CueName[]; passed: Boundary[] } {
    const w = event.now;
    const passed = this.advanceTo(w);
    const timed = collapseCues(passed.map((b) => b.cue));
    const only = (cue: CueName | null): { expected: CueName[]; passed: Boundary[] } => ({ expected: cue === null ? [] : [cue], passed });
    if (this.finished) return only(timed);
    const spent = this.total - this.remaining;
    switch (event.type) {
      case 'pause':
        if (!this.paused) {
          this.paused = true;
          this.pauseStart = w;
        }
        return only(timed);
      case 'resume':
        if (this.paused) {
          this.pausedMs += w - this.pauseStart;
          this.paused = false;
        }
        return only(timed);
      case 'extend':
        // The engine allows ten presses (+5 min) per step.
        if (this.segment >= 0 && this.total - this.planned(this.segment) < 300_000) {
          this.remaining += 30_000;
          this.total += 30_000;
        }
        return only(timed);
      case 'skip': {
        const wasPaused = this.paused;
        if (wasPaused) {
          this.pausedMs += w - this.pauseStart;
          this.pauseStart = w;
        }
        const cue = this.endSegment(w, spent, true);
        if (this.finished) return only('done');
        return only(wasPaused ? null : cue);
      }
      case 'stop':
      case 'pain':
        if (this.paused) this.pausedMs += w - this.pauseStart;
        if (this.segment >= 0) this.done.push({ doneMs: spent, skipped: false });
        else this.leadInSpentMs = spent;
        while (this.done.length < this.routine.steps.length) this.done.push({ doneMs: 0, skipped: false });
        this.finished = true;
        this.endedAt = w;
        this.status = event.type === 'stop' ? 'stopped' : 'pain';
        if (event.type === 'pain') this.painStepIndex = Math.max(0, this.segment);
        return only(event.type === 'pain' ? 'pain-stop' : null);
      default:
        return only(timed);
    }
  }
}

const scenario = fc.record({
  routine: routineArb,
  settings: settingsArb,
  actions: fc.array(actionArb, { maxLength: 12 }),
  lateness: latenessArb,
});

function checkAgainstReference(log: readonly Processed[], routine: Routine, settings: WatchSettings): Reference {
  const reference = new Reference(routine, settings, T0);
  // Without a lead-in the first step begins with the start event itself.
  const atStart = collapseCues(reference.advanceTo(T0).map((b) => b.cue));
  expect(cues(log[0]?.effects ?? [])).toEqual(atStart === null ? [] : [atStart]);
  for (const entry of log.slice(1)) {
    const { expected, passed } = reference.apply(entry.event);
    expect(cues(entry.effects)).toEqual(expected);
    // Each boundary is met by the first wake-up at or after it, within the timer's lateness.
    for (const boundary of passed) {
      expect(entry.event.now).toBeGreaterThanOrEqual(boundary.at);
      expect(entry.event.now - boundary.at).toBeLessThanOrEqual(2_000);
    }
    if (entry.event.type === 'tick') {
      // Screen off, the engine wakes only for a boundary: every timer fire has something to say.
      expect(passed.length).toBeGreaterThan(0);
    }
  }
  return reference;
}

describe('engine - properties', () => {
  it('engine - every cue is emitted at the first wake-up at or after its boundary', () => {
    fc.assert(
      fc.property(scenario, ({ routine, settings, actions, lateness }) => {
        const log = drive(routine, settings, actions, lateness);
        checkAgainstReference(log, routine, settings);
      }),
      RUNS,
    );
  });

  it('engine - wall time from start to end equals lead-in + paused time + the sum of doneMs', () => {
    // Precisely: record.endedAt - record.startedAt === state.leadInSpentMs + state.pausedMs + Σ steps[i].doneMs,
    // where endedAt is the last step's boundary (completed) or the stop/pain event's time; and every
    // step's doneMs and skipped flag match the reference model.
    fc.assert(
      fc.property(scenario, ({ routine, settings, actions, lateness }) => {
        const log = drive(routine, settings, actions, lateness);
        const reference = checkAgainstReference(log, routine, settings);
        const last = asSession(log[log.length - 1]?.after ?? started());
        const record = last.record;
        if (record === null) throw new Error('session did not finish');
        const sumDone = record.steps.reduce((sum, step) => sum + step.doneMs, 0);
        expect(record.endedAt - record.startedAt).toBe(last.leadInSpentMs + last.pausedMs + sumDone);
        expect(record.status).toBe(reference.status);
        expect(record.endedAt).toBe(reference.endedAt);
        expect(last.pausedMs).toBe(reference.pausedMs);
        expect(record.steps.map((step) => ({ doneMs: step.doneMs, skipped: step.skipped }))).toEqual(reference.done);
        expect(record.painStepIndex).toBe(reference.painStepIndex);
      }),
      RUNS,
    );
  });

  it('engine - restore(snapshot(state)) behaves exactly like the state from then on', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ routine, settings, actions, lateness }, cut) => {
        const log = drive(routine, settings, actions, lateness);
        const from = cut % log.length;
        const entry = log[from];
        if (entry === undefined) throw new Error('empty log');
        const restored = restore(snapshot(entry.after));
        if (!restored.ok) throw new Error(JSON.stringify(restored.problems));
        expect(restored.value).toEqual(entry.after);
        let state: EngineState = restored.value;
        for (const later of log.slice(from + 1)) {
          const result = transition(state, later.event);
          expect(result.effects).toEqual(later.effects);
          expect(result.state).toEqual(later.after);
          state = result.state;
        }
      }),
      RUNS,
    );
  });

  it('engine - remaining time only grows by extend and progress only moves forward', () => {
    fc.assert(
      fc.property(
        scenario,
        // Clock readings for the page, some of them behind the latest one (a clock set back).
        fc.array(fc.integer({ min: -30_000, max: 30_000 }), { minLength: 1, maxLength: 8 }),
        ({ routine, settings, actions, lateness }, jitter) => {
          const log = drive(routine, settings, actions, lateness);
          let previous: ReturnType<typeof sessionView> | null = null;
          let sample = 0;
          log.forEach((entry, index) => {
            const state = asSession(entry.after);
            const extended = entry.event.type === 'extend';
            // Real time between two events; the watch's clock reading may lag behind it (set back).
            const nextEventAt = log[index + 1]?.event.now ?? entry.event.now + 60_000;
            const reading = Math.min(nextEventAt, entry.event.now + (jitter[sample++ % jitter.length] ?? 0));
            const readings = [entry.event.now, reading];
            for (const now of readings) {
              const view = sessionView(state, now);
              if (previous !== null && !extended) {
                expect(view.routineProgress).toBeGreaterThanOrEqual(previous.routineProgress);
                if (view.stepIndex === previous.stepIndex && view.inLeadIn === previous.inLeadIn) {
                  expect(view.remainingMs).toBeLessThanOrEqual(previous.remainingMs);
                  expect(view.stepProgress).toBeGreaterThanOrEqual(previous.stepProgress);
                }
              }
              previous = view;
            }
          });
        },
      ),
      RUNS,
    );
  });
});
