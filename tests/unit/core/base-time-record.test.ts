// The record keeps the base and the adapted time (#14): a step the watch ran longer than the plan
// gave it (adaptation, progression) says what the plan said (baseMs); a step run as planned says
// nothing more; an area progression added has a base of 0. The one record validator accepts old
// records unchanged and checks the new fields; progression answers travel with the record.
import { describe, expect, it } from 'vitest';
import { transition } from '../../../core/engine/transition';
import { restore, snapshot } from '../../../core/engine/snapshot';
import { IDLE } from '../../../core/engine/types';
import type { EngineEvent } from '../../../core/engine/types';
import { validateRecord } from '../../../core/records/record-validation';
import { describeProblems } from '../../../core/kernel/result';
import { ROUTINE, T0, apply, asSession, startEvent } from '../../fixtures/core';
import { makeRecord, makeStep, rawRecord } from '../../fixtures/records';

/** ROUTINE with the neck adapted from 45 s to 60 s, run through to the end. */
function finishedWithBase(baseSeconds: readonly number[] | undefined): ReturnType<typeof asSession> {
  const start = { ...startEvent(), ...(baseSeconds === undefined ? {} : { baseSeconds }) } as EngineEvent;
  const begun = asSession(transition(IDLE, start).state);
  return asSession(apply(begun, [{ type: 'tick', now: T0 + 10 * 60_000 }]).state);
}

const problemsOf = (input: unknown): string => {
  const checked = validateRecord(input);
  return checked.ok ? 'ok' : describeProblems(checked.problems);
};

describe('record - base and adapted time', () => {
  it('record - a step run longer than the plan gave it keeps the plan\'s time beside the run\'s (neck: plan 45 s, ran 60 s)', () => {
    const record = finishedWithBase([45, 20, 20]).record;
    expect(record?.steps.map((s) => [s.area, s.plannedMs, s.baseMs])).toEqual([
      ['neck', 60_000, 45_000],
      ['forearms', 20_000, undefined],
      ['forearms', 20_000, undefined],
    ]);
    expect(problemsOf(record)).toBe('ok');
  });

  it('record - without base times (nothing adapted) the record is exactly as before: no baseMs anywhere', () => {
    const record = finishedWithBase(undefined).record;
    expect(record?.steps.some((s) => 'baseMs' in s)).toBe(false);
    // Base times that do not match the routine's steps are not trusted.
    expect(finishedWithBase([45]).record?.steps.some((s) => 'baseMs' in s)).toBe(false);
  });

  it('record - the base times survive a relaunch mid-session (snapshot and restore)', () => {
    const begun = asSession(transition(IDLE, { ...startEvent(), baseSeconds: [45, 20, 0] } as EngineEvent).state);
    const restored = restore(snapshot(begun));
    if (!restored.ok) throw new Error(describeProblems(restored.problems));
    const done = asSession(apply(asSession(restored.value), [{ type: 'tick', now: T0 + 10 * 60_000 }]).state);
    expect(done.record?.steps.map((s) => s.baseMs)).toEqual([45_000, undefined, 0]);
    expect(ROUTINE.steps).toHaveLength(3);
    expect(restore(snapshot({ ...begun, baseSeconds: [45] })).ok).toBe(false);
  });

  it('validateRecord - an old record (no baseMs, no progression) is still valid and comes back unchanged', () => {
    const old = makeRecord();
    const checked = validateRecord(old);
    expect(checked).toEqual({ ok: true, value: old });
  });

  it('validateRecord - baseMs and progression answers are kept; bad ones are refused with their place', () => {
    const record = makeRecord({
      steps: [makeStep({ plannedMs: 75_000, doneMs: 75_000, baseMs: 60_000 }), makeStep({ area: 'calves', side: 'left', baseMs: 0 })],
      progression: [{ week: 20516, choice: 'declined' }, { week: 20551, choice: 'accepted', area: 'calves' }],
    });
    expect(validateRecord(record)).toEqual({ ok: true, value: record });
    expect(problemsOf(rawRecord({ steps: [makeStep({ baseMs: -1 })] }))).toMatch(/^steps\[0\]\.baseMs must be an integer between 0 and/);
    expect(problemsOf(rawRecord({ progression: [{ week: 20516, choice: 'maybe' }] }))).toMatch(/^progression\[0\]\.choice must be one of/);
    expect(problemsOf(rawRecord({ progression: [{ week: 20516, choice: 'accepted', area: 'elbow' }] }))).toMatch(/^progression\[0\]\.area must be one of/);
    expect(problemsOf(rawRecord({ progression: [{ week: 20516, choice: 'accepted', extra: 1 }] }))).toBe('progression[0].extra is not a known field');
    expect(problemsOf(rawRecord({ progression: Array.from({ length: 13 }, (_, i) => ({ week: i, choice: 'declined' })) }))).toBe('progression must have at most 12 entries (got 13)');
  });
});
