// "Per area and side" and the summary's tightness line (docs/core.md "The report for the
// therapist"): a trend compares the first and the last rated week, whatever weeks between went
// unrated; which side was named tighter, left, right or the same, each counted; the feeling after
// the session counted even when only one answer was given; an area checked in without a rating is
// "not rated"; an empty period says "(none in this period)".

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import type { AreaCheckIn } from '../../../core/routines/model';
import { DAY_MS, makeCheckIn } from '../../fixtures/records';
import { REPORT_MONDAY, deskSession, reportAt, reportInput, reportSection } from '../../fixtures/report-input';

const AREAS = 'Per area and side';
const checked = (day: number, checkIn: AreaCheckIn[]) => deskSession({ startedAt: reportAt(day), checkIn });

describe('report - ratings per area', () => {
  it('report - a trend reads the first and last rated weeks, past a first week without ratings', () => {
    const records = [checked(1, []), checked(8, [makeCheckIn({ area: 'neck', tightness: 1 })]), checked(15, [makeCheckIn({ area: 'neck', tightness: 3 })])];
    const text = buildReport(reportInput(records, { to: REPORT_MONDAY + 21 * DAY_MS }));
    expect(reportSection(text, 'Summary')[1]).toBe('Tighter: Neck');
    expect(reportSection(text, AREAS)).toContain('  tightness by week: –, mild, strong  ·▃▇ (tighter)');
  });

  it('report - the right side named tighter more often is named in the summary, and the answers are counted', () => {
    const right = (day: number) => checked(day, [{ area: 'forearms', tightness: 2, tighterSide: 'right' }]);
    const text = buildReport(reportInput([right(1), right(3)]));
    expect(reportSection(text, 'Summary')[1]).toBe('Sides differ: Forearms (right tighter)');
    expect(reportSection(text, AREAS)).toContain('  tighter side: left 0, right 2, same 0');
  });

  it('report - "the same" as the only answer about sides is still counted', () => {
    const text = buildReport(reportInput([checked(1, [{ area: 'forearms', tightness: 2, tighterSide: 'same' }])]));
    expect(reportSection(text, AREAS)).toContain('  tighter side: left 0, right 0, same 1');
  });

  it('report - a single "worse" or a single "same" after the session is counted', () => {
    const worse = buildReport(reportInput([deskSession({ startedAt: reportAt(1), feeling: 'worse' })]));
    expect(reportSection(worse, AREAS)).toContain('Felt after the session: better 0, same 0, worse 1');
    const same = buildReport(reportInput([deskSession({ startedAt: reportAt(1), feeling: 'same' })]));
    expect(reportSection(same, AREAS)).toContain('Felt after the session: better 0, same 1, worse 0');
  });

  it('report - an area checked in without a tightness rating is "not rated", not a row of blanks', () => {
    const text = buildReport(reportInput([checked(1, [{ area: 'neck', newSoreness: true }])]));
    const areas = reportSection(text, AREAS);
    expect(areas.slice(areas.indexOf('Neck: 1:00'), areas.indexOf('Neck: 1:00') + 2)).toEqual(['Neck: 1:00', '  tightness: not rated']);
  });

  it('report - a period without sessions says "(none in this period)" per area, with no check-in count', () => {
    expect(reportSection(buildReport(reportInput([])), AREAS)).toEqual(['(none in this period)']);
  });
});
