import { describe, expect, it } from 'vitest';
import { transition } from '../../../core/engine/transition';
import { nextWakeUp } from '../../../core/engine/wake';
import { IDLE, MAX_EXTRA_MS } from '../../../core/engine/types';
import type { EngineEvent, SessionState } from '../../../core/engine/types';
import { ROUTINE, SETTINGS, T0, apply, asSession, cues, startEvent, started } from '../../fixtures/core';

// ROUTINE timeline with the 5 s lead-in: lead-in over at +5 s, neck halfway at +35 s,
// neck over at +65 s (next area), left forearm over at +85 s (switch side), done at +105 s.
const LEAD_IN_END = T0 + 5_000;
const NECK_HALFWAY = T0 + 35_000;
const NECK_END = T0 + 65_000;
const LEFT_END = T0 + 85_000;
const END = T0 + 105_000;

function at(state: SessionState, ...events: EngineEvent[]): { state: SessionState; effects: ReturnType<typeof apply>['effects'] } {
  const result = apply(state, events);
  return { state: asSession(result.state), effects: result.effects };
}

function running(): SessionState {
  return at(started(), { type: 'tick', now: LEAD_IN_END }).state;
}

function paused(now = T0 + 10_000): SessionState {
  return at(running(), { type: 'pause', now }).state;
}

function finishedState(): SessionState {
  return at(started(), { type: 'stop', now: T0 + 1_000 }).state;
}

describe('engine - start', () => {
  it('engine - start begins the lead-in, persists and schedules its end', () => {
    const { state, effects } = transition(IDLE, startEvent());
    expect(asSession(state).phase).toBe('lead-in');
    expect(effects).toEqual([{ type: 'persist' }, { type: 'schedule', at: LEAD_IN_END }]);
  });

  it('engine - start without a lead-in begins step 1 at once with the lead-in-over cue', () => {
    const { state, effects } = transition(IDLE, startEvent(T0, ROUTINE, { ...SETTINGS, leadInSeconds: 0 }));
    expect(asSession(state).phase).toBe('running');
    expect(asSession(state).stepIndex).toBe(0);
    expect(effects).toEqual([{ type: 'cue', cue: 'lead-in-over' }, { type: 'persist' }, { type: 'schedule', at: T0 + 30_000 }]);
  });

  it('engine - start clamps the lead-in to 0-15 whole seconds', () => {
    expect(started(T0, ROUTINE, { ...SETTINGS, leadInSeconds: 40 }).leadInMs).toBe(15_000);
    expect(started(T0, ROUTINE, { ...SETTINGS, leadInSeconds: -3 }).leadInMs).toBe(0);
    expect(started(T0, ROUTINE, { ...SETTINGS, leadInSeconds: 2.4 }).settings.leadInSeconds).toBe(2);
    // A lead-in that is not a number (a damaged setting) means none: the first step begins at once.
    const unreadable = started(T0, ROUTINE, { ...SETTINGS, leadInSeconds: Number.NaN });
    expect([unreadable.leadInMs, unreadable.phase, nextWakeUp(unreadable)]).toEqual([0, 'running', T0 + 30_000]);
  });

  it('engine - start while a session runs is ignored', () => {
    const state = running();
    expect(transition(state, startEvent(T0 + 9_000))).toEqual({ state, effects: [] });
  });

  it('engine - start with an empty routine does nothing', () => {
    expect(transition(IDLE, startEvent(T0, { ...ROUTINE, steps: [] }))).toEqual({ state: IDLE, effects: [] });
  });

  it('engine - start after a finished session begins a new one', () => {
    const state = asSession(transition(finishedState(), { ...startEvent(T0 + 60_000), sessionId: 'next' } as EngineEvent).state);
    expect(state.phase).toBe('lead-in');
    expect(state.sessionId).toBe('next');
    expect(state.record).toBeNull();
  });

  it('engine - events other than start do nothing when idle', () => {
    for (const type of ['pause', 'resume', 'skip', 'extend', 'stop', 'pain', 'tick'] as const) {
      expect(transition(IDLE, { type, now: T0 })).toEqual({ state: IDLE, effects: [] });
    }
  });
});

