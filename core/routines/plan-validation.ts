// Checks a therapist plan from the Settings App editor, from storage, from an import or from the
// phone over the link. Custom routines are checked by core/routines/routine-validation; this module adds
// what only makes sense for a plan as a whole (overlapping areas, assignments that exist).

import { LIBRARY } from './library';
import type { Area, AreaAdvice, Routine, TherapistPlan } from './model';
import { AREAS, PLAN_VERSION, TOOLS } from './model';
import type { Validated } from '../kernel/result';
import { MAX_PLAN_BYTES } from './plan-limits';
import { invalid, joinPath, valid } from '../kernel/result';
import { validateRoutines } from './routine-validation';
import type { ProblemList } from '../kernel/checks';
import { jsonByteLength } from '../kernel/json';
import { NO_CONTROL, NO_CONTROL_MESSAGE, checkEnum, checkKnownKeys, checkString, expectObject, readArray, readInteger, readVersion } from '../kernel/checks';

export const MAX_WEEKLY_TARGET = 14;
export const MAX_CUSTOM_ROUTINES = 20;
export const MAX_ASSIGNED_ROUTINES = 20;
/** One line on a watch screen: longer advice would scroll past the steps it is about. */
export const MAX_TECHNIQUE_LENGTH = 80;
export const MAX_PLAN_NOTE_LENGTH = 300;

