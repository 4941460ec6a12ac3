// A check-in field the person did not touch is absent, never "0" or "no" (docs/sync.md): a page that
// hands over untouched fields as `undefined` gets them left out, not refused as "required".

import { describe, expect, it } from 'vitest';
import { withCheckIn } from '../../../core/records/record';
import { validateRecord } from '../../../core/records/record-validation';
import { makeRecord, rawRecord } from '../../fixtures/records';

describe('untouched check-in fields', () => {
  it('check-in - answers given as undefined are untouched: accepted and left out of the record', () => {
    const record = makeRecord({ checkIn: [], notes: [] });
    const result = withCheckIn(record, [{ area: 'neck', tightness: undefined, pain: true }], [], { feeling: undefined, hurt: false, hurtArea: undefined, hurtSide: undefined, painScore: undefined });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.checkIn).toEqual([{ area: 'neck', pain: true }]);
    expect(Object.keys(result.value.checkIn[0] ?? {})).toEqual(['area', 'pain']);
    expect(result.value.hurt).toBe(false);
    for (const key of ['feeling', 'hurtArea', 'hurtSide', 'painScore']) expect(key in result.value).toBe(false);
  });

  it('record - a version that is not the number 1 is refused, saying which it must be', () => {
    const checked = validateRecord(rawRecord({ v: '1' }));
    expect(checked.ok ? [] : checked.problems).toEqual([{ path: 'v', message: 'must be 1' }]);
  });

  it('check-in - which side of a paired area felt tighter is kept', () => {
    const checked = validateRecord(rawRecord({ checkIn: [{ area: 'forearms', tighterSide: 'right' }, { area: 'neck', tightness: 0 }] }));
    expect(checked.ok && checked.value.checkIn).toEqual([{ area: 'forearms', tighterSide: 'right' }, { area: 'neck', tightness: 0 }]);
  });

  it('check-in - after a pain stop a pain score is allowed without "hurt" (docs/sync.md)', () => {
    const checked = validateRecord(rawRecord({ status: 'pain', painStepIndex: 0, painScore: 7 }));
    expect(checked.ok && checked.value.painScore).toBe(7);
  });

  it('record - with unreadable steps, a pain step past the longest routine is still named', () => {
    const checked = validateRecord(rawRecord({ status: 'pain', steps: 'x', painStepIndex: 30 }));
    expect(checked.ok ? [] : checked.problems).toContainEqual({ path: 'painStepIndex', message: 'must be an integer between 0 and 29' });
  });

  it('check-in - a side without "hurt: true" gets that one reason, not also "needs hurtArea"', () => {
    const checked = validateRecord(rawRecord({ hurt: false, hurtSide: 'left' }));
    expect(checked.ok ? [] : checked.problems).toEqual([{ path: 'hurtSide', message: 'is only allowed when hurt is true' }]);
  });

  it('check-in - where it hurt, with the side of a paired area, is kept', () => {
    const checked = validateRecord(rawRecord({ hurt: true, hurtArea: 'forearms', hurtSide: 'left', painScore: 3 }));
    expect(checked.ok && [checked.value.hurtArea, checked.value.hurtSide, checked.value.painScore]).toEqual(['forearms', 'left', 3]);
  });

  it('record - a start at exactly 2020-01-01 00:00 UTC is not "before 2020": not flagged', () => {
    const start = Date.UTC(2020, 0, 1);
    const checked = validateRecord(rawRecord({ startedAt: start, endedAt: start + 180_000 }));
    expect(checked.ok && 'clockSuspect' in checked.value).toBe(false);
    const earlier = validateRecord(rawRecord({ startedAt: start - 1, endedAt: start + 180_000 }));
    expect(earlier.ok && earlier.value.clockSuspect).toBe(true);
  });

  it('check-in - a present hurtArea without "hurt: true" is still refused', () => {
    const checked = validateRecord(rawRecord({ hurt: false, hurtArea: 'neck' }));
    expect(checked.ok ? [] : checked.problems).toEqual([{ path: 'hurtArea', message: 'is only allowed when hurt is true' }]);
  });
});
