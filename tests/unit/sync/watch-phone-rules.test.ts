// One rule, one place: what the watch produces and sends is what the phone accepts. Each test
// here is the regression test of one finding of issue 10 and fails on the code before the fix.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerRequest } from '../../../app-side/requests';
import { restore, snapshot } from '../../../core/engine/snapshot';
import { transition } from '../../../core/engine/transition';
import { IDLE } from '../../../core/engine/types';
import type { EngineEvent, EngineState } from '../../../core/engine/types';
import { LIBRARY } from '../../../core/routines/library';
import type { Routine, SessionRecord } from '../../../core/routines/model';
import { MAX_MONTH_BYTES, bucketKey, readHistory } from '../../../core/phone/history-store';
import { savePlan } from '../../../core/routines/plan-store';
import { describeProblems } from '../../../core/kernel/result';
import { validateRoutine } from '../../../core/routines/routine-validation';
import { acknowledge, enqueue, outboxStatus } from '../../../core/sync/outbox';
import { parsePlanGetReply } from '../../../core/sync/protocol';
import { validateRecord } from '../../../core/records/record-validation';
import { createWatchSync, type SyncRequest } from '../../../core/sync/watch-sync';
import { ROUTINE, SETTINGS, T0, routineArb, settingsArb } from '../../fixtures/core';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan, makeRoutine } from '../../fixtures/plans';
import { BASE_START, DAY_MS, makeRecord, makeStep } from '../../fixtures/records';

const NOW = BASE_START + 2 * DAY_MS;

/** The watch's sync talking straight to the side service's handler over a phone store. */
function linked(watch: MemoryStore, phone: MemoryStore, tamper: (reply: unknown) => unknown = (r) => r) {
  const request: SyncRequest = async (method, params) => tamper(JSON.parse(JSON.stringify(answerRequest(phone, { method, params }, NOW))) as unknown);
  return createWatchSync({ request, store: watch, clock: { now: () => NOW }, setTimeout: () => 0 });
}

/** Runs the engine over `events` and returns the finished record (a stop is added if needed). */
function runToRecord(routine: Routine, events: readonly EngineEvent[], stopAt: number): SessionRecord {
  let state: EngineState = IDLE;
  for (const event of events) state = transition(state, event).state;
  if (state.phase !== 'finished') state = transition(state, { type: 'stop', now: stopAt }).state;
  if (state.phase !== 'finished' || state.record === null) throw new Error(`no record for ${routine.id}`);
  return state.record;
}

