// Checks a session record coming from storage or over the link before anything stores or shows
// it. The limits are generous for real sessions and tight enough that a broken or hostile
// sender cannot fill phone storage or the watch's memory.

import type { AreaCheckIn, PresetNote, ProgressionAnswer, SessionRecord, StepRecord } from '../routines/model';
import { CHECKIN_ANSWER_KEYS, MAX_RECORD_CHECK_INS, readCheckInAnswers, readCheckIns } from './checkin-validation';
import { AREAS, PRESET_NOTES, RECORD_VERSION, SESSION_STATUSES, SIDES } from '../routines/model';
import type { Validated } from '../kernel/result';
import { invalid, joinPath, valid } from '../kernel/result';
import type { ProblemList } from '../kernel/checks';
import {
  NO_CONTROL,
  NO_CONTROL_MESSAGE,
  PRINTABLE_ID,
  PRINTABLE_ID_MESSAGE,
  checkEnum,
  checkKnownKeys,
  expectObject,
  readArray,
  readBoolean,
  readEnum,
  readInteger,
  readString,
} from '../kernel/checks';
import { MAX_EXTRA_MS } from '../routines/model';
import { jsonByteLength } from '../kernel/json';
import { migrateRecord } from './record-migration';

export const MAX_ID_LENGTH = 64;
/** Above ROUTINE_LIMITS.nameMaxLength (40) so records from older apps still read; same character rule. */
export const MAX_ROUTINE_NAME_LENGTH = 60;
export const MAX_RECORD_STEPS = 30;
export { MAX_RECORD_CHECK_INS };
/**
 * Nothing before Knead existed, so a record starting earlier came from a clock that was never set
 * (1970, 2000, the 2019 firmware default). Such a record is still stored, flagged `clockSuspect`.
 */
export const EARLIEST_START_MS = Date.UTC(2020, 0, 1);
/** Bound of one step's planned time in a record (routines allow far less). */
export const MAX_STEP_MS = 3 * 60 * 60 * 1000;
/** Watch and phone clocks may disagree; beyond a day the record's clock was simply wrong (flagged, kept). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
export const MIN_TZ_OFFSET_MIN = -720;
export const MAX_TZ_OFFSET_MIN = 840;
/**
 * How far a step may run past its plan: "+30 s" may be pressed repeatedly; ten presses is far
 * beyond real use and still bounds the number. Keep in step with the engine's extend limit.
 */
export const STEP_EXTENSION_ALLOWANCE_MS = MAX_EXTRA_MS;
/** A valid record is far below this (about 7 KB with every list full); see MAX_PUSH_BYTES. */
export const MAX_RECORD_BYTES = 8 * 1024;

const RECORD_KEYS = [
  'v', 'id', 'routineId', 'routineName', 'startedAt', 'endedAt', 'tzOffsetMin', 'status', 'steps',
  'painStepIndex', 'checkIn', 'notes', 'pausedMs', 'clockSuspect', 'progression', ...CHECKIN_ANSWER_KEYS,
] as const;
const STEP_KEYS = ['area', 'side', 'plannedMs', 'doneMs', 'skipped', 'baseMs'] as const;
const ANSWER_KEYS = ['week', 'choice', 'area'] as const;
const ANSWER_CHOICES = ['accepted', 'declined'] as const;
/** Progression answers a record may carry (the watch sends its last 12; an answer comes at most every five weeks). */
export const MAX_RECORD_ANSWERS = 12;
/** A week is a local day number (days since 1970); anything past year 2200 is not a real week. */
const MAX_WEEK_DAY = 84_000;

/** The one rule for a session id, used by the validator, the watch's outbox and the protocol parser. */
export const ID_RULE = { min: 1, max: MAX_ID_LENGTH, pattern: PRINTABLE_ID, patternMessage: PRINTABLE_ID_MESSAGE } as const;

/** True when `id` is a session id both ends accept. */
export function isSessionId(id: unknown): id is string {
  return typeof id === 'string' && id.length >= ID_RULE.min && id.length <= ID_RULE.max && ID_RULE.pattern.test(id);
}

/**
 * Whether the record's clock looks wrong: before Knead existed, or more than a day ahead of the
 * checker's clock. Not a reason to refuse it (the session happened; the person can still see it).
 */
export function isClockSuspect(startedAt: number, now?: number): boolean {
  return startedAt < EARLIEST_START_MS || (now !== undefined && startedAt > now + MAX_FUTURE_MS);
}

/**
 * Validates (and first migrates) a session record: the one definition of a valid record, used by
 * the watch before queueing and by the phone before storing. Returns a fresh object holding only
 * the known fields, so prototype tricks in the input ("__proto__" keys) never reach storage. A
 * record whose clock looks wrong (see isClockSuspect; `now` is the checker's clock) is valid and
 * comes back flagged `clockSuspect: true`.
 */
