// Report cases the golden histories do not reach (docs/core.md "The report for the therapist"):
// one session, a target with no week judged yet, a steady tightness, a session from a routine no
// longer on the phone, an area rated but not reached, one pain session, advice without a technique,
// minutes per side, a week on target before it is over.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import { makePlan } from '../../fixtures/plans';
import { DAY_MS, makeCheckIn, makeStep } from '../../fixtures/records';
import type { SessionRecord } from '../../../core/routines/model';
import { REPORT_MONDAY as MONDAY, deskSession as desk, reportAt as at, reportInput as input, reportSection as section } from '../../fixtures/report-input';

describe('report - edges the golden texts do not reach', () => {
  it('report - one session is "1 session"; a target set this week has no full week to judge yet', () => {
    const plan = makePlan({ weeklyTarget: 2, targetSince: at(2), updatedAt: at(2), customRoutines: [], advice: [] });
    const text = buildReport(input([desk({ startedAt: at(3) })], { plan }));
    expect(section(text, 'Summary')[0]).toBe('1 session, 3:00 of massage in all; target 2 per week, no full week since it was set');
  });

  it('report - the same tightness in the first and last rated week is "no change", in the summary and per area', () => {
    const rated = (day: number): SessionRecord => desk({ startedAt: at(day), checkIn: [makeCheckIn({ area: 'neck', tightness: 2 })] });
    const text = buildReport(input([rated(0), rated(7)], { to: MONDAY + 14 * DAY_MS }));
    expect(section(text, 'Summary')[1]).toBe('Tightness: no change');
    expect(section(text, 'Per area and side')).toContain('  tightness by week: moderate, moderate  ▅▅ (no change)');
  });

  it('report - a session from a routine no longer on the phone is counted as tools unknown', () => {
    const gone = desk({ startedAt: at(1), routineId: 'custom-gone', routineName: 'Gone' });
    const text = buildReport(input([desk({ startedAt: at(0) }), gone]));
    expect(section(text, 'Tools used per area')).toEqual(['Neck: Hands', 'Forearms: Hands', '1 session(s) from routines no longer on the phone: tools unknown']);
  });

  it('report - tools count only steps that were done: a step stopped before it began lists no tool', () => {
    const stopped = desk({ startedAt: at(1), status: 'stopped', steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left', doneMs: 0 }), makeStep({ area: 'forearms', side: 'right', doneMs: 0 })] });
    expect(section(buildReport(input([stopped])), 'Tools used per area')).toEqual(['Neck: Hands']);
  });

  it('report - an area rated at the check-in but never reached shows no time recorded; one side done shows that side alone', () => {
    const stopped = desk({
      startedAt: at(1),
      status: 'stopped',
      steps: [makeStep({ area: 'neck', doneMs: 0 }), makeStep({ area: 'forearms', side: 'left', doneMs: 30_000 }), makeStep({ area: 'forearms', side: 'right', doneMs: 0 })],
      checkIn: [makeCheckIn({ area: 'neck', tightness: 1 })],
    });
    const areas = section(buildReport(input([stopped])), 'Per area and side');
    expect(areas).toContain('Neck: no time recorded');
    expect(areas).toContain('Forearms: left 0:30');
  });

  it('report - one pain session is "pain in 1 session", with its stop and score', () => {
    const pain = desk({ startedAt: at(1), status: 'pain', painStepIndex: 1, steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left', doneMs: 10_000 }), makeStep({ area: 'forearms', side: 'right', doneMs: 0 })], painScore: 3 });
    const text = buildReport(input([desk({ startedAt: at(0) }), pain]));
    expect(section(text, 'Summary')[2]).toBe('Caution: pain in 1 session: Forearms (1 stopped for pain, highest score 3/10)');
    expect(section(text, 'Pain')).toEqual(['2026-11-10 09:00 Desk reset: stopped for pain at Forearms left; pain 3/10']);
  });

  it('report - a score of 0 is a score: the highest is 0/10, not left out', () => {
    const hurt = desk({ startedAt: at(1), hurt: true, hurtArea: 'neck', painScore: 0 });
    expect(section(buildReport(input([hurt])), 'Summary')[2]).toBe('Caution: pain in 1 session: Neck (highest score 0/10)');
  });

  it('report - advice without a technique names the tool alone, with no dangling space', () => {
    const plan = makePlan({ weeklyTarget: 0, advice: [{ area: 'neck', tool: 'massage-ball', technique: '' }] });
    const lines = section(buildReport(input([], { plan })), 'Plan');
    expect(lines.slice(0, 2)).toEqual(['Focus Neck, Forearms; avoid Lower back', 'No weekly target']);
    expect(lines.slice(2)).toHaveLength(1);
    expect(lines[2]).toMatch(/^Neck: Massage ball\.?$/);
  });

  it('report - a week already on target is "on target" before it is over', () => {
    const plan = makePlan({ weeklyTarget: 2, targetSince: MONDAY - 30 * DAY_MS, updatedAt: MONDAY - 30 * DAY_MS });
    const text = buildReport(input([desk({ startedAt: at(0) }), desk({ startedAt: at(1) })], { plan, to: MONDAY + 3 * DAY_MS }));
    expect(section(text, 'Sessions per week')).toEqual(['Week of 2026-11-09: 2 of 2 (on target)']);
  });

  it('report - the period ends the day before its end instant; sessions at the end instant belong to the next period', () => {
    const text = buildReport(input([desk({ startedAt: MONDAY + 7 * DAY_MS }), desk({ startedAt: MONDAY })]));
    expect(text.split('\n')[1]).toBe('Period: 2026-11-09 to 2026-11-15');
    expect(section(text, 'Summary')[0]).toBe('1 session, 3:00 of massage in all');
  });
});

describe('report - the week the target was set', () => {
  const twoWeeks = (targetSince: number): string[] => {
    const plan = makePlan({ weeklyTarget: 1, targetSince, updatedAt: targetSince });
    const records = [desk({ startedAt: at(1) }), desk({ startedAt: at(8) }), desk({ startedAt: at(15) })];
    return section(buildReport(input(records, { plan, from: MONDAY, to: MONDAY + 21 * DAY_MS })), 'Sessions per week');
  };

  it('report - a target set on the Monday: that week is the week it was set, the next ones are judged', () => {
    expect(twoWeeks(at(7, 8))).toEqual(['Week of 2026-11-09: 1 (before the plan)', 'Week of 2026-11-16: 1 of 1 (plan set this week)', 'Week of 2026-11-23: 1 of 1 (on target)']);
  });

  it('report - a target set on the Sunday: that week is still the week it was set, not before the plan', () => {
    expect(twoWeeks(at(13, 20))).toEqual(['Week of 2026-11-09: 1 (before the plan)', 'Week of 2026-11-16: 1 of 1 (plan set this week)', 'Week of 2026-11-23: 1 of 1 (on target)']);
  });
});
