// The engine state as a small versioned JSON string, written after every transition so a
// relaunched page resumes at the right step and time. restore() accepts a snapshot whole or
// not at all: a corrupt or unknown one is rejected with the reason, never half-applied.

import { AREAS, CUE_INTENSITIES, SCREEN_BEHAVIOURS, SIDES } from '../routines/model';
import type { SessionRecord, StepRecord, WatchSettings } from '../routines/model';
import { validateRoutine } from '../routines/routine-validation';
import { invalid, joinPath, valid } from '../kernel/result';
import type { Problem, Validated } from '../kernel/result';
import { validateRecord, MAX_TZ_OFFSET_MIN, MIN_TZ_OFFSET_MIN } from '../records/record-validation';
import { segmentMs } from './timing';
import { IDLE, MAX_EXTRA_MS, MAX_LEAD_IN_SECONDS } from './types';
import type { EngineState, SessionPhase, SessionState } from './types';
import { isPlainObject } from '../kernel/json';

export const SNAPSHOT_VERSION = 1;

export function snapshot(state: EngineState): string {
  return JSON.stringify({ v: SNAPSHOT_VERSION, state });
}

type Fields = Readonly<Record<string, unknown>>;

function oneOf(list: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && list.indexOf(value) >= 0;
}

/** Collects problems while reading typed fields, so one pass reports everything wrong. */
class Reader {
  readonly problems: Problem[] = [];
  constructor(private readonly fields: Fields, private readonly path: string) {}

  private fail(key: string, message: string): void {
    this.problems.push({ path: joinPath(this.path, key), message });
  }

  time(key: string): number {
    const value = this.fields[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(key, 'must be a finite number');
      return 0;
    }
    return value;
  }

  count(key: string): number {
    const value = this.fields[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      this.fail(key, 'must be a whole number, 0 or more');
      return 0;
    }
    return value;
  }

  flag(key: string): boolean {
    const value = this.fields[key];
    if (typeof value !== 'boolean') {
      this.fail(key, 'must be true or false');
      return false;
    }
    return value;
  }

  text(key: string): string {
    const value = this.fields[key];
    if (typeof value !== 'string' || value === '') {
      this.fail(key, 'must be non-empty text');
      return '';
    }
    return value;
  }

  choice<T extends string>(key: string, list: readonly T[]): T {
    const value = this.fields[key];
    if (!oneOf(list, value)) {
      this.fail(key, `must be one of ${list.join(', ')}`);
      return list[0] as T;
    }
    return value as T;
  }
}

function readSettings(input: unknown, path: string, problems: Problem[]): WatchSettings {
  if (!isPlainObject(input)) {
    problems.push({ path, message: 'must be an object' });
    return { intensity: 'standard', leadInSeconds: 0, halfwayTick: false, screen: 'allow-off' };
  }
  const r = new Reader(input, path);
  const settings: WatchSettings = {
    intensity: r.choice('intensity', CUE_INTENSITIES),
    leadInSeconds: r.count('leadInSeconds'),
    halfwayTick: r.flag('halfwayTick'),
    screen: r.choice('screen', SCREEN_BEHAVIOURS),
    ...(input['changeComing'] === undefined ? {} : { changeComing: r.flag('changeComing') }),
  };
  problems.push(...r.problems);
  return settings;
}

function readStepRecords(input: unknown, path: string, problems: Problem[]): StepRecord[] {
  if (!Array.isArray(input)) {
    problems.push({ path, message: 'must be a list' });
    return [];
  }
  return input.map((raw: unknown, index): StepRecord => {
    const itemPath = joinPath(path, index);
    if (!isPlainObject(raw)) {
      problems.push({ path: itemPath, message: 'must be an object' });
      return { area: 'neck', side: 'both', plannedMs: 0, doneMs: 0, skipped: false };
    }
    const r = new Reader(raw, itemPath);
    const record: StepRecord = {
      area: r.choice('area', AREAS),
      side: r.choice('side', SIDES),
      plannedMs: r.count('plannedMs'),
      doneMs: r.count('doneMs'),
      skipped: r.flag('skipped'),
    };
    problems.push(...r.problems);
    return record;
  });
}

function readBaseSeconds(input: unknown, problems: Problem[]): number[] {
  if (!Array.isArray(input) || !input.every((s) => typeof s === 'number' && Number.isInteger(s) && s >= 0)) {
    problems.push({ path: 'state.baseSeconds', message: 'must be a list of whole seconds' });
    return [];
  }
  return input as number[];
}

/** The finished session's record, checked by the one record validator the phone uses too. */
function readRecord(input: unknown, path: string, problems: Problem[]): SessionRecord | null {
  if (input === null) return null;
  const checked = validateRecord(input, path);
  if (!checked.ok) {
    problems.push(...checked.problems);
    return null;
  }
  return checked.value;
}

const PHASES: readonly SessionPhase[] = ['lead-in', 'running', 'paused', 'finished'];

/** How the snapshot's `record` field is read: the finished session's record, or null. */
type RecordReader = (input: unknown, path: string, problems: Problem[]) => SessionRecord | null;