describe('watch and phone share one rule', () => {
  it('finding 1 - 55 small sessions waiting all reach the phone (batches stay within the phone’s count limit)', async () => {
    const watch = new MemoryStore();
    const phone = new MemoryStore();
    // One-step sessions with no check-in: ~270 bytes each, so 16 KB alone would allow ~60 a batch.
    for (let i = 0; i < 55; i += 1) {
      enqueue(watch, makeRecord({ startedAt: BASE_START + i * 3_600_000, endedAt: BASE_START + i * 3_600_000 + 60_000, steps: [makeStep()], checkIn: [], notes: [] }));
    }
    const result = await linked(watch, phone).flush();
    expect(result).toMatchObject({ done: true, accepted: 55, pending: 0 });
    expect(readHistory(phone).records).toHaveLength(55);
  });

  it('finding 2 - a session paused overnight and one with every step extended ten times are stored with their paused time', () => {
    const phone = new MemoryStore();
    const start = BASE_START;
    const overnight = runToRecord(ROUTINE, [
      { type: 'start', now: start, routine: ROUTINE, settings: SETTINGS, sessionId: 'w1-night-1', tzOffsetMin: 60 },
      { type: 'pause', now: start + 20_000 },
      { type: 'resume', now: start + 20_000 + 10 * 3_600_000 },
    ], start + 11 * 3_600_000);
    expect(overnight.pausedMs).toBe(10 * 3_600_000);
    const long: Routine = { id: 'long', name: 'Long', steps: Array.from({ length: 6 }, () => ({ area: 'calves' as const, side: 'both' as const, seconds: 600, tool: 'hands' as const, hint: '' })) };
    const extends10: EngineEvent[] = [{ type: 'start', now: start, routine: long, settings: { ...SETTINGS, leadInSeconds: 0 }, sessionId: 'w1-long-1', tzOffsetMin: 60 }];
    // Ten "+30 s" at the start of each step: 60 min planned becomes 90 min.
    let t = start;
    for (let step = 0; step < 6; step += 1) {
      for (let i = 0; i < 10; i += 1) extends10.push({ type: 'extend', now: t + 1 + i });
      t += 900_000;
      extends10.push({ type: 'tick', now: t });
    }
    const extended = runToRecord(long, extends10, t + 1);
    expect(extended.status).toBe('completed');
    const reply = answerRequest(phone, { method: 'sessions.push', params: { v: 1, records: [overnight, extended] } }, start + 12 * 3_600_000);
    expect(reply).toEqual({ accepted: [overnight.id, extended.id], rejected: [] });
  });

  it('finding 3 - a session from a watch clock a week ahead or never set is stored, flagged; one an older phone refused for the clock goes again by itself', async () => {
    const watch = new MemoryStore();
    const phone = new MemoryStore();
    const ahead = makeRecord({ startedAt: NOW + 7 * DAY_MS, endedAt: NOW + 7 * DAY_MS + 180_000 });
    const unset = makeRecord({ startedAt: Date.UTC(2019, 5, 1, 8), endedAt: Date.UTC(2019, 5, 1, 8) + 180_000 });
    const refusedBefore = makeRecord({ minutesAfterBase: 30 });
    for (const r of [ahead, unset, refusedBefore]) enqueue(watch, r);
    // What a side service from before this change answered for a clock it doubted.
    acknowledge(watch, [], [{ id: refusedBefore.id, reason: 'startedAt is more than a day in the future; check the watch clock' }], NOW);
    const result = await linked(watch, phone).flush();
    expect(result).toMatchObject({ done: true, accepted: 3, pending: 0 });
    expect(outboxStatus(watch).rejected).toEqual([]);
    const stored = readHistory(phone).records;
    expect(stored.map((r) => [r.id, r.clockSuspect === true])).toEqual([[unset.id, true], [refusedBefore.id, false], [ahead.id, true]]);
  });

  it('finding 5 - a full phone month defers only its own sessions: later months arrive in the same flush and the rest retry by themselves', async () => {
    const watch = new MemoryStore();
    const phone = new MemoryStore();
    const big = (i: number): SessionRecord => makeRecord({ startedAt: BASE_START + i * 60_000, steps: Array.from({ length: 30 }, () => makeStep()), checkIn: [], notes: [] });
    const filler: SessionRecord[] = [];
    // Sessions up to the month's bound (MAX_MONTH_BYTES), stored as layout 1 left them: one value.
    for (let i = 0; JSON.stringify(filler).length < MAX_MONTH_BYTES - 200; i += 1) filler.push(big(i));
    phone.setItem(bucketKey('2026-11'), JSON.stringify(filler));
    const november = [makeRecord({ startedAt: Date.UTC(2026, 10, 20, 9) }), makeRecord({ startedAt: Date.UTC(2026, 10, 21, 9) })];
    const later = [makeRecord({ startedAt: Date.UTC(2026, 11, 2, 9) }), makeRecord({ startedAt: Date.UTC(2027, 0, 5, 9) })];
    for (const r of november.concat(later)) enqueue(watch, r);
    const timers: number[] = [];
    const sync = createWatchSync({
      request: async (method, params) => answerRequest(phone, { method, params }, NOW),
      store: watch,
      clock: { now: () => NOW },
      setTimeout: (_cb, ms) => timers.push(ms),
    });
    const result = await sync.flush();
    expect(result).toMatchObject({ done: false, accepted: 2, pending: 2, retryInMs: 600_000 });
    expect(result.error).toMatch(/^phone storage for 2026-11 is full/);
    expect(timers).toEqual([600_000]);
    expect(readHistory(phone).records.slice(-2).map((r) => r.id)).toEqual(later.map((r) => r.id));
  });

  it('finding 8 - the Settings App refuses a plan too large for the watch, with the reason; any plan it saves reaches the watch', () => {
    const longHint = 'Slow circles with the heel of the hand, then glide along the muscle, easing off if it prickles.'.slice(0, 120);
    const routines = Array.from({ length: 20 }, (_v, r) => makeRoutine({
      id: `custom-${r}`,
      name: `Custom ${r}`,
      steps: Array.from({ length: 30 }, () => ({ area: 'calves' as const, side: 'both' as const, seconds: 100, tool: 'hands' as const, hint: longHint })),
    }));
    const tooBig = makePlan({ customRoutines: routines, assignedRoutineIds: [] });
    const refused = savePlan(new MemoryStore(), tooBig);
    expect(refused.ok ? 'saved' : describeProblems(refused.problems)).toMatch(/^the plan is too large to send to the watch \(\d+ bytes; at most 64512\): shorten hints or remove a custom routine$/);
    // Chinese hints are three bytes a character: six routines of 30 steps.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 120 }), fc.boolean(), (count, steps, hintLength, chinese) => {
        const hint = (chinese ? '慢慢按摩' : 'abcd').repeat(30).slice(0, hintLength);
        const plan = makePlan({
          assignedRoutineIds: [],
          customRoutines: Array.from({ length: count }, (_v, r) => makeRoutine({ id: `c-${r}`, name: `C ${r}`, steps: Array.from({ length: steps }, () => ({ area: 'calves' as const, side: 'both' as const, seconds: 10, tool: 'hands' as const, hint })) })),
        });
        const phone = new MemoryStore();
        if (!savePlan(phone, plan).ok) return;
        phone.setItem('prefs', JSON.stringify({ settings: { intensity: 'standard', leadInSeconds: 15, halfwayTick: true, screen: 'allow-off' }, updatedAt: Number.MAX_SAFE_INTEGER }));
        const reply = JSON.parse(JSON.stringify(answerRequest(phone, { method: 'plan.get', params: { v: 1 } }, NOW))) as unknown;
        expect(parsePlanGetReply(reply).ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('finding 9 - a routine name with a control character is refused when saved, so its sessions are never refused later', () => {
    const named = makeRoutine({ name: 'Neck\u0007 and back' });
    expect(validateRoutine(named).ok).toBe(false);
    const saved = savePlan(new MemoryStore(), makePlan({ customRoutines: [named] }));
    expect(saved.ok ? 'saved' : describeProblems(saved.problems)).toBe('customRoutines[0].name must not contain control characters');
  });

  it('finding 9 - one id in the phone’s reply the watch cannot read does not cost the acknowledgement of the others', async () => {
    const watch = new MemoryStore();
    const phone = new MemoryStore();
    const records = [makeRecord({ minutesAfterBase: 0 }), makeRecord({ minutesAfterBase: 60 })];
    for (const r of records) enqueue(watch, r);
    const odd = (reply: unknown): unknown => {
      const r = reply as { accepted: string[]; rejected: unknown[] };
      return { ...r, rejected: r.rejected.concat([{ id: 'not an id', reason: 'x' }]), accepted: r.accepted.concat(['y'.repeat(80)]) };
    };
    const result = await linked(watch, phone, odd).flush();
    expect(result).toMatchObject({ done: true, accepted: 2, pending: 0 });
    expect(outboxStatus(watch).rejected).toEqual([]);
  });

  it('finding 9 - a record the phone would refuse is kept on the watch as refused with the reason at once, never sent in a loop', () => {
    const watch = new MemoryStore();
    const bad = { ...makeRecord(), tzOffsetMin: 5000 };
    expect(enqueue(watch, bad, NOW).ok).toBe(true);
    const status = outboxStatus(watch);
    expect(status.pending).toBe(0);
    expect(status.rejected.map((r) => r.reason)).toEqual(['the phone would refuse it: tzOffsetMin must be an integer between -720 and 840']);
  });

  it('finding 12 - a session snapshot with values the engine cannot produce is refused with the reason', () => {
    let state: EngineState = transition(IDLE, { type: 'start', now: T0, routine: ROUTINE, settings: SETTINGS, sessionId: 'w1-snap-1', tzOffsetMin: 60 }).state;
    state = transition(state, { type: 'tick', now: T0 + 10_000 }).state;
    const good = JSON.parse(snapshot(state)) as { v: number; state: Record<string, unknown> };
    const cases: Array<[string, unknown, string]> = [
      ['extraMs', 1e12, 'state.extraMs must be between 0 and 300000 (it is 1000000000000)'],
      ['leadInMs', 1e9, 'state.leadInMs must be between 0 and 15000 (it is 1000000000)'],
      ['elapsedMs', 1e9, 'state.elapsedMs must be between 0 and 60000 (it is 1000000000)'],
      ['pausedMs', 1e12, `state.pausedMs must be between 0 and 10000 (it is 1000000000000)`],
      ['tzOffsetMin', 1e6, 'state.tzOffsetMin must be between -720 and 840 (it is 1000000)'],
      ['anchorAt', T0 - 1, `state.anchorAt must be between ${T0} and ${T0 + 10_000} (it is ${T0 - 1})`],
    ];
    for (const [key, value, message] of cases) {
      const restored = restore(JSON.stringify({ ...good, state: { ...good.state, [key]: value } }));
      expect(restored.ok ? 'restored' : describeProblems(restored.problems)).toBe(message);
    }
    expect(restore(snapshot(state)).ok).toBe(true);
  });
});

/** A person's presses and the watch clock's moves, as offsets from the previous event. */
const moveArb = fc.record({
  type: fc.constantFrom<'pause' | 'resume' | 'skip' | 'extend' | 'tick' | 'stop' | 'pain'>('pause', 'resume', 'skip', 'extend', 'extend', 'tick', 'tick', 'stop', 'pain'),
  // Mostly seconds; sometimes hours (a long pause, the app closed overnight) or a clock set back.
  afterMs: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 120_000 }), weight: 8 },
    { arbitrary: fc.integer({ min: 0, max: 30 * 3_600_000 }), weight: 1 },
    { arbitrary: fc.integer({ min: -3 * 3_600_000, max: -1 }), weight: 1 },
  ),
});