describe('engine - tick', () => {
  it('engine - tick before a boundary only reschedules the same wake-up', () => {
    const { state, effects } = at(started(), { type: 'tick', now: T0 + 2_000 });
    expect(effects).toEqual([{ type: 'schedule', at: LEAD_IN_END }]);
    expect(state.lastNow).toBe(T0 + 2_000);
  });

  it('engine - tick at the end of the lead-in cues lead-in-over and schedules the halfway tick', () => {
    const { state, effects } = at(started(), { type: 'tick', now: LEAD_IN_END });
    expect(state.phase).toBe('running');
    expect(state.leadInSpentMs).toBe(5_000);
    expect(effects).toEqual([{ type: 'cue', cue: 'lead-in-over' }, { type: 'persist' }, { type: 'schedule', at: NECK_HALFWAY }]);
  });

  it('engine - tick in the lead-in of a paused session changes nothing', () => {
    const state = at(started(), { type: 'pause', now: T0 + 1_000 }).state;
    expect(at(state, { type: 'tick', now: T0 + 50_000 })).toEqual({ state: { ...state, lastNow: T0 + 50_000 }, effects: [{ type: 'schedule', at: null }] });
  });

  it('engine - halfway cue on a step of 60 s or more', () => {
    const { effects } = at(running(), { type: 'tick', now: NECK_HALFWAY });
    expect(effects).toEqual([{ type: 'cue', cue: 'halfway' }, { type: 'persist' }, { type: 'schedule', at: NECK_END }]);
  });

  it('engine - no halfway cue when the setting is off', () => {
    const state = at(started(T0, ROUTINE, { ...SETTINGS, halfwayTick: false }), { type: 'tick', now: LEAD_IN_END }).state;
    expect(nextWakeUp(state)).toBe(NECK_END);
    expect(cues(at(state, { type: 'tick', now: NECK_HALFWAY }).effects)).toEqual([]);
  });

  it('engine - no halfway cue on steps shorter than 60 s', () => {
    const state = at(running(), { type: 'tick', now: NECK_END }).state;
    expect(nextWakeUp(state)).toBe(LEFT_END);
  });

  it('engine - next-area when the area changes, switch-side when only the side changes', () => {
    const state = at(running(), { type: 'tick', now: NECK_HALFWAY }).state;
    const neckOver = at(state, { type: 'tick', now: NECK_END });
    expect(cues(neckOver.effects)).toEqual(['next-area']);
    const leftOver = at(neckOver.state, { type: 'tick', now: LEFT_END });
    expect(cues(leftOver.effects)).toEqual(['switch-side']);
    expect(leftOver.state.stepIndex).toBe(2);
  });

  it('engine - the last step ending plays done and gives the completed record, ended at the boundary', () => {
    const state = at(running(), { type: 'tick', now: NECK_HALFWAY }, { type: 'tick', now: NECK_END }, { type: 'tick', now: LEFT_END }).state;
    const { state: done, effects } = at(state, { type: 'tick', now: END + 700 });
    expect(done.phase).toBe('finished');
    expect(done.record).toEqual({
      v: 1,
      id: 'watch1-abc-123',
      routineId: 'test-routine',
      routineName: 'Test',
      startedAt: T0,
      endedAt: END,
      tzOffsetMin: 60,
      status: 'completed',
      steps: [
        { area: 'neck', side: 'both', plannedMs: 60_000, doneMs: 60_000, skipped: false },
        { area: 'forearms', side: 'left', plannedMs: 20_000, doneMs: 20_000, skipped: false },
        { area: 'forearms', side: 'right', plannedMs: 20_000, doneMs: 20_000, skipped: false },
      ],
      checkIn: [],
      notes: [],
    });
    expect(effects).toEqual([{ type: 'cue', cue: 'done' }, { type: 'persist' }, { type: 'finished', record: done.record }, { type: 'schedule', at: null }]);
  });

  it('engine - a very late wake-up ends each passed step at its planned time and plays one cue for where the person is now', () => {
    const { state, effects } = at(started(), { type: 'tick', now: LEFT_END + 3_000 });
    expect(state.stepIndex).toBe(2);
    expect(state.ended.map((step) => step.doneMs)).toEqual([60_000, 20_000]);
    expect(state.anchorAt).toBe(LEFT_END);
    expect(cues(effects)).toEqual(['switch-side']);
    expect(nextWakeUp(state)).toBe(END);
  });

  it('engine - a late wake-up past the end of the routine plays only done', () => {
    const { state, effects } = at(started(), { type: 'tick', now: END + 60_000 });
    expect(cues(effects)).toEqual(['done']);
    expect(state.record?.endedAt).toBe(END);
  });

  it('engine - a late wake-up over a step change and the next halfway plays the step-change cue', () => {
    const { effects } = at(started(), { type: 'tick', now: NECK_HALFWAY + 1 });
    expect(cues(effects)).toEqual(['lead-in-over']);
  });

  it('engine - a clock that goes backwards adds no time', () => {
    const state = at(running(), { type: 'tick', now: T0 + 20_000 }).state;
    const { state: back, effects } = at(state, { type: 'tick', now: T0 + 1_000 });
    // The clock went back 19 s: no time passes over the jump, and the session goes on from the
    // new reading, so the halfway tick is due 19 s earlier on the (new) watch clock, not stalled.
    expect(back).toEqual({ ...state, clockShiftMs: 19_000 });
    expect(effects).toEqual([{ type: 'persist' }, { type: 'schedule', at: NECK_HALFWAY - 19_000 }]);
    expect(cues(at(back, { type: 'tick', now: NECK_HALFWAY - 19_001 }).effects)).toEqual([]);
    expect(cues(at(back, { type: 'tick', now: NECK_HALFWAY - 19_000 }).effects)).toEqual(['halfway']);
  });

  it('engine - a non-numeric clock reading adds no time', () => {
    const state = running();
    expect(at(state, { type: 'tick', now: Number.NaN }).state).toEqual(state);
  });

  it('engine - tick is idempotent', () => {
    const once = at(running(), { type: 'tick', now: NECK_HALFWAY });
    const twice = at(once.state, { type: 'tick', now: NECK_HALFWAY });
    expect(twice.state).toEqual(once.state);
    expect(cues(twice.effects)).toEqual([]);
  });

  it('engine - tick after the session finished does nothing', () => {
    const state = finishedState();
    expect(transition(state, { type: 'tick', now: T0 + 999_999 })).toEqual({ state, effects: [] });
  });
});

