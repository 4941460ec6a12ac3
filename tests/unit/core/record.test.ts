import { describe, expect, it } from 'vitest';
import { newSessionId, withCheckIn } from '../../../core/record';
import { formatProblem } from '../../../core/result';
import type { SessionRecord } from '../../../core/model';
import { T0, apply, asSession, started } from '../../fixtures/core';

function finishedRecord(): SessionRecord {
  const record = asSession(apply(started(), [{ type: 'stop', now: T0 + 30_000 }]).state).record;
  if (record === null) throw new Error('no record');
  return record;
}

const rating = { area: 'neck', tightness: 2, newSoreness: false, sidesDiffer: true, pain: false };

describe('withCheckIn', () => {
  it('withCheckIn - adds ratings and preset notes to the record', () => {
    const result = withCheckIn(finishedRecord(), [rating], ['still-tight']);
    expect(result).toEqual({ ok: true, value: { ...finishedRecord(), checkIn: [rating], notes: ['still-tight'] } });
  });

  it('withCheckIn - an empty check-in is fine (it is skippable)', () => {
    expect(withCheckIn(finishedRecord(), [], []).ok).toBe(true);
  });

  it('withCheckIn - rejects tightness outside 0-3 and other bad fields, each with its path', () => {
    const result = withCheckIn(
      finishedRecord(),
      [{ ...rating, tightness: 4 }, { area: 'forearms', tightness: 1.5, newSoreness: 'yes', sidesDiffer: false, pain: false }, 'x', { ...rating, area: 'feet' }, { ...rating, area: 'elbow' }],
      ['felt-good', 'felt-good', 'great'],
    );
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'checkIn[0].tightness must be a whole number from 0 to 3',
      'checkIn[1].tightness must be a whole number from 0 to 3',
      'checkIn[1].newSoreness must be true or false',
      'checkIn[2] must be an object',
      'checkIn[3].area must be an area of this session (feet was not in it)',
      'checkIn[4].area must be a known area (got "elbow")',
      'notes[1] must appear once (felt-good is repeated)',
      'notes[2] must be one of felt-good, still-tight, more-sore-than-usual, less-sore-than-usual, slept-badly, long-desk-day, after-exercise',
    ]);
  });

  it('withCheckIn - rejects a second rating of the same area and non-lists', () => {
    expect(withCheckIn(finishedRecord(), [rating, rating], [])).toEqual({
      ok: false,
      problems: [{ path: 'checkIn[1].area', message: 'must appear once (neck is rated twice)' }],
    });
    expect(withCheckIn(finishedRecord(), null, 'x')).toEqual({
      ok: false,
      problems: [
        { path: 'checkIn', message: 'must be a list' },
        { path: 'notes', message: 'must be a list' },
      ],
    });
  });
});

describe('newSessionId', () => {
  it('newSessionId - is device part, time and random part', () => {
    expect(newSessionId('AB:CD:EF:12:34:56', T0, () => 0.5)).toBe(`ef123456-${T0.toString(36)}-iiiiiiii`);
  });

  it('newSessionId - two watches starting in the same millisecond get different ids', () => {
    expect(newSessionId('watch-a', T0, () => 0.1)).not.toBe(newSessionId('watch-b', T0, () => 0.1));
  });

  it('newSessionId - one watch starting twice in the same millisecond gets different ids', () => {
    let seed = 1;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const ids = new Set(Array.from({ length: 1000 }, () => newSessionId('watch', T0, random)));
    expect(ids.size).toBe(1000);
  });

  it('newSessionId - survives an empty device key and a broken random source', () => {
    expect(newSessionId('', T0, () => Number.NaN)).toBe(`watch-${T0.toString(36)}-00000000`);
    expect(newSessionId('x', T0, () => 1)).toMatch(/^x-[a-z0-9]+-z{8}$/);
  });
});