const PLAN_KEYS = ['v', 'focusAreas', 'avoidAreas', 'weeklyTarget', 'assignedRoutineIds', 'customRoutines', 'updatedAt', 'advice', 'note', 'targetSince'] as const;
const ADVICE_KEYS = ['area', 'tool', 'technique'] as const;
/** One line: no line breaks or other control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const ONE_LINE = /^[^\x00-\x1f\x7f]*$/;

export function validatePlan(input: unknown, path = ''): Validated<TherapistPlan> {
  const problems: ProblemList = [];
  const obj = expectObject(input, path, problems, 'a plan (an object)');
  if (obj === undefined) return invalid(problems);
  const version = readVersion(obj, path, problems, 'plan', PLAN_VERSION);
  if (version === undefined && problems.some((p) => p.message.indexOf('newer than this app') >= 0)) return invalid(problems);
  if (version !== undefined && version !== PLAN_VERSION) problems.push({ path: joinPath(path, 'v'), message: `must be ${PLAN_VERSION}` });
  checkKnownKeys(obj, PLAN_KEYS, path, problems);
  const focusAreas = readAreas(obj, 'focusAreas', path, problems);
  const avoidAreas = readAreas(obj, 'avoidAreas', path, problems);
  if (focusAreas !== undefined && avoidAreas !== undefined) {
    for (const area of focusAreas) {
      if (avoidAreas.indexOf(area) >= 0) {
        problems.push({ path: joinPath(path, 'avoidAreas'), message: `must not include ${area}, which is also a focus area` });
      }
    }
  }
  const weeklyTarget = readInteger(obj, 'weeklyTarget', path, problems, 0, MAX_WEEKLY_TARGET);
  const updatedAt = readInteger(obj, 'updatedAt', path, problems, 0, Number.MAX_SAFE_INTEGER);
  const customRoutines = readCustomRoutines(obj, path, problems);
  const assignedRoutineIds = readAssigned(obj, path, problems, customRoutines);
  const advice = obj['advice'] === undefined ? null : readAdvice(obj, path, problems, avoidAreas);
  const note = obj['note'] === undefined ? null : checkString(obj['note'], joinPath(path, 'note'), problems, { max: MAX_PLAN_NOTE_LENGTH, pattern: NO_CONTROL, patternMessage: NO_CONTROL_MESSAGE });
  const targetSince = obj['targetSince'] === undefined ? null : readInteger(obj, 'targetSince', path, problems, 0, Number.MAX_SAFE_INTEGER);
  if (problems.length > 0) return invalid(problems);
  const plan: TherapistPlan = {
    v: PLAN_VERSION,
    focusAreas: focusAreas as Area[],
    avoidAreas: avoidAreas as Area[],
    weeklyTarget: weeklyTarget as number,
    assignedRoutineIds: assignedRoutineIds as string[],
    customRoutines: customRoutines as Routine[],
    updatedAt: updatedAt as number,
  };
  // Optional fields stay absent when absent, so plans from before them keep their exact JSON.
  const withAdvice = advice === null || advice === undefined ? plan : { ...plan, advice };
  const withNote = note === null || note === undefined ? withAdvice : { ...withAdvice, note };
  const complete = targetSince === null || targetSince === undefined ? withNote : { ...withNote, targetSince };
  // The same bound the watch applies to the plan.get reply (core/sync/protocol), so a plan the
  // phone saves is always one the watch takes.
  const bytes = jsonByteLength(complete);
  if (bytes > MAX_PLAN_BYTES) {
    return invalid([{ path: '', message: `the plan is too large to send to the watch (${bytes} bytes; at most ${MAX_PLAN_BYTES}): shorten hints or remove a custom routine` }]);
  }
  return valid(complete);
}

function readAdvice(obj: Record<string, unknown>, path: string, problems: ProblemList, avoid: readonly Area[] | undefined): AreaAdvice[] | undefined {
  const list = readArray(obj, 'advice', path, problems, AREAS.length);
  if (list === undefined) return undefined;
  const before = problems.length;
  const out: AreaAdvice[] = [];
  list.forEach((raw, index) => {
    const at = joinPath(joinPath(path, 'advice'), index);
    const item = expectObject(raw, at, problems, 'an object with area, tool and technique');
    if (item === undefined) return;
    checkKnownKeys(item, ADVICE_KEYS, at, problems);
    const area = checkEnum(item['area'], joinPath(at, 'area'), problems, AREAS);
    const tool = checkEnum(item['tool'], joinPath(at, 'tool'), problems, TOOLS);
    const technique = checkString(item['technique'], joinPath(at, 'technique'), problems, { max: MAX_TECHNIQUE_LENGTH, pattern: ONE_LINE, patternMessage: 'must be one line (no line breaks or control characters)' });
    if (area === undefined || tool === undefined || technique === undefined) return;
    if (out.some((a) => a.area === area)) problems.push({ path: joinPath(at, 'area'), message: `repeats ${area}: one piece of advice per area` });
    else if (avoid !== undefined && avoid.indexOf(area) >= 0) problems.push({ path: joinPath(at, 'area'), message: `is ${area}, which the plan says to avoid` });
    else out.push({ area, tool, technique });
  });
  return problems.length === before ? out : undefined;
}

function readAreas(obj: Record<string, unknown>, key: string, path: string, problems: ProblemList): Area[] | undefined {
  const list = readArray(obj, key, path, problems, AREAS.length);
  if (list === undefined) return undefined;
  const before = problems.length;
  const areas: Area[] = [];
  list.forEach((raw, index) => {
    const at = joinPath(joinPath(path, key), index);
    const area = checkEnum(typeof raw === 'string' ? raw : String(typeof raw), at, problems, AREAS);
    if (area === undefined) return;
    if (areas.indexOf(area) >= 0) problems.push({ path: at, message: `repeats ${area}` });
    else areas.push(area);
  });
  return problems.length === before ? areas : undefined;
}

function readCustomRoutines(obj: Record<string, unknown>, path: string, problems: ProblemList): readonly Routine[] | undefined {
  const at = joinPath(path, 'customRoutines');
  const list = readArray(obj, 'customRoutines', path, problems, MAX_CUSTOM_ROUTINES);
  if (list === undefined) return undefined;
  const checked = validateRoutines(list, at);
  if (!checked.ok) {
    problems.push(...checked.problems);
    return undefined;
  }
  const before = problems.length;
  checked.value.forEach((routine, index) => {
    if (LIBRARY.some((r) => r.id === routine.id)) {
      problems.push({ path: joinPath(joinPath(at, index), 'id'), message: `must differ from the built-in routine '${routine.id}'` });
    }
  });
  return problems.length === before ? checked.value : undefined;
}

function readAssigned(obj: Record<string, unknown>, path: string, problems: ProblemList, custom: readonly Routine[] | undefined): string[] | undefined {
  const list = readArray(obj, 'assignedRoutineIds', path, problems, MAX_ASSIGNED_ROUTINES);
  if (list === undefined) return undefined;
  const before = problems.length;
  const ids: string[] = [];
  list.forEach((raw, index) => {
    const at = joinPath(joinPath(path, 'assignedRoutineIds'), index);
    const id = checkString(raw, at, problems, { min: 1, max: 64 });
    if (id === undefined) return;
    if (ids.indexOf(id) >= 0) {
      problems.push({ path: at, message: `repeats '${id}'` });
      return;
    }
    const exists = LIBRARY.some((r) => r.id === id) || (custom !== undefined && custom.some((r) => r.id === id));
    // Without readable custom routines we cannot tell; their own problems are already reported.
    if (!exists && custom !== undefined) problems.push({ path: at, message: `names no built-in or custom routine ('${id}')` });
    ids.push(id);
  });
  return problems.length === before ? ids : undefined;
}