export function validateRecord(input: unknown, path = '', now?: number): Validated<SessionRecord> {
  const migrated = migrateRecord(input, path);
  if (!migrated.ok) return migrated;
  const problems: ProblemList = [];
  const obj = expectObject(migrated.value, path, problems, 'a session record (an object)');
  if (obj === undefined) return invalid(problems);
  checkKnownKeys(obj, RECORD_KEYS, path, problems);

  if (obj['v'] !== RECORD_VERSION) {
    problems.push({ path: joinPath(path, 'v'), message: obj['v'] === undefined ? 'is required' : `must be ${RECORD_VERSION}` });
  }
  const id = readString(obj, 'id', path, problems, ID_RULE);
  const routineId = readString(obj, 'routineId', path, problems, ID_RULE);
  const routineName = readString(obj, 'routineName', path, problems, {
    min: 1, max: MAX_ROUTINE_NAME_LENGTH, pattern: NO_CONTROL, patternMessage: NO_CONTROL_MESSAGE,
  });
  const startedAt = readInteger(obj, 'startedAt', path, problems, 0, Number.MAX_SAFE_INTEGER);
  const endedAt = readInteger(obj, 'endedAt', path, problems, 0, Number.MAX_SAFE_INTEGER);
  // No upper bound on the span: a session paused overnight, or with every step extended, is
  // recorded as it happened (pausedMs says how much of the span was a pause).
  if (startedAt !== undefined && endedAt !== undefined && endedAt < startedAt) {
    problems.push({ path: joinPath(path, 'endedAt'), message: 'must not be before startedAt' });
  }
  const pausedMs = readOptionalPausedMs(obj, path, problems, startedAt, endedAt);
  const flagged = readOptionalTrue(obj, 'clockSuspect', path, problems);
  const tzOffsetMin = readInteger(obj, 'tzOffsetMin', path, problems, MIN_TZ_OFFSET_MIN, MAX_TZ_OFFSET_MIN);
  const status = readEnum(obj, 'status', path, problems, SESSION_STATUSES);
  const steps = readSteps(obj, path, problems);
  const painStepIndex = readPainStepIndex(obj, path, problems, status, steps);
  const checkIn = readCheckIns(obj, path, problems);
  const answers = readCheckInAnswers(obj, path, problems, status, steps);
  const notes = readNotes(obj, path, problems);
  const progression = readProgression(obj, path, problems);

  if (problems.length > 0) return invalid(problems);
  const record: SessionRecord = {
    v: RECORD_VERSION,
    id: id as string,
    routineId: routineId as string,
    routineName: routineName as string,
    startedAt: startedAt as number,
    endedAt: endedAt as number,
    tzOffsetMin: tzOffsetMin as number,
    status: status as SessionRecord['status'],
    steps: steps as StepRecord[],
    ...(painStepIndex === undefined ? {} : { painStepIndex }),
    checkIn: checkIn as AreaCheckIn[],
    notes: notes as PresetNote[],
    ...(pausedMs === undefined ? {} : { pausedMs }),
    ...(flagged === true || isClockSuspect(startedAt as number, now) ? { clockSuspect: true as const } : {}),
    ...(progression === undefined ? {} : { progression }),
    ...answers,
  };
  const bytes = jsonByteLength(record);
  if (bytes > MAX_RECORD_BYTES) {
    return invalid([{ path, message: `is too large (${bytes} bytes; at most ${MAX_RECORD_BYTES})` }]);
  }
  return valid(record);
}

function readSteps(obj: Record<string, unknown>, path: string, problems: ProblemList): StepRecord[] | undefined {
  const list = readArray(obj, 'steps', path, problems, MAX_RECORD_STEPS);
  if (list === undefined) return undefined;
  const before = problems.length;
  const steps: StepRecord[] = [];
  list.forEach((raw, index) => {
    const at = joinPath(joinPath(path, 'steps'), index);
    const step = expectObject(raw, at, problems);
    if (step === undefined) return;
    checkKnownKeys(step, STEP_KEYS, at, problems);
    const area = readEnum(step, 'area', at, problems, AREAS);
    const side = readEnum(step, 'side', at, problems, SIDES);
    const plannedMs = readInteger(step, 'plannedMs', at, problems, 0, MAX_STEP_MS);
    const doneMs = readInteger(step, 'doneMs', at, problems, 0, MAX_STEP_MS + STEP_EXTENSION_ALLOWANCE_MS);
    const skipped = readBoolean(step, 'skipped', at, problems);
    // Optional (records before adaptation have none): what the plan alone gave the step.
    const baseMs = step['baseMs'] === undefined ? undefined : readInteger(step, 'baseMs', at, problems, 0, MAX_STEP_MS);
    if (plannedMs !== undefined && doneMs !== undefined && doneMs > plannedMs + STEP_EXTENSION_ALLOWANCE_MS) {
      problems.push({ path: joinPath(at, 'doneMs'), message: `must be at most plannedMs + ${STEP_EXTENSION_ALLOWANCE_MS / 1000} s` });
    }
    if (area !== undefined && side !== undefined && plannedMs !== undefined && doneMs !== undefined && skipped !== undefined) {
      steps.push(baseMs === undefined ? { area, side, plannedMs, doneMs, skipped } : { area, side, plannedMs, doneMs, skipped, baseMs });
    }
  });
  return problems.length === before ? steps : undefined;
}