describe('engine - pause and resume', () => {
  it('engine - pause in the lead-in freezes it and cancels the wake-up', () => {
    const { state, effects } = at(started(), { type: 'pause', now: T0 + 2_000 });
    expect(state.phase).toBe('paused');
    expect(state.inLeadIn).toBe(true);
    expect(effects).toEqual([{ type: 'persist' }, { type: 'schedule', at: null }]);
    const resumed = at(state, { type: 'resume', now: T0 + 12_000 });
    expect(resumed.state.phase).toBe('lead-in');
    expect(resumed.state.pausedMs).toBe(10_000);
    expect(resumed.effects).toEqual([{ type: 'persist' }, { type: 'schedule', at: LEAD_IN_END + 10_000 }]);
  });

  it('engine - pause while running freezes the step and resume moves its boundaries by the pause', () => {
    const state = paused(T0 + 10_000);
    expect(state.elapsedMs).toBe(5_000);
    expect(nextWakeUp(state)).toBeNull();
    const resumed = at(state, { type: 'resume', now: T0 + 70_000 }).state;
    expect(resumed.phase).toBe('running');
    expect(nextWakeUp(resumed)).toBe(NECK_HALFWAY + 60_000);
  });

  it('engine - pause just after a passed boundary gives that boundary cue first', () => {
    const { state, effects } = at(started(), { type: 'pause', now: LEAD_IN_END + 300 });
    expect(effects).toEqual([{ type: 'cue', cue: 'lead-in-over' }, { type: 'persist' }, { type: 'schedule', at: null }]);
    expect(state.elapsedMs).toBe(300);
  });

  it('engine - pause while paused does nothing', () => {
    const state = paused();
    expect(transition(state, { type: 'pause', now: T0 + 20_000 })).toEqual({ state: { ...state, lastNow: T0 + 20_000 }, effects: [] });
  });

  it('engine - resume while running does nothing', () => {
    const state = running();
    expect(transition(state, { type: 'resume', now: LEAD_IN_END })).toEqual({ state, effects: [] });
  });

  it('engine - pause and resume after the session finished do nothing', () => {
    const state = finishedState();
    expect(transition(state, { type: 'pause', now: T0 + 5_000 }).effects).toEqual([]);
    expect(transition(state, { type: 'resume', now: T0 + 5_000 }).effects).toEqual([]);
  });
});

