// The session record the watch keeps and sends to the phone (docs/design.md §5), its check-in, and
// session ids that stay unique when several watches feed one phone.

import { AREAS, PRESET_NOTES, RECORD_VERSION } from './model';
import type { Area, AreaCheckIn, PresetNote, Routine, SessionRecord, StepRecord, Tightness } from './model';
import { invalid, joinPath, valid } from './result';
import type { Problem, Validated } from './result';
import { isPlainObject } from './sync/json';

/** What the engine knows at the end; `steps` has one entry per step of the routine, in order. */
export interface RecordInput extends Pick<SessionRecord, 'startedAt' | 'endedAt' | 'tzOffsetMin' | 'status' | 'steps' | 'painStepIndex' | 'pausedMs'> {
  readonly sessionId: string;
  readonly routine: Routine;
  /** What the plan alone gave each step, in step order (absent: the routine ran as planned). */
  readonly baseSeconds?: readonly number[];
}

/** Each step with `baseMs` where the run's time differs from what the plan alone gave it. */
function withBase(steps: readonly StepRecord[], baseSeconds: readonly number[] | undefined): readonly StepRecord[] {
  if (baseSeconds === undefined) return steps;
  return steps.map((step, index) => {
    const base = baseSeconds[index];
    return base === undefined || base * 1000 === step.plannedMs ? step : { ...step, baseMs: base * 1000 };
  });
}

export function buildRecord(input: RecordInput): SessionRecord {
  const base = {
    v: RECORD_VERSION,
    id: input.sessionId,
    routineId: input.routine.id,
    routineName: input.routine.name,
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    tzOffsetMin: input.tzOffsetMin,
    status: input.status,
    steps: withBase(input.steps, input.baseSeconds),
    checkIn: [],
    notes: [],
  } as const;
  const withPain = input.painStepIndex === undefined ? base : { ...base, painStepIndex: input.painStepIndex };
  // Only a session that was paused says so; the active time is then the span minus the pause.
  return input.pausedMs === undefined || input.pausedMs <= 0 ? withPain : { ...withPain, pausedMs: input.pausedMs };
}

function checkCheckIn(input: unknown, path: string, sessionAreas: ReadonlySet<string>, problems: Problem[]): AreaCheckIn | undefined {
  if (!isPlainObject(input)) {
    problems.push({ path, message: 'must be an object' });
    return undefined;
  }
  const before = problems.length;
  const area = input['area'];
  if (typeof area !== 'string' || (AREAS as readonly string[]).indexOf(area) < 0) {
    problems.push({ path: joinPath(path, 'area'), message: `must be a known area (got ${JSON.stringify(area)})` });
  } else if (!sessionAreas.has(area)) {
    problems.push({ path: joinPath(path, 'area'), message: `must be an area of this session (${area} was not in it)` });
  }
  const tightness = input['tightness'];
  if (typeof tightness !== 'number' || !Number.isInteger(tightness) || tightness < 0 || tightness > 3) {
    problems.push({ path: joinPath(path, 'tightness'), message: 'must be a whole number from 0 to 3' });
  }
  for (const flag of ['newSoreness', 'sidesDiffer', 'pain'] as const) {
    if (typeof input[flag] !== 'boolean') problems.push({ path: joinPath(path, flag), message: 'must be true or false' });
  }
  if (problems.length > before) return undefined;
  return {
    area: area as Area,
    tightness: tightness as Tightness,
    newSoreness: input['newSoreness'] as boolean,
    sidesDiffer: input['sidesDiffer'] as boolean,
    pain: input['pain'] as boolean,
  };
}

/**
 * Adds the person's check-in to a finished record. Input comes from the check-in page or the
 * phone, so it is validated; one rating per area, notes from the preset list, each at most once.
 */
export function withCheckIn(record: SessionRecord, checkIns: unknown, notes: unknown): Validated<SessionRecord> {
  const problems: Problem[] = [];
  const sessionAreas = new Set<string>(record.steps.map((step) => step.area));
  const ratings: AreaCheckIn[] = [];
  if (!Array.isArray(checkIns)) {
    problems.push({ path: 'checkIn', message: 'must be a list' });
  } else {
    const seen = new Set<string>();
    checkIns.forEach((raw: unknown, index) => {
      const path = joinPath('checkIn', index);
      const rating = checkCheckIn(raw, path, sessionAreas, problems);
      if (rating === undefined) return;
      if (seen.has(rating.area)) {
        problems.push({ path: joinPath(path, 'area'), message: `must appear once (${rating.area} is rated twice)` });
        return;
      }
      seen.add(rating.area);
      ratings.push(rating);
    });
  }
  const presetNotes: PresetNote[] = [];
  if (!Array.isArray(notes)) {
    problems.push({ path: 'notes', message: 'must be a list' });
  } else {
    notes.forEach((note: unknown, index) => {
      const path = joinPath('notes', index);
      if (typeof note !== 'string' || (PRESET_NOTES as readonly string[]).indexOf(note) < 0) {
        problems.push({ path, message: `must be one of ${PRESET_NOTES.join(', ')}` });
      } else if (presetNotes.indexOf(note as PresetNote) >= 0) {
        problems.push({ path, message: `must appear once (${note} is repeated)` });
      } else {
        presetNotes.push(note as PresetNote);
      }
    });
  }
  if (problems.length > 0) return invalid(problems);
  return valid({ ...record, checkIn: ratings, notes: presetNotes });
}

const ID_RANDOM_CHARS = 8;

function deviceChunk(deviceKey: string): string {
  const cleaned = deviceKey.toLowerCase().replace(/[^a-z0-9]/g, '');
  // The tail of a serial or device id varies most between watches of one model.
  return (cleaned.length > 0 ? cleaned.slice(-8) : 'watch');
}

/**
 * A session id unique across watches: device part, start time and a random part, so two
 * watches starting in the same millisecond, or one watch after a reset, still never collide.
 */
export function newSessionId(deviceKey: string, now: number, random: () => number): string {
  let tail = '';
  while (tail.length < ID_RANDOM_CHARS) {
    const r = random();
    const digit = Math.floor((Number.isFinite(r) ? Math.min(Math.max(r, 0), 0.999999) : 0) * 36);
    tail += digit.toString(36);
  }
  return `${deviceChunk(deviceKey)}-${Math.max(0, Math.floor(now)).toString(36)}-${tail}`;
}
