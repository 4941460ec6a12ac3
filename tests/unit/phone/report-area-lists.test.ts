// Where the report names several areas (or tools) in one place it lists each once, comma-separated,
// in the fixed order of the areas; an empty list says "none" (docs/core.md "The report for the
// therapist": a therapist reads it in ten seconds).

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import type { AreaCheckIn } from '../../../core/routines/model';
import { DAY_MS, makeCheckIn, makeRecord, makeStep } from '../../fixtures/records';
import { makePlan, makeRoutine } from '../../fixtures/plans';
import { REPORT_MONDAY, deskSession, reportAt, reportInput, reportSection } from '../../fixtures/report-input';

const rated = (day: number, checkIn: AreaCheckIn[]) => makeRecord({
  startedAt: reportAt(day),
  steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left' }), makeStep({ area: 'calves', side: 'left' }), makeStep({ area: 'feet', side: 'left' })],
  checkIn,
  notes: [],
});

describe('report - lists of areas', () => {
  it('report - the summary names every area that got tighter, looser or differed between sides, comma-separated', () => {
    const firstWeek = rated(1, [
      makeCheckIn({ area: 'neck', tightness: 1 }),
      makeCheckIn({ area: 'forearms', tightness: 1, sidesDiffer: true }),
      makeCheckIn({ area: 'calves', tightness: 3, sidesDiffer: true }),
      makeCheckIn({ area: 'feet', tightness: 3 }),
    ]);
    const secondWeek = rated(8, [
      makeCheckIn({ area: 'neck', tightness: 3 }),
      makeCheckIn({ area: 'forearms', tightness: 2 }),
      makeCheckIn({ area: 'calves', tightness: 1 }),
      makeCheckIn({ area: 'feet', tightness: 0 }),
    ]);
    const summary = reportSection(buildReport(reportInput([firstWeek, secondWeek], { to: REPORT_MONDAY + 14 * DAY_MS })), 'Summary');
    expect(summary[1]).toBe('Tighter: Neck, Forearms; Looser: Calves, Feet; Sides differ: Forearms, Calves');
  });

  it('report - new soreness in two areas is named once each in the summary, however many sessions report it, and both on the session\'s line', () => {
    const monday = deskSession({ startedAt: reportAt(0), checkIn: [makeCheckIn({ area: 'neck', newSoreness: true }), makeCheckIn({ area: 'forearms', newSoreness: true })] });
    const wednesday = deskSession({ startedAt: reportAt(2), checkIn: [makeCheckIn({ area: 'neck', newSoreness: true }), makeCheckIn({ area: 'forearms', newSoreness: true })] });
    const text = buildReport(reportInput([monday, wednesday]));
    expect(reportSection(text, 'Summary')[2]).toBe('Caution: new soreness: Neck, Forearms');
    expect(reportSection(text, 'New soreness (apart from the usual tightness)')).toEqual(['2026-11-09 Neck, Forearms', '2026-11-11 Neck, Forearms']);
  });

  it('report - pain ticked for two areas at one check-in is one pain line naming both', () => {
    const session = deskSession({ startedAt: reportAt(1), checkIn: [makeCheckIn({ area: 'neck', pain: true }), makeCheckIn({ area: 'forearms', pain: true })] });
    expect(reportSection(buildReport(reportInput([session])), 'Pain')).toEqual(['2026-11-10 09:00 Desk reset: pain at check-in: Neck, Forearms (session completed); no pain score given']);
  });

  it('report - an area worked with two tools names both', () => {
    const routine = makeRoutine({
      id: 'neck-two-ways',
      steps: [
        { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' },
        { area: 'neck', side: 'both', seconds: 60, tool: 'massage-ball', hint: '' },
      ],
    });
    const plan = makePlan({ weeklyTarget: 0, customRoutines: [routine], assignedRoutineIds: ['neck-two-ways'] });
    const session = deskSession({ startedAt: reportAt(1), routineId: 'neck-two-ways', routineName: 'Neck two ways', steps: [makeStep({ area: 'neck' }), makeStep({ area: 'neck' })] });
    expect(reportSection(buildReport(reportInput([session], { plan })), 'Tools used per area')).toEqual(['Neck: Hands, Massage ball']);
  });

  it('report - a plan with no avoided areas says "avoid none"', () => {
    const plan = makePlan({ focusAreas: ['neck', 'forearms'], avoidAreas: [], weeklyTarget: 0, advice: [] });
    expect(reportSection(buildReport(reportInput([], { plan })), 'Plan')[0]).toBe('Focus Neck, Forearms; avoid none');
  });

  it('report - advice whose technique is only spaces ends at the tool, with no trailing space', () => {
    const plan = makePlan({ weeklyTarget: 0, advice: [{ area: 'neck', tool: 'massage-ball', technique: '   ' }] });
    const advice = reportSection(buildReport(reportInput([], { plan })), 'Plan')[2];
    expect(advice).toMatch(/^Neck: Massage ball\.?$/);
  });
});
