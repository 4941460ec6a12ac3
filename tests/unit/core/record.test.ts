import { describe, expect, it } from 'vitest';
import { newSessionId, withCheckIn } from '../../../core/records/record';
import { formatProblem } from '../../../core/kernel/result';
import type { SessionRecord } from '../../../core/routines/model';
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
      'checkIn[0].tightness must be an integer between 0 and 3',
      'checkIn[1].tightness must be an integer between 0 and 3',
      'checkIn[1].newSoreness must be true or false',
      'checkIn[2] must be an object',
      'checkIn[4].area must be one of: neck, upper-trapezius, shoulders, upper-back, chest, lower-back, glutes, hips, forearms, hands, thighs, calves, shins, feet',
      'notes[1] repeats felt-good',
      'notes[2] must be one of: felt-good, still-tight, more-sore-than-usual, less-sore-than-usual, slept-badly, long-desk-day, after-exercise',
      'checkIn[3].area must be an area of this session (feet was not in it)',
    ]);
  });

  it('withCheckIn - rejects a second rating of the same area and non-lists', () => {
    expect(withCheckIn(finishedRecord(), [rating, rating], [])).toEqual({
      ok: false,
      problems: [{ path: 'checkIn[1].area', message: 'repeats neck; one check-in per area' }],
    });
    expect(withCheckIn(finishedRecord(), null, 'x')).toEqual({
      ok: false,
      problems: [
        { path: 'checkIn', message: 'must be a list' },
        { path: 'notes', message: 'must be a list' },
      ],
    });
  });

  it('withCheckIn - first-screen answers are added as given and an untouched check-in adds nothing', () => {
    const answers = { feeling: 'better', hurt: true, hurtArea: 'neck', painScore: 4 } as const;
    expect(withCheckIn(finishedRecord(), [], [], answers)).toEqual({ ok: true, value: { ...finishedRecord(), checkIn: [], notes: [], ...answers } });
    const untouched = withCheckIn(finishedRecord(), [{ area: 'neck' }], [], {});
    expect(untouched.ok && untouched.value).toEqual({ ...finishedRecord(), checkIn: [{ area: 'neck' }], notes: [] });
    expect(untouched.ok && 'feeling' in untouched.value).toBe(false);
  });

  it('withCheckIn - answers that contradict or fall outside the scale are refused, each with its path', () => {
    const result = withCheckIn(finishedRecord(), [{ area: 'neck', tighterSide: 'left' }], [], { feeling: 'great', hurt: false, hurtArea: 'neck', painScore: 11, mood: 1 });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'mood is not a known field',
      'checkIn[0].tighterSide is only for areas with a left and a right side (neck has none)',
      'feeling must be one of: better, same, worse',
      'painScore must be an integer between 0 and 10',
      'hurtArea is only allowed when hurt is true',
      "painScore is only allowed when hurt is true or status is 'pain'",
    ]);
    expect(withCheckIn(finishedRecord(), [], [], { hurt: true, hurtArea: 'feet' }).ok).toBe(false);
    expect(withCheckIn(finishedRecord(), [], [], { hurt: true, hurtArea: 'neck', hurtSide: 'left' })).toEqual({
      ok: false,
      problems: [{ path: 'hurtSide', message: 'is only for areas with a left and a right side (neck has none)' }],
    });
    expect(withCheckIn(finishedRecord(), [], [], { hurt: true, hurtSide: 'left' })).toEqual({ ok: false, problems: [{ path: 'hurtSide', message: 'needs hurtArea' }] });
    expect(withCheckIn(finishedRecord(), [], [], 'yes').ok).toBe(false);
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