const anyRoutineArb = fc.oneof(fc.constantFrom(...LIBRARY), routineArb.filter((r) => validateRoutine(r).ok));

describe('every record the engine can produce is accepted by the phone', () => {
  it('engine → phone - any routine, presses, pauses, extends and clock moves give a record the phone stores as it is', () => {
    fc.assert(
      fc.property(anyRoutineArb, settingsArb, fc.array(moveArb, { maxLength: 60 }), fc.integer({ min: -720, max: 840 }), (routine, settings, moves, tz) => {
        let now = BASE_START;
        const events: EngineEvent[] = [{ type: 'start', now, routine, settings, sessionId: 'w1-prop-1', tzOffsetMin: tz }];
        for (const move of moves) {
          now += move.afterMs;
          events.push({ type: move.type, now });
        }
        const record = runToRecord(routine, events, now + 1000);
        const checked = validateRecord(JSON.parse(JSON.stringify(record)), '', now + 1000);
        if (!checked.ok) throw new Error(describeProblems(checked.problems));
        const phone = new MemoryStore();
        const reply = answerRequest(phone, { method: 'sessions.push', params: { v: 1, records: [record] } }, now + 1000);
        expect(reply).toEqual({ accepted: [record.id], rejected: [] });
        expect(readHistory(phone).records).toEqual([record]);
      }),
      { numRuns: 400 },
    );
  });
});
