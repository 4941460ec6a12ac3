// The session record the watch keeps and sends to the phone (docs/design.md §5), its check-in, and
// session ids that stay unique when several watches feed one phone.

import { AREAS, RECORD_VERSION } from '../routines/model';
import type { Routine, SessionRecord, StepRecord } from '../routines/model';
import { invalid, joinPath, valid } from '../kernel/result';
import type { Problem, Validated } from '../kernel/result';
import { isPlainObject } from '../kernel/json';
import { CHECKIN_ANSWER_KEYS } from './checkin-validation';
import { validateRecord } from './record-validation';

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

/**
 * Adds the person's check-in to a finished record: per-area detail (`checkIns`), preset notes and
 * the first-screen answers (`answers`: feeling, hurt, hurtArea, hurtSide, painScore; each optional).
 * Input comes from the check-in page, so it is checked here for what only the watch knows (an
 * area rated must be one worked in this session), then by validateRecord, the one record rule.
 */
export function withCheckIn(record: SessionRecord, checkIns: unknown, notes: unknown, answers: unknown = {}): Validated<SessionRecord> {
  const problems: Problem[] = [];
  const sessionAreas = new Set<string>(record.steps.map((step) => step.area));
  if (Array.isArray(checkIns)) {
    checkIns.forEach((raw: unknown, index) => {
      const area = isPlainObject(raw) ? raw['area'] : undefined;
      if (typeof area === 'string' && (AREAS as readonly string[]).indexOf(area) >= 0 && !sessionAreas.has(area)) {
        problems.push({ path: joinPath(joinPath('checkIn', index), 'area'), message: `must be an area of this session (${area} was not in it)` });
      }
    });
  }
  if (!isPlainObject(answers)) return invalid(problems.concat([{ path: '', message: 'the check-in answers must be an object' }]));
  const fresh: Record<string, unknown> = { ...record, checkIn: checkIns, notes };
  for (const key of CHECKIN_ANSWER_KEYS) delete fresh[key];
  for (const key of Object.keys(answers)) fresh[key] = answers[key];
  const checked = validateRecord(fresh);
  if (!checked.ok) return invalid(checked.problems.concat(problems));
  if (problems.length > 0) return invalid(problems);
  // The record was valid before the check-in: keep its own clock judgement, not the validator's
  // (which has no clock here).
  if (record.clockSuspect === true) return checked;
  const { clockSuspect: _dropped, ...rest } = checked.value;
  return valid(rest);
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