describe('engine - skip', () => {
  it('engine - skip in the lead-in begins step 1 now with the lead-in-over cue', () => {
    const { state, effects } = at(started(), { type: 'skip', now: T0 + 2_000 });
    expect(state.phase).toBe('running');
    expect(state.leadInSpentMs).toBe(2_000);
    expect(state.anchorAt).toBe(T0 + 2_000);
    expect(effects).toEqual([{ type: 'cue', cue: 'lead-in-over' }, { type: 'persist' }, { type: 'schedule', at: T0 + 32_000 }]);
  });

  it('engine - skip while running ends the step as skipped with the time spent and cues the next step', () => {
    const { state, effects } = at(running(), { type: 'skip', now: T0 + 15_000 });
    expect(state.ended).toEqual([{ area: 'neck', side: 'both', plannedMs: 60_000, doneMs: 10_000, skipped: true }]);
    expect(state.stepIndex).toBe(1);
    expect(cues(effects)).toEqual(['next-area']);
    expect(nextWakeUp(state)).toBe(T0 + 35_000);
  });

  it('engine - skip while paused ends the step and keeps paused', () => {
    const { state, effects } = at(paused(T0 + 10_000), { type: 'skip', now: T0 + 40_000 });
    expect(state.phase).toBe('paused');
    expect(state.stepIndex).toBe(1);
    expect(state.ended[0]).toEqual({ area: 'neck', side: 'both', plannedMs: 60_000, doneMs: 5_000, skipped: true });
    expect(state.pausedMs).toBe(30_000);
    expect(effects).toEqual([{ type: 'persist' }, { type: 'schedule', at: null }]);
    const resumed = at(state, { type: 'resume', now: T0 + 50_000 }).state;
    expect(resumed.pausedMs).toBe(40_000);
    expect(nextWakeUp(resumed)).toBe(T0 + 70_000);
  });

  it('engine - skip while paused in the lead-in begins step 1 paused', () => {
    const state = at(started(), { type: 'pause', now: T0 + 1_000 }, { type: 'skip', now: T0 + 3_000 }).state;
    expect(state.phase).toBe('paused');
    expect(state.inLeadIn).toBe(false);
    expect(state.leadInSpentMs).toBe(1_000);
    expect(state.pausedMs).toBe(2_000);
  });

  it('engine - skip on the last step completes the session with done', () => {
    const last = at(running(), { type: 'skip', now: T0 + 6_000 }, { type: 'skip', now: T0 + 7_000 }).state;
    const { state, effects } = at(last, { type: 'skip', now: T0 + 8_000 });
    expect(state.record?.status).toBe('completed');
    expect(state.record?.steps.map((step) => step.skipped)).toEqual([true, true, true]);
    expect(state.record?.endedAt).toBe(T0 + 8_000);
    expect(cues(effects)).toEqual(['done']);
  });

  it('engine - skip after the session finished does nothing', () => {
    const state = finishedState();
    expect(transition(state, { type: 'skip', now: T0 + 5_000 })).toEqual({ state, effects: [] });
  });
});