function readOptionalPausedMs(
  obj: Record<string, unknown>,
  path: string,
  problems: ProblemList,
  startedAt: number | undefined,
  endedAt: number | undefined,
): number | undefined {
  if (!Object.prototype.hasOwnProperty.call(obj, 'pausedMs') || obj['pausedMs'] === undefined) return undefined;
  const span = startedAt !== undefined && endedAt !== undefined && endedAt >= startedAt ? endedAt - startedAt : Number.MAX_SAFE_INTEGER;
  return readInteger(obj, 'pausedMs', path, problems, 0, span);
}

function readOptionalTrue(obj: Record<string, unknown>, key: string, path: string, problems: ProblemList): true | undefined {
  if (!Object.prototype.hasOwnProperty.call(obj, key) || obj[key] === undefined) return undefined;
  if (obj[key] === true) return true;
  problems.push({ path: joinPath(path, key), message: 'must be true when present' });
  return undefined;
}

function readPainStepIndex(
  obj: Record<string, unknown>,
  path: string,
  problems: ProblemList,
  status: string | undefined,
  steps: readonly StepRecord[] | undefined,
): number | undefined {
  const at = joinPath(path, 'painStepIndex');
  const present = Object.prototype.hasOwnProperty.call(obj, 'painStepIndex') && obj['painStepIndex'] !== undefined;
  if (status !== 'pain') {
    if (present && status !== undefined) problems.push({ path: at, message: "is only allowed when status is 'pain'" });
    return undefined;
  }
  if (!present) {
    problems.push({ path: at, message: "is required when status is 'pain'" });
    return undefined;
  }
  const last = steps === undefined ? MAX_RECORD_STEPS - 1 : Math.max(0, steps.length - 1);
  return readInteger(obj, 'painStepIndex', path, problems, 0, last);
}

function readNotes(obj: Record<string, unknown>, path: string, problems: ProblemList): PresetNote[] | undefined {
  const list = readArray(obj, 'notes', path, problems, PRESET_NOTES.length);
  if (list === undefined) return undefined;
  const before = problems.length;
  const notes: PresetNote[] = [];
  list.forEach((raw, index) => {
    const at = joinPath(joinPath(path, 'notes'), index);
    const note = checkEnum(typeof raw === 'string' ? raw : String(typeof raw), at, problems, PRESET_NOTES);
    if (note === undefined) return;
    if (notes.indexOf(note) >= 0) problems.push({ path: at, message: `repeats ${note}` });
    else notes.push(note);
  });
  return problems.length === before ? notes : undefined;
}

/**
 * One progression answer, or undefined when it is not one: the one rule for its shape, used by this
 * validator and by the watch's lenient reader of its own answers (core/watch/progression-store).
 */
export function readProgressionAnswer(raw: unknown, at = '', problems: ProblemList = []): ProgressionAnswer | undefined {
  const before = problems.length;
  const entry = expectObject(raw, at, problems);
  if (entry === undefined) return undefined;
  checkKnownKeys(entry, ANSWER_KEYS, at, problems);
  const week = readInteger(entry, 'week', at, problems, 0, MAX_WEEK_DAY);
  const choice = readEnum(entry, 'choice', at, problems, ANSWER_CHOICES);
  const area = entry['area'] === undefined ? undefined : readEnum(entry, 'area', at, problems, AREAS);
  if (problems.length > before || week === undefined || choice === undefined) return undefined;
  return area === undefined ? { week, choice } : { week, choice, area };
}

function readProgression(obj: Record<string, unknown>, path: string, problems: ProblemList): ProgressionAnswer[] | undefined {
  if (obj['progression'] === undefined) return undefined;
  const list = readArray(obj, 'progression', path, problems, MAX_RECORD_ANSWERS);
  if (list === undefined) return undefined;
  const before = problems.length;
  const answers: ProgressionAnswer[] = [];
  list.forEach((raw, index) => {
    const answer = readProgressionAnswer(raw, joinPath(joinPath(path, 'progression'), index), problems);
    if (answer !== undefined) answers.push(answer);
  });
  return problems.length === before ? answers : undefined;
}
