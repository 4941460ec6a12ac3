import { describe, expect, it } from 'vitest';
import { parseReportPeriod, periodRange } from '../../../core/phone/report-period';
import { makeRecord } from '../../fixtures/records';

const HOUR = 3_600_000;
// Tuesday 2026-03-10 12:00 UTC, read by someone in UTC+1.
const NOW = Date.UTC(2026, 2, 10, 12);
const TZ = 60;
const localMidnight = (y: number, m: number, d: number): number => Date.UTC(y, m, d) - HOUR;

describe('report periods', () => {
  it('report period - last 4 weeks runs from the Monday three weeks before this one to the end of today', () => {
    expect(periodRange('last-4-weeks', [], NOW, TZ)).toEqual({ from: localMidnight(2026, 1, 16), to: localMidnight(2026, 2, 11) });
  });

  it('report period - this, last and last three months follow the local calendar', () => {
    expect(periodRange('this-month', [], NOW, TZ)).toEqual({ from: localMidnight(2026, 2, 1), to: localMidnight(2026, 2, 11) });
    expect(periodRange('last-month', [], NOW, TZ)).toEqual({ from: localMidnight(2026, 1, 1), to: localMidnight(2026, 2, 1) });
    expect(periodRange('last-3-months', [], NOW, TZ)).toEqual({ from: localMidnight(2026, 0, 1), to: localMidnight(2026, 2, 11) });
  });

  it('report period - last month in January is December of the year before', () => {
    const january = Date.UTC(2026, 0, 15, 12);
    expect(periodRange('last-month', [], january, TZ)).toEqual({ from: localMidnight(2025, 11, 1), to: localMidnight(2026, 0, 1) });
  });

  it('report period - all starts on the day of the first session, or today when there is none', () => {
    const first = makeRecord({ startedAt: Date.UTC(2025, 6, 4, 23, 30) }); // already 5 July in UTC+1
    expect(periodRange('all', [first, makeRecord({ startedAt: NOW - HOUR })], NOW, TZ)).toEqual({ from: localMidnight(2025, 6, 5), to: localMidnight(2026, 2, 11) });
    expect(periodRange('all', [], NOW, TZ)).toEqual({ from: localMidnight(2026, 2, 10), to: localMidnight(2026, 2, 11) });
  });

  it('report period - a stored name is read back; anything else is the last four weeks', () => {
    expect(parseReportPeriod('last-month')).toBe('last-month');
    expect(parseReportPeriod('next-year')).toBe('last-4-weeks');
    expect(parseReportPeriod(undefined)).toBe('last-4-weeks');
  });
});