describe('engine - extend', () => {
  it('engine - extend adds 30 s to the current step', () => {
    const { state, effects } = at(running(), { type: 'tick', now: NECK_HALFWAY }, { type: 'extend', now: T0 + 40_000 });
    expect(state.extraMs).toBe(30_000);
    expect(effects.at(-1)).toEqual({ type: 'schedule', at: NECK_END + 30_000 });
    const ended = at(state, { type: 'tick', now: NECK_END + 30_000 }).state;
    expect(ended.ended[0]).toEqual({ area: 'neck', side: 'both', plannedMs: 60_000, doneMs: 90_000, skipped: false });
  });

  it('engine - extend stops adding after ten presses (+5 min), so a step stays bounded', () => {
    const presses = Array.from({ length: 12 }, (_, i) => ({ type: 'extend' as const, now: T0 + 10_000 + i }));
    const state = at(running(), ...presses).state;
    expect(state.extraMs).toBe(MAX_EXTRA_MS);
    const again = transition(state, { type: 'extend', now: T0 + 10_100 });
    expect(again.effects).toEqual([]);
  });

  it('engine - extend before halfway moves the halfway tick to the middle of the longer step', () => {
    const state = at(running(), { type: 'extend', now: T0 + 10_000 }).state;
    expect(nextWakeUp(state)).toBe(LEAD_IN_END + 45_000);
  });

  it('engine - extend while paused lengthens the step and keeps paused', () => {
    const state = at(paused(T0 + 10_000), { type: 'extend', now: T0 + 12_000 }).state;
    expect(state.phase).toBe('paused');
    expect(state.extraMs).toBe(30_000);
    expect(state.anchorAt).toBe(T0 + 10_000);
  });

  it('engine - extend in the lead-in does nothing (there is no step yet)', () => {
    const state = started();
    expect(transition(state, { type: 'extend', now: T0 + 1_000 })).toEqual({ state: { ...state, lastNow: T0 + 1_000 }, effects: [] });
  });

  it('engine - extend after the session finished does nothing', () => {
    const state = finishedState();
    expect(transition(state, { type: 'extend', now: T0 + 5_000 })).toEqual({ state, effects: [] });
  });
});

describe('engine - stop and pain', () => {
  it('engine - stop while running ends with status stopped, keeps the time spent and plays no cue', () => {
    const { state, effects } = at(running(), { type: 'stop', now: T0 + 25_000 });
    expect(state.record?.status).toBe('stopped');
    expect(state.record?.endedAt).toBe(T0 + 25_000);
    expect(state.record?.steps.map((step) => step.doneMs)).toEqual([20_000, 0, 0]);
    expect(state.record?.painStepIndex).toBeUndefined();
    expect(effects).toEqual([{ type: 'persist' }, { type: 'finished', record: state.record }, { type: 'schedule', at: null }]);
  });

  it('engine - stop while paused counts the pause until the stop', () => {
    const state = at(paused(T0 + 10_000), { type: 'stop', now: T0 + 30_000 }).state;
    expect(state.pausedMs).toBe(20_000);
    expect(state.record?.steps[0]?.doneMs).toBe(5_000);
  });

  it('engine - stop in the lead-in records every step as not done', () => {
    const state = finishedState();
    expect(state.leadInSpentMs).toBe(1_000);
    expect(state.record?.steps.map((step) => step.doneMs)).toEqual([0, 0, 0]);
  });

  it('engine - pain ends at once with the pain-stop cue, status pain and the step index', () => {
    const state = at(running(), { type: 'tick', now: NECK_END }).state;
    const { state: ended, effects } = at(state, { type: 'pain', now: NECK_END + 4_000 });
    expect(ended.record?.status).toBe('pain');
    expect(ended.record?.painStepIndex).toBe(1);
    expect(ended.record?.steps.map((step) => step.doneMs)).toEqual([60_000, 4_000, 0]);
    expect(effects).toEqual([{ type: 'cue', cue: 'pain-stop' }, { type: 'persist' }, { type: 'finished', record: ended.record }, { type: 'schedule', at: null }]);
  });

  it('engine - pain while paused and in the lead-in also ends with pain', () => {
    expect(at(paused(), { type: 'pain', now: T0 + 20_000 }).state.record?.status).toBe('pain');
    const leadIn = at(started(), { type: 'pain', now: T0 + 1_000 }).state;
    expect(leadIn.record?.painStepIndex).toBe(0);
  });

  it('engine - stop and pain after the session finished do nothing', () => {
    const state = finishedState();
    expect(transition(state, { type: 'stop', now: T0 + 5_000 })).toEqual({ state, effects: [] });
    expect(transition(state, { type: 'pain', now: T0 + 5_000 })).toEqual({ state, effects: [] });
  });

  it('engine - a stop that arrives after the routine already ended records it as completed', () => {
    const { state, effects } = at(started(), { type: 'stop', now: END + 10_000 });
    expect(state.record?.status).toBe('completed');
    expect(cues(effects)).toEqual(['done']);
  });
});

