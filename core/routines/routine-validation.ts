// Routines arrive from the phone (custom and assigned ones), from storage and from imports, so
// they are checked here before the watch ever shows or runs them. Every problem is reported at
// once with its path, so the routine editor can mark each field and the logs say exactly what
// was wrong.

import { AREAS, PAIRED_AREAS, SIDES, TOOLS } from './model';
import type { Area, Routine, Side, Step, Tool } from './model';
import { invalid, joinPath, valid } from '../kernel/result';
import type { Problem, Validated } from '../kernel/result';
import { NO_CONTROL, NO_CONTROL_MESSAGE } from '../kernel/checks';
import { isPlainObject } from '../kernel/json';

export const ROUTINE_LIMITS = {
  idMaxLength: 40,
  nameMaxLength: 40,
  minSteps: 1,
  maxSteps: 30,
  minStepSeconds: 10,
  maxStepSeconds: 600,
  hintMaxLength: 120,
  /** A whole routine; longer sessions are not "daily upkeep" and would strain tissue. */
  maxTotalSeconds: 60 * 60,
} as const;

const ID_PATTERN = /^[a-z0-9-]+$/;

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).indexOf(value) >= 0;
}

function formatDuration(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** Checks a text field; returns the text when it is usable so the caller can build the value. */
function checkText(
  input: unknown,
  path: string,
  maxLength: number,
  problems: Problem[],
  allowEmpty: boolean,
): string | undefined {
  if (input === undefined) {
    problems.push({ path, message: 'is required' });
    return undefined;
  }
  if (typeof input !== 'string') {
    problems.push({ path, message: 'must be text' });
    return undefined;
  }
  if (!allowEmpty && input.trim() === '') {
    problems.push({ path, message: 'must not be empty' });
    return undefined;
  }
  if (input.length > maxLength) {
    problems.push({ path, message: `must be at most ${maxLength} characters (it has ${input.length})` });
    return undefined;
  }
  // The same rule as a session record's routineName: a name saved here must never make its
  // sessions unsendable (core/records/record-validation checks the record with NO_CONTROL too).
  if (!NO_CONTROL.test(input)) {
    problems.push({ path, message: NO_CONTROL_MESSAGE });
    return undefined;
  }
  return input;
}

function checkId(input: unknown, path: string, problems: Problem[]): string | undefined {
  const id = checkText(input, path, ROUTINE_LIMITS.idMaxLength, problems, false);
  if (id === undefined) return undefined;
  if (!ID_PATTERN.test(id)) {
    problems.push({ path, message: 'must use only lowercase letters a-z, digits and "-"' });
    return undefined;
  }
  return id;
}

function checkStep(input: unknown, path: string, problems: Problem[]): Step | undefined {
  if (!isPlainObject(input)) {
    problems.push({ path, message: 'must be an object' });
    return undefined;
  }
  const before = problems.length;
  const area = input['area'];
  if (!includes(AREAS, area)) {
    problems.push({ path: joinPath(path, 'area'), message: `must be a known area (got ${JSON.stringify(area)})` });
  }
  const side = input['side'];
  if (!includes(SIDES, side)) {
    problems.push({ path: joinPath(path, 'side'), message: 'must be left, right or both' });
  } else if (side !== 'both' && includes(AREAS, area) && !PAIRED_AREAS.has(area)) {
    problems.push({ path: joinPath(path, 'side'), message: `must be both: ${area} has no left and right` });
  }
  const seconds = input['seconds'];
  if (typeof seconds !== 'number' || !Number.isInteger(seconds)) {
    problems.push({ path: joinPath(path, 'seconds'), message: 'must be a whole number of seconds' });
  } else if (seconds < ROUTINE_LIMITS.minStepSeconds || seconds > ROUTINE_LIMITS.maxStepSeconds) {
    problems.push({
      path: joinPath(path, 'seconds'),
      message: `must be between ${ROUTINE_LIMITS.minStepSeconds} and ${ROUTINE_LIMITS.maxStepSeconds}`,
    });
  }
  const tool = input['tool'];
  if (!includes(TOOLS, tool)) {
    problems.push({ path: joinPath(path, 'tool'), message: `must be one of ${TOOLS.join(', ')}` });
  }
  // A hint is optional for custom routines: people often leave it blank, so absent means ''.
  const rawHint = input['hint'] === undefined ? '' : input['hint'];
  const hint = checkText(rawHint, joinPath(path, 'hint'), ROUTINE_LIMITS.hintMaxLength, problems, true);
  if (problems.length > before) return undefined;
  return { area: area as Area, side: side as Side, seconds: seconds as number, tool: tool as Tool, hint: hint as string };
}

export function validateRoutine(input: unknown, path = ''): Validated<Routine> {
  const problems: Problem[] = [];
  if (!isPlainObject(input)) return invalid([{ path, message: 'must be an object' }]);
  const id = checkId(input['id'], joinPath(path, 'id'), problems);
  const name = checkText(input['name'], joinPath(path, 'name'), ROUTINE_LIMITS.nameMaxLength, problems, false);
  const stepsPath = joinPath(path, 'steps');
  const rawSteps = input['steps'];
  const steps: Step[] = [];
  if (!Array.isArray(rawSteps)) {
    problems.push({ path: stepsPath, message: rawSteps === undefined ? 'is required' : 'must be a list' });
  } else {
    if (rawSteps.length < ROUTINE_LIMITS.minSteps) {
      problems.push({ path: stepsPath, message: 'must have at least 1 step' });
    } else if (rawSteps.length > ROUTINE_LIMITS.maxSteps) {
      problems.push({ path: stepsPath, message: `must have at most ${ROUTINE_LIMITS.maxSteps} steps (it has ${rawSteps.length})` });
    }
    rawSteps.forEach((raw: unknown, index) => {
      const step = checkStep(raw, joinPath(stepsPath, index), problems);
      if (step) steps.push(step);
    });
    // The total is only meaningful when every step's time could be read.
    if (steps.length === rawSteps.length) {
      const total = steps.reduce((sum, step) => sum + step.seconds, 0);
      if (total > ROUTINE_LIMITS.maxTotalSeconds) {
        problems.push({
          path: stepsPath,
          message: `must add up to at most ${formatDuration(ROUTINE_LIMITS.maxTotalSeconds)} (they add up to ${formatDuration(total)})`,
        });
      }
    }
  }
  if (problems.length > 0 || id === undefined || name === undefined) return invalid(problems);
  return valid({ id, name, steps });
}

export function validateRoutines(input: unknown, path = ''): Validated<readonly Routine[]> {
  if (!Array.isArray(input)) return invalid([{ path, message: 'must be a list' }]);
  const problems: Problem[] = [];
  const routines: Routine[] = [];
  const firstIndexById = new Map<string, number>();
  input.forEach((raw: unknown, index) => {
    const itemPath = joinPath(path, index);
    const result = validateRoutine(raw, itemPath);
    if (!result.ok) {
      problems.push(...result.problems);
      return;
    }
    const first = firstIndexById.get(result.value.id);
    if (first !== undefined) {
      problems.push({
        path: joinPath(itemPath, 'id'),
        message: `must be unique: "${result.value.id}" is also the id of ${joinPath(path, first)}`,
      });
      return;
    }
    firstIndexById.set(result.value.id, index);
    routines.push(result.value);
  });
  return problems.length > 0 ? invalid(problems) : valid(routines);
}
