// The field checks every hand-written validator uses (core/kernel/checks.ts): bad input gets a
// clear error that names the field (its path) and what is wrong, limits are inclusive, and every
// problem is reported at once.

import { describe, expect, it } from 'vitest';
import type { ProblemList } from '../../../core/kernel/checks';
import {
  NO_CONTROL,
  PRINTABLE_ID,
  checkEnum,
  checkInteger,
  checkKnownKeys,
  checkString,
  expectObject,
  newerVersionProblem,
  readArray,
  readBoolean,
  readEnum,
  readInteger,
  readString,
  readVersion,
} from '../../../core/kernel/checks';
import { describeProblems, formatProblem, joinPath } from '../../../core/kernel/result';

function problemsOf(run: (problems: ProblemList) => unknown): ProblemList {
  const problems: ProblemList = [];
  run(problems);
  return problems;
}

describe('kernel field checks', () => {
  it('checks - an object is required where one is expected, in the validator\'s words', () => {
    const problems: ProblemList = [];
    expect(expectObject({ a: 1 }, 'x', problems)).toEqual({ a: 1 });
    expect(expectObject([], 'x', problems)).toBeUndefined();
    expect(expectObject(null, 'y', problems, 'a plan (an object)')).toBeUndefined();
    expect(problems).toEqual([
      { path: 'x', message: 'must be an object' },
      { path: 'y', message: 'must be a plan (an object)' },
    ]);
  });

  it('checks - unknown fields are each named under their path, a hostile long key shortened', () => {
    const long = 'k'.repeat(100);
    const problems = problemsOf((p) => checkKnownKeys({ a: 1, extra: 2, [long]: 3 }, ['a'], 'rec', p));
    expect(problems).toEqual([
      { path: 'rec.extra', message: 'is not a known field' },
      { path: `rec.${'k'.repeat(40)}…`, message: 'is not a known field' },
    ]);
    expect(problemsOf((p) => checkKnownKeys({ a: 1 }, ['a', 'b'], '', p))).toEqual([]);
  });

  it('checks - a string: required, must be a string, not empty, length limits inclusive', () => {
    const rule = { min: 1, max: 5 };
    expect(problemsOf((p) => checkString(undefined, 'name', p, rule))).toEqual([{ path: 'name', message: 'is required' }]);
    expect(problemsOf((p) => checkString(7, 'name', p, rule))).toEqual([{ path: 'name', message: 'must be a string' }]);
    expect(problemsOf((p) => checkString('', 'name', p, rule))).toEqual([{ path: 'name', message: 'must not be empty' }]);
    expect(problemsOf((p) => checkString('abcdef', 'name', p, rule))).toEqual([{ path: 'name', message: 'must be at most 5 characters (got 6)' }]);
    expect(checkString('a', 'name', [], rule)).toBe('a');
    expect(checkString('abcde', 'name', [], rule)).toBe('abcde');
  });

  it('checks - a minimum above one is said in characters; no minimum accepts the empty string', () => {
    expect(problemsOf((p) => checkString('ab', 'code', p, { min: 3, max: 9 }))).toEqual([{ path: 'code', message: 'must be at least 3 characters' }]);
    expect(checkString('abc', 'code', [], { min: 3, max: 9 })).toBe('abc');
    expect(checkString('', 'note', [], { max: 9 })).toBe('');
  });

  it('checks - a pattern refuses with its own message, or a general one', () => {
    expect(problemsOf((p) => checkString('a b', 'id', p, { max: 9, pattern: PRINTABLE_ID, patternMessage: 'no spaces' }))).toEqual([{ path: 'id', message: 'no spaces' }]);
    expect(problemsOf((p) => checkString('a b', 'id', p, { max: 9, pattern: PRINTABLE_ID }))).toEqual([{ path: 'id', message: 'has characters that are not allowed' }]);
    expect(checkString('a-b', 'id', [], { max: 9, pattern: PRINTABLE_ID })).toBe('a-b');
  });

  it('checks - readString reads the field under its joined path, and an inherited key is absent', () => {
    expect(problemsOf((p) => readString({}, 'toString', 'rec', p, { max: 9 }))).toEqual([{ path: 'rec.toString', message: 'is required' }]);
    expect(readString({ id: 'x' }, 'id', 'rec', [], { max: 9 })).toBe('x');
  });

  it('checks - integers: bounds inclusive, just outside refused with the range named', () => {
    expect(checkInteger(0, 'n', [], 0, 10)).toBe(0);
    expect(checkInteger(10, 'n', [], 0, 10)).toBe(10);
    for (const bad of [-1, 11, 2.5, '5', NaN, Infinity, null]) {
      expect(problemsOf((p) => checkInteger(bad, 'painScore', p, 0, 10))).toEqual([{ path: 'painScore', message: 'must be an integer between 0 and 10' }]);
    }
    expect(problemsOf((p) => checkInteger(undefined, 'painScore', p, 0, 10))).toEqual([{ path: 'painScore', message: 'is required' }]);
    expect(readInteger({ n: 3 }, 'n', 'x', [], 0, 5)).toBe(3);
    expect(problemsOf((p) => readInteger({ n: 6 }, 'n', 'x', p, 0, 5))).toEqual([{ path: 'x.n', message: 'must be an integer between 0 and 5' }]);
  });

  it('checks - booleans: required, and only true or false', () => {
    expect(readBoolean({ b: false }, 'b', '', [])).toBe(false);
    expect(readBoolean({ b: true }, 'b', '', [])).toBe(true);
    expect(problemsOf((p) => readBoolean({}, 'b', 'x', p))).toEqual([{ path: 'x.b', message: 'is required' }]);
    expect(problemsOf((p) => readBoolean({ b: 1 }, 'b', 'x', p))).toEqual([{ path: 'x.b', message: 'must be true or false' }]);
  });

  it('checks - an enum lists the values it accepts', () => {
    const values = ['better', 'same', 'worse'] as const;
    expect(checkEnum('same', 'f', [], values)).toBe('same');
    expect(problemsOf((p) => checkEnum('great', 'f', p, values))).toEqual([{ path: 'f', message: 'must be one of: better, same, worse' }]);
    expect(problemsOf((p) => checkEnum(undefined, 'f', p, values))).toEqual([{ path: 'f', message: 'is required' }]);
    expect(problemsOf((p) => readEnum({ f: 'x' }, 'f', 'r', p, values))).toEqual([{ path: 'r.f', message: 'must be one of: better, same, worse' }]);
  });

  it('checks - a list: required, a list, at most max entries (max itself accepted)', () => {
    expect(readArray({ l: [1, 2] }, 'l', '', [], 2)).toEqual([1, 2]);
    expect(problemsOf((p) => readArray({ l: [1, 2, 3] }, 'l', 'x', p, 2))).toEqual([{ path: 'x.l', message: 'must have at most 2 entries (got 3)' }]);
    expect(problemsOf((p) => readArray({ l: 'abc' }, 'l', 'x', p, 2))).toEqual([{ path: 'x.l', message: 'must be a list' }]);
    expect(problemsOf((p) => readArray({}, 'l', 'x', p, 2))).toEqual([{ path: 'x.l', message: 'is required' }]);
  });

  it('checks - a version: required, a whole number from 0, the current one accepted', () => {
    expect(readVersion({ v: 1 }, '', [], 'plan', 1)).toBe(1);
    expect(readVersion({ v: 0 }, '', [], 'plan', 1)).toBe(0);
    expect(problemsOf((p) => readVersion({}, 'plan', p, 'plan', 1))).toEqual([{ path: 'plan.v', message: 'is required' }]);
    for (const bad of [-1, 1.5, '1', null]) {
      expect(problemsOf((p) => readVersion({ v: bad }, 'plan', p, 'plan', 1))).toEqual([{ path: 'plan.v', message: 'must be a version number' }]);
    }
  });

  it('checks - a newer version says "update Knead", with no path and the newer-version kind', () => {
    const problems = problemsOf((p) => readVersion({ v: 2 }, 'plan', p, 'plan', 1));
    expect(problems).toEqual([{ path: '', message: 'plan version 2 is newer than this app understands (1); update Knead', kind: 'newer-version' }]);
    expect(newerVersionProblem('records[0]', 'record', 3, 1)).toEqual({ path: 'records[0]', message: 'record version 3 is newer than this app understands (1); update Knead', kind: 'newer-version' });
  });

  it('checks - a session id is visible ASCII: no space, no control or non-ASCII character', () => {
    expect(PRINTABLE_ID.test('!')).toBe(true);
    expect(PRINTABLE_ID.test('~')).toBe(true);
    expect(PRINTABLE_ID.test('abc-1_Z')).toBe(true);
    for (const bad of ['', ' ', 'a b', '\x7f', 'ä', 'a\n']) expect(PRINTABLE_ID.test(bad)).toBe(false);
  });

  it('checks - typed text may hold anything but control characters', () => {
    for (const ok of ['', 'Neck & shoulders', 'Füße', '颈部', 'line\nbreak', 'tab\there']) expect(NO_CONTROL.test(ok)).toBe(true);
    for (const bad of ['\x00', 'a\x08', '\x0b', '\x0c', '\x0e', '\x1f', 'del\x7f']) expect(NO_CONTROL.test(bad)).toBe(false);
  });
});

describe('kernel result', () => {
  it('result - paths join the way messages show them', () => {
    expect(joinPath('', 'steps')).toBe('steps');
    expect(joinPath('steps', 3)).toBe('steps[3]');
    expect(joinPath('steps[3]', 'seconds')).toBe('steps[3].seconds');
  });

  it('result - a problem reads as path then message; all of them on one line', () => {
    expect(formatProblem({ path: 'steps[3].seconds', message: 'must be between 10 and 600' })).toBe('steps[3].seconds must be between 10 and 600');
    expect(formatProblem({ path: '', message: 'the plan is too large' })).toBe('the plan is too large');
    expect(describeProblems([{ path: 'a', message: 'is required' }, { path: 'b', message: 'must be a list' }])).toBe('a is required; b must be a list');
  });
});