function readSession(fields: Fields, problems: Problem[], recordField: RecordReader): SessionState {
  const r = new Reader(fields, 'state');
  const routine = validateRoutine(fields['routine'], 'state.routine');
  if (!routine.ok) problems.push(...routine.problems);
  const state: SessionState = {
    phase: r.choice('phase', PHASES),
    sessionId: r.text('sessionId'),
    routine: routine.ok ? routine.value : { id: 'x', name: 'x', steps: [] },
    // Absent in snapshots written before adaptation, or when the routine ran as planned.
    ...(fields['baseSeconds'] === undefined ? {} : { baseSeconds: readBaseSeconds(fields['baseSeconds'], problems) }),
    settings: readSettings(fields['settings'], 'state.settings', problems),
    tzOffsetMin: r.time('tzOffsetMin'),
    startedAt: r.time('startedAt'),
    leadInMs: r.count('leadInMs'),
    inLeadIn: r.flag('inLeadIn'),
    stepIndex: r.count('stepIndex'),
    anchorAt: r.time('anchorAt'),
    elapsedMs: r.count('elapsedMs'),
    extraMs: r.count('extraMs'),
    halfwayDone: r.flag('halfwayDone'),
    // Absent in snapshots written before the "change coming" cue: it had not been given.
    comingDone: fields['comingDone'] === undefined ? false : r.flag('comingDone'),
    leadInSpentMs: r.count('leadInSpentMs'),
    pausedMs: r.count('pausedMs'),
    lastNow: r.time('lastNow'),
    // Absent in snapshots written before clock-shift handling: the clock never went back then.
    clockShiftMs: fields['clockShiftMs'] === undefined ? 0 : r.count('clockShiftMs'),
    ended: readStepRecords(fields['ended'], 'state.ended', problems),
    record: recordField(fields['record'], 'state.record', problems),
  };
  problems.push(...r.problems);
  if (problems.length > 0) return state;
  // Shape alone is not enough: these are what the engine relies on to never index past the routine.
  const stepCount = state.routine.steps.length;
  if (state.baseSeconds !== undefined && state.baseSeconds.length !== stepCount) problems.push({ path: 'state.baseSeconds', message: `must have one entry per step (${stepCount})` });
  if (state.stepIndex >= stepCount) problems.push({ path: 'state.stepIndex', message: `must be below the routine's ${stepCount} steps` });
  const endedCount = state.phase === 'finished' ? stepCount : state.stepIndex;
  if (state.ended.length !== endedCount) problems.push({ path: 'state.ended', message: `must have ${endedCount} entries (it has ${state.ended.length})` });
  if ((state.phase === 'finished') !== (state.record !== null)) problems.push({ path: 'state.record', message: 'must be set exactly when the session is finished' });
  if (state.anchorAt > state.lastNow) problems.push({ path: 'state.anchorAt', message: 'must not be after lastNow' });
  if (state.inLeadIn && state.stepIndex !== 0) problems.push({ path: 'state.stepIndex', message: 'must be 0 during the lead-in' });
  if (problems.length > 0) return state;
  // Ranges: a value the engine cannot produce (an extraMs of 1e12 would put the next wake-up
  // decades away) means the snapshot is damaged, so the session is not resumed from it.
  const range = (key: string, value: number, min: number, max: number): void => {
    if (value < min || value > max) problems.push({ path: `state.${key}`, message: `must be between ${min} and ${max} (it is ${value})` });
  };
  range('extraMs', state.extraMs, 0, MAX_EXTRA_MS);
  range('leadInMs', state.leadInMs, 0, MAX_LEAD_IN_SECONDS * 1000);
  range('leadInSpentMs', state.leadInSpentMs, 0, state.leadInMs);
  range('tzOffsetMin', state.tzOffsetMin, MIN_TZ_OFFSET_MIN, MAX_TZ_OFFSET_MIN);
  range('anchorAt', state.anchorAt, state.startedAt, state.lastNow);
  range('pausedMs', state.pausedMs, 0, Math.max(0, state.lastNow - state.startedAt));
  if (state.phase !== 'finished') range('elapsedMs', state.elapsedMs, 0, segmentMs(state));
  return state;
}

export function restore(json: string): Validated<EngineState> {
  return readSnapshot(json, readRecord);
}

/**
 * restore() for the cue service, which only plays a session that runs: a snapshot holding a
 * finished session's record comes back as 'finished' without that record being read (the service
 * leaves it stored as it is; the pages read it with restore(), which checks it whole). Everything
 * else is checked exactly as restore() checks it. Keeps the record validators out of the service.
 */
export function restoreUnfinished(json: string): Validated<EngineState> | 'finished' {
  let finished = false;
  const restored = readSnapshot(json, (input, path, problems) => {
    if (input === null) return null;
    if (input === undefined) problems.push({ path, message: 'must be null or the finished session\'s record' });
    else finished = true;
    return null;
  });
  return finished ? 'finished' : restored;
}

function readSnapshot(json: string, recordField: RecordReader): Validated<EngineState> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return invalid([{ path: '', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  if (!isPlainObject(parsed)) return invalid([{ path: '', message: 'must be an object' }]);
  if (parsed['v'] !== SNAPSHOT_VERSION) {
    return invalid([{ path: 'v', message: `must be ${SNAPSHOT_VERSION} (this snapshot has version ${JSON.stringify(parsed['v'])})` }]);
  }
  const fields = parsed['state'];
  if (!isPlainObject(fields)) return invalid([{ path: 'state', message: 'must be an object' }]);
  if (fields['phase'] === 'idle') return valid(IDLE);
  const problems: Problem[] = [];
  const state = readSession(fields, problems, recordField);
  return problems.length > 0 ? invalid(problems) : valid(state);
}
