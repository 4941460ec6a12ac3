// The record the engine's end builds (docs/design.md §5, docs/week.md "Base and adapted time")
// and the one list summary of a record (docs/core.md): only a paused session says pausedMs, only a
// step whose time differs from the plan's carries baseMs, a pain stop names its step.

import { describe, expect, it } from 'vitest';
import { buildRecord } from '../../../core/records/record';
import type { RecordInput } from '../../../core/records/record';
import { summarizeRecord } from '../../../core/records/session-summary';
import { validateRecord } from '../../../core/records/record-validation';
import { BASE_START, makeRecord, makeStep } from '../../fixtures/records';

const routine = { id: 'desk-reset', name: 'routine.desk-reset', steps: [] };
const input = (overrides: Partial<RecordInput> = {}): RecordInput => ({
  sessionId: 'w1-abc-00000001',
  routine,
  startedAt: BASE_START,
  endedAt: BASE_START + 125_000,
  tzOffsetMin: 60,
  status: 'completed',
  steps: [makeStep({ plannedMs: 60_000, doneMs: 60_000 }), makeStep({ area: 'forearms', side: 'left', plannedMs: 60_000, doneMs: 60_000 })],
  ...overrides,
});

describe('record build', () => {
  it('record - a session run as planned, never paused: version 1, empty check-in, no pause, no base times', () => {
    const record = buildRecord(input());
    expect(record).toEqual({
      v: 1,
      id: 'w1-abc-00000001',
      routineId: 'desk-reset',
      routineName: 'routine.desk-reset',
      startedAt: BASE_START,
      endedAt: BASE_START + 125_000,
      tzOffsetMin: 60,
      status: 'completed',
      steps: input().steps,
      checkIn: [],
      notes: [],
    });
    expect(validateRecord(record).ok).toBe(true);
  });

  it('record - a paused session says how long; a zero pause says nothing', () => {
    expect(buildRecord(input({ pausedMs: 30_000, endedAt: BASE_START + 155_000 })).pausedMs).toBe(30_000);
    expect('pausedMs' in buildRecord(input({ pausedMs: 0 }))).toBe(false);
  });

  it('record - a pain stop keeps the step it happened in', () => {
    const record = buildRecord(input({ status: 'pain', painStepIndex: 1 }));
    expect(record.painStepIndex).toBe(1);
    expect(validateRecord(record).ok).toBe(true);
  });

  it('record - base times only where the run differs from the plan (ms), none for a step the list does not cover', () => {
    const steps = [makeStep({ plannedMs: 75_000, doneMs: 75_000 }), makeStep({ area: 'forearms', side: 'left', plannedMs: 60_000, doneMs: 60_000 }), makeStep({ area: 'calves', side: 'left', plannedMs: 60_000, doneMs: 60_000 })];
    const record = buildRecord(input({ steps, baseSeconds: [60, 60], endedAt: BASE_START + 200_000 }));
    expect(record.steps.map((s) => s.baseMs)).toEqual([60_000, undefined, undefined]);
    expect('baseMs' in (record.steps[1] ?? {})).toBe(false);
  });
});

describe('record summary', () => {
  it('summary - a completed record: its times, massage time and skipped steps, no pain place', () => {
    const record = makeRecord({ steps: [makeStep({ doneMs: 60_000 }), makeStep({ area: 'forearms', side: 'left', doneMs: 0, skipped: true })], endedAt: BASE_START + 65_000 });
    const summary = summarizeRecord(record);
    expect(summary).toEqual({
      id: record.id,
      routineId: record.routineId,
      routineName: record.routineName,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      tzOffsetMin: record.tzOffsetMin,
      status: 'completed',
      massageMs: 60_000,
      skipped: [{ area: 'forearms', side: 'left' }],
    });
    expect('painAt' in summary).toBe(false);
  });

  it('summary - a pain stop names its area and side', () => {
    const record = makeRecord({ status: 'pain', painStepIndex: 1, steps: [makeStep(), makeStep({ area: 'forearms', side: 'right', doneMs: 20_000 })] });
    expect(summarizeRecord(record).painAt).toEqual({ area: 'forearms', side: 'right' });
  });
});

describe('pain place', () => {
  it('pain place - only a pain stop has one: a stopped record carrying a step index (damaged data) names none', () => {
    const stopped = makeRecord({ status: 'stopped', steps: [makeStep(), makeStep({ area: 'forearms', side: 'left' })] });
    expect(summarizeRecord({ ...stopped, painStepIndex: 1 }).painAt).toBeUndefined();
    const pain = makeRecord({ status: 'pain', painStepIndex: 5, steps: [makeStep()] });
    expect(summarizeRecord(pain).painAt).toBeUndefined();
  });
});