describe('engine - change coming', () => {
  // With "change coming" on: neck (60 s from +5 s) warns at +60 s, left forearm (20 s) at +80 s,
  // right forearm (20 s) at +100 s; five seconds before each step ends.
  const COMING = { ...SETTINGS, changeComing: true };

  it('engine - change coming on: three ticks 5 s before each step ends, each woken for', () => {
    let state = at(started(T0, ROUTINE, COMING), { type: 'tick', now: LEAD_IN_END }).state;
    expect(nextWakeUp(state)).toBe(NECK_HALFWAY);
    state = at(state, { type: 'tick', now: NECK_HALFWAY }).state;
    expect(nextWakeUp(state)).toBe(NECK_END - 5_000);
    const warned = at(state, { type: 'tick', now: NECK_END - 5_000 });
    expect(warned.effects).toEqual([{ type: 'cue', cue: 'change-coming' }, { type: 'persist' }, { type: 'schedule', at: NECK_END }]);
    const moved = at(warned.state, { type: 'tick', now: NECK_END });
    expect(cues(moved.effects)).toEqual(['next-area']);
    expect(nextWakeUp(moved.state)).toBe(LEFT_END - 5_000);
    expect(cues(at(moved.state, { type: 'tick', now: LEFT_END - 5_000 }).effects)).toEqual(['change-coming']);
  });

  it('engine - change coming is off unless chosen: no cue before a step ends', () => {
    const state = running();
    expect(nextWakeUp(at(state, { type: 'tick', now: NECK_HALFWAY }).state)).toBe(NECK_END);
    expect(cues(at(state, { type: 'tick', now: NECK_END - 5_000 }).effects)).toEqual(['halfway']);
  });

  it('engine - +30 s after the change-coming cue warns again 5 s before the new end', () => {
    const state = at(started(T0, ROUTINE, COMING), { type: 'tick', now: LEAD_IN_END }, { type: 'tick', now: NECK_HALFWAY }, { type: 'tick', now: NECK_END - 5_000 }).state;
    const extended = at(state, { type: 'extend', now: NECK_END - 4_000 }).state;
    expect(nextWakeUp(extended)).toBe(NECK_END + 25_000);
    expect(cues(at(extended, { type: 'tick', now: NECK_END + 25_000 }).effects)).toEqual(['change-coming']);
  });

  it('engine - a late wake-up past the warning and the step end plays only the step-change cue', () => {
    const state = at(started(T0, ROUTINE, COMING), { type: 'tick', now: LEAD_IN_END }, { type: 'tick', now: NECK_HALFWAY }).state;
    expect(cues(at(state, { type: 'tick', now: NECK_END + 1_000 }).effects)).toEqual(['next-area']);
  });

  it('engine - the change-coming state survives a snapshot round trip', async () => {
    const { restore, snapshot } = await import('../../../core/engine/snapshot');
    const state = at(started(T0, ROUTINE, COMING), { type: 'tick', now: LEAD_IN_END }, { type: 'tick', now: NECK_HALFWAY }, { type: 'tick', now: NECK_END - 5_000 }).state;
    const back = restore(snapshot(state));
    expect(back.ok && back.value).toEqual(state);
  });
});
