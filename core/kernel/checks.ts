// Small field readers shared by the record, protocol and plan validators. Each one appends a
// Problem (path + message that reads on from the path) instead of throwing, so a validator
// reports every problem at once.

import type { Problem } from './result';
import { joinPath } from './result';
import { hasOwn, isPlainObject, shorten } from './json';

export type ProblemList = Problem[];

export function expectObject(
  input: unknown,
  path: string,
  problems: ProblemList,
  what = 'an object',
): Record<string, unknown> | undefined {
  if (isPlainObject(input)) return input;
  problems.push({ path, message: `must be ${what}` });
  return undefined;
}

/** Unknown fields are refused: records are stored verbatim, so extras would be stored forever. */
export function checkKnownKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  problems: ProblemList,
): void {
  for (const key of Object.keys(obj)) {
    if (allowed.indexOf(key) < 0) {
      problems.push({ path: joinPath(path, shorten(key)), message: 'is not a known field' });
    }
  }
}

function field(obj: Record<string, unknown>, key: string): unknown {
  return hasOwn(obj, key) ? obj[key] : undefined;
}

export interface StringRule {
  readonly min?: number;
  readonly max: number;
  /** Describes the allowed characters when `pattern` refuses a value. */
  readonly pattern?: RegExp;
  readonly patternMessage?: string;
}

export function checkString(value: unknown, path: string, problems: ProblemList, rule: StringRule): string | undefined {
  if (typeof value !== 'string') {
    problems.push({ path, message: value === undefined ? 'is required' : 'must be a string' });
    return undefined;
  }
  const min = rule.min === undefined ? 0 : rule.min;
  if (value.length < min) {
    problems.push({ path, message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` });
    return undefined;
  }
  if (value.length > rule.max) {
    problems.push({ path, message: `must be at most ${rule.max} characters (got ${value.length})` });
    return undefined;
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    problems.push({ path, message: rule.patternMessage === undefined ? 'has characters that are not allowed' : rule.patternMessage });
    return undefined;
  }
  return value;
}

export function readString(obj: Record<string, unknown>, key: string, path: string, problems: ProblemList, rule: StringRule): string | undefined {
  return checkString(field(obj, key), joinPath(path, key), problems, rule);
}

export function checkInteger(value: unknown, path: string, problems: ProblemList, min: number, max: number): number | undefined {
  if (value === undefined) {
    problems.push({ path, message: 'is required' });
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.push({ path, message: `must be an integer between ${min} and ${max}` });
    return undefined;
  }
  return value;
}

export function readInteger(obj: Record<string, unknown>, key: string, path: string, problems: ProblemList, min: number, max: number): number | undefined {
  return checkInteger(field(obj, key), joinPath(path, key), problems, min, max);
}

export function readBoolean(obj: Record<string, unknown>, key: string, path: string, problems: ProblemList): boolean | undefined {
  const value = field(obj, key);
  const at = joinPath(path, key);
  if (typeof value === 'boolean') return value;
  problems.push({ path: at, message: value === undefined ? 'is required' : 'must be true or false' });
  return undefined;
}

export function checkEnum<T extends string>(value: unknown, path: string, problems: ProblemList, values: readonly T[]): T | undefined {
  for (const candidate of values) if (candidate === value) return candidate;
  problems.push({ path, message: value === undefined ? 'is required' : `must be one of: ${values.join(', ')}` });
  return undefined;
}

export function readEnum<T extends string>(obj: Record<string, unknown>, key: string, path: string, problems: ProblemList, values: readonly T[]): T | undefined {
  return checkEnum(field(obj, key), joinPath(path, key), problems, values);
}

export function readArray(obj: Record<string, unknown>, key: string, path: string, problems: ProblemList, max: number): readonly unknown[] | undefined {
  const value = field(obj, key);
  const at = joinPath(path, key);
  if (!Array.isArray(value)) {
    problems.push({ path: at, message: value === undefined ? 'is required' : 'must be a list' });
    return undefined;
  }
  if (value.length > max) {
    problems.push({ path: at, message: `must have at most ${max} entries (got ${value.length})` });
    return undefined;
  }
  return value as readonly unknown[];
}

/** Reads `v` for versioned documents; a newer version gets the "update Knead" message. */
export function readVersion(
  obj: Record<string, unknown>,
  path: string,
  problems: ProblemList,
  what: string,
  current: number,
): number | undefined {
  const value = field(obj, 'v');
  const at = joinPath(path, 'v');
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    problems.push({ path: at, message: value === undefined ? 'is required' : 'must be a version number' });
    return undefined;
  }
  if (value > current) {
    // No path prefix: "plan version 2 is newer…" reads right wherever the plan was nested.
    problems.push(newerVersionProblem('', what, value, current));
    return undefined;
  }
  return value;
}

/** The problem of a value a newer Knead wrote: marked so a refusal for it waits for an update. */
export function newerVersionProblem(path: string, what: string, found: number, current: number): Problem {
  return { path, message: newerVersionMessage(what, found, current), kind: 'newer-version' };
}

export function newerVersionMessage(what: string, found: number, current: number): string {
  return `${what} version ${found} is newer than this app understands (${current}); update Knead`;
}

export const PRINTABLE_ID = /^[\x21-\x7e]+$/;
export const PRINTABLE_ID_MESSAGE = 'must use only visible ASCII characters (no spaces)';
/** Text a person typed: anything except control characters. */
// eslint-disable-next-line no-control-regex
export const NO_CONTROL = /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$/;
export const NO_CONTROL_MESSAGE = 'must not contain control characters';
