import { describe, expect, it } from 'vitest';
import { formatDuration, massageMs, sessionTime, stepsDone } from '../../../core/records/session-time';
import { summarizeSession } from '../../../core/phone/stats';
import { BASE_START, makeRecord, makeStep } from '../../fixtures/records';
import type { Area, Side } from '../../../core/routines/model';

// Desk reset as the product describes it: 60 + 45 + 45 + 40 + 40 + 45 + 45 s = 320 s of massage.
const DESK: ReadonlyArray<readonly [Area, Side, number]> = [
  ['neck', 'both', 60], ['upper-trapezius', 'left', 45], ['upper-trapezius', 'right', 45],
  ['shoulders', 'left', 40], ['shoulders', 'right', 40], ['forearms', 'left', 45], ['forearms', 'right', 45],
];

function deskSteps(doneSeconds?: readonly number[]) {
  return DESK.map(([area, side, s], i) => makeStep({ area, side, plannedMs: s * 1000, doneMs: (doneSeconds === undefined ? s : doneSeconds[i] ?? 0) * 1000 }));
}

describe('session time - one definition of duration', () => {
  it('an untouched Desk reset is 320 s of massage, the 5 s lead-in apart', () => {
    const record = makeRecord({ startedAt: BASE_START, endedAt: BASE_START + 325_000, steps: deskSteps() });
    expect(sessionTime(record)).toEqual({ massageMs: 320_000, pausedMs: 0, leadInMs: 5_000 });
    expect(formatDuration(massageMs(record))).toBe('5:20');
  });

  it('a 30 s pause is reported apart and does not lengthen the massage', () => {
    const record = makeRecord({ startedAt: BASE_START, endedAt: BASE_START + 355_000, steps: deskSteps(), pausedMs: 30_000 });
    expect(sessionTime(record)).toEqual({ massageMs: 320_000, pausedMs: 30_000, leadInMs: 5_000 });
  });

  it('the phone list keeps the same massage time the watch shows (320 s, written 5:20), not the 355 s span', () => {
    const record = makeRecord({ startedAt: BASE_START, endedAt: BASE_START + 355_000, steps: deskSteps(), pausedMs: 30_000 });
    expect(summarizeSession(record).massageMs).toBe(320_000);
    expect(formatDuration(summarizeSession(record).massageMs)).toBe('5:20');
  });

  it('a session stopped after two steps counts only the time done (60 + 20 s)', () => {
    const record = makeRecord({ startedAt: BASE_START, endedAt: BASE_START + 85_000, status: 'stopped', steps: deskSteps([60, 20]) });
    expect(sessionTime(record)).toEqual({ massageMs: 80_000, pausedMs: 0, leadInMs: 5_000 });
    expect(formatDuration(sessionTime(record).massageMs)).toBe('1:20');
  });

  it('a record whose span is shorter than its steps never reports a negative lead-in', () => {
    const record = makeRecord({ startedAt: BASE_START, endedAt: BASE_START + 300_000, steps: deskSteps() });
    expect(sessionTime(record).leadInMs).toBe(0);
  });

  it('a stop during the second step of seven says 2 of 7 steps; a skipped step is not counted as done', () => {
    expect(stepsDone(makeRecord({ status: 'stopped', steps: deskSteps([60, 20]) }))).toEqual({ done: 2, total: 7 });
    const skipped = deskSteps([60, 0, 45]).map((s, i) => (i === 1 ? { ...s, skipped: true } : s));
    expect(stepsDone(makeRecord({ status: 'stopped', steps: skipped }))).toEqual({ done: 2, total: 7 });
  });
});

describe('formatDuration - the one way a duration is written (watch, phone, report)', () => {
  it('minutes and seconds, seconds always two digits: 320 s is 5:20, 8 s is 0:08, 0 is 0:00', () => {
    expect(formatDuration(320_000)).toBe('5:20');
    expect(formatDuration(8_000)).toBe('0:08');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(600_000)).toBe('10:00');
  });

  it('rounds to the nearest second: 5:19.6 reads 5:20, 5:20.4 reads 5:20, 5:20.5 reads 5:21', () => {
    expect(formatDuration(319_600)).toBe('5:20');
    expect(formatDuration(320_400)).toBe('5:20');
    expect(formatDuration(320_500)).toBe('5:21');
  });

  it('an hour and more carries hours: 3725 s is 1:02:05', () => {
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(3_599_000)).toBe('59:59');
  });

  it('nonsense never shows on screen as NaN or a minus: it reads 0:00', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -5_000]) expect(formatDuration(bad)).toBe('0:00');
  });
});
