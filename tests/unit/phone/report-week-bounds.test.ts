// The report's weeks (docs/core.md "The report for the therapist", docs/week.md "Progression"):
// every local week the period touches has its row, including a last week of one day; progression
// answers are listed when their week is in the period; weeks on target count only "on" weeks; and
// each session is filed in its own local week, so a rating lived in a week after the period adds
// no week to "tightness by week".

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import type { ProgressionAnswer } from '../../../core/routines/model';
import { DAY_MS, makeCheckIn } from '../../fixtures/records';
import { makePlan } from '../../fixtures/plans';
import { REPORT_MONDAY, deskSession, reportAt, reportInput, reportSection } from '../../fixtures/report-input';

/** Local day number of a date (the form ProgressionAnswer.week takes). */
const dayOf = (month: number, date: number): number => Date.UTC(2026, month - 1, date) / DAY_MS;
const calves = (week: number): ProgressionAnswer => ({ week, choice: 'accepted', area: 'calves' });

describe('report - weeks of the period', () => {
  it('report - a period ending on a Monday has a row for that last week, and lists the answer given in it', () => {
    const text = buildReport(reportInput([deskSession({ startedAt: reportAt(7) })], { to: REPORT_MONDAY + 8 * DAY_MS, progression: [calves(dayOf(11, 16))] }));
    expect(text.split('\n')[1]).toBe('Period: 2026-11-09 to 2026-11-16');
    expect(reportSection(text, 'Sessions per week')).toEqual(['Week of 2026-11-09: 0', 'Week of 2026-11-16: 1']);
    expect(reportSection(text, 'Progression')).toEqual(['Week of 2026-11-16: one more area (Calves), accepted']);
  });

  it('report - lists the answers of the period\'s weeks only: the first week\'s, not the week before nor the week after', () => {
    const answers = [calves(dayOf(11, 2)), { week: dayOf(11, 9), choice: 'declined' as const }, calves(dayOf(11, 16))];
    const text = buildReport(reportInput([], { progression: answers }));
    expect(reportSection(text, 'Progression')).toEqual(['Week of 2026-11-09: a little more time (+10 %), declined']);
  });

  it('report - counts the weeks on target among the weeks judged: one of three', () => {
    const plan = makePlan({ weeklyTarget: 2, targetSince: REPORT_MONDAY - 30 * DAY_MS, updatedAt: REPORT_MONDAY - 30 * DAY_MS, advice: [] });
    const records = [reportAt(0), reportAt(2), reportAt(8), reportAt(15)].map((startedAt) => deskSession({ startedAt }));
    const text = buildReport(reportInput(records, { plan, to: REPORT_MONDAY + 21 * DAY_MS }));
    expect(reportSection(text, 'Summary')[0]).toBe('4 sessions, 12:00 of massage in all; 1 of 3 weeks on target (2 per week) since the plan');
  });

  it('report - a session lived in the next week by its own time zone adds no week to "tightness by week"', () => {
    const monday = deskSession({ startedAt: reportAt(0), checkIn: [makeCheckIn({ area: 'neck', tightness: 1 })] });
    // Sunday 23:30 for the reader (UTC+1), already Monday 00:30 where it was recorded (UTC+2).
    const sundayNight = deskSession({ startedAt: reportAt(6, 23.5), tzOffsetMin: 120, checkIn: [makeCheckIn({ area: 'neck', tightness: 3 })] });
    const areas = reportSection(buildReport(reportInput([monday, sundayNight])), 'Per area and side');
    expect(areas[areas.indexOf('Neck: 2:00') + 1]).toBe('  tightness by week: mild  ▃');
  });
});
