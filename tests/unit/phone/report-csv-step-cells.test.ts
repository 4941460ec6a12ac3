// The CSV twin's per-step cells (docs/core.md "The report for the therapist"): one row per recorded
// step; `stopped_here` marks only the step a pain stop ended on; what the person left unrated is an
// empty cell, never false; the tool is the one of the routine the session ran, a custom routine
// read from the current plan by its own id, and a routine that has an area and side twice gives
// each recorded step the next one's tool, in order.

import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, buildReportCsv } from '../../../core/phone/report-csv';
import { toolsOfSession } from '../../../core/phone/report-tools';
import type { Routine, SessionRecord, TherapistPlan } from '../../../core/routines/model';
import { makePlan } from '../../fixtures/plans';
import { BASE_START, DAY_MS, makeCheckIn, makeRecord, makeStep } from '../../fixtures/records';

type Column = (typeof CSV_COLUMNS)[number];

/** The named column of every step row (no cell here holds a comma, so a plain split reads it). */
function column(records: readonly SessionRecord[], name: Column, plan: TherapistPlan | null = null): string[] {
  const csv = buildReportCsv({ records, notes: [], plan, from: BASE_START - DAY_MS, to: BASE_START + 30 * DAY_MS, tzOffsetMin: 60 });
  const at = CSV_COLUMNS.indexOf(name);
  return csv.split('\r\n').slice(1, -1).map((row) => row.split(',')[at] as string);
}

const threeSteps = [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left' }), makeStep({ area: 'forearms', side: 'right' })];

describe('report CSV step cells', () => {
  it('report CSV - a pain stop marks only the step it ended on; a completed or stopped session marks none', () => {
    const pain = makeRecord({ status: 'pain', painStepIndex: 1, steps: threeSteps });
    expect(column([pain], 'stopped_here')).toEqual(['false', 'true', 'false']);
    const first = makeRecord({ status: 'pain', painStepIndex: 0, steps: threeSteps, startedAt: BASE_START + DAY_MS });
    expect(column([first], 'stopped_here')).toEqual(['true', 'false', 'false']);
    const completed = makeRecord({ status: 'completed', steps: threeSteps, startedAt: BASE_START + 2 * DAY_MS });
    const stopped = makeRecord({ status: 'stopped', steps: threeSteps, startedAt: BASE_START + 3 * DAY_MS });
    expect(column([completed, stopped], 'stopped_here')).toEqual(['false', 'false', 'false', 'false', 'false', 'false']);
  });

  it('report CSV - sides differ is empty when the check-in did not say (or there was none for the area), true / false when it did', () => {
    const record = makeRecord({
      steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left' }), makeStep({ area: 'calves', side: 'left' }), makeStep({ area: 'feet', side: 'left' }), makeStep({ area: 'hands', side: 'left' })],
      checkIn: [
        // Rated for tightness only: which side is tighter was not asked or not answered.
        { area: 'neck', tightness: 2 },
        { area: 'forearms', tightness: 1, tighterSide: 'left' },
        { area: 'calves', tightness: 1, tighterSide: 'same' },
        makeCheckIn({ area: 'feet', sidesDiffer: true }),
        // No check-in at all for the hands.
      ],
    });
    expect(column([record], 'sides_differ')).toEqual(['', 'true', 'false', 'true', '']);
    expect(column([record], 'tightness')).toEqual(['2', '1', '1', '2', '']);
  });

  it('report CSV - the tool column reads a custom routine of the plan by its id, not another custom routine', () => {
    const balls: Routine = { id: 'custom-balls', name: 'Balls', steps: [{ area: 'neck', side: 'both', seconds: 60, tool: 'massage-ball', hint: '' }] };
    const roller: Routine = { id: 'custom-roller', name: 'Roller', steps: [{ area: 'neck', side: 'both', seconds: 60, tool: 'foam-roller', hint: '' }] };
    const plan = makePlan({ customRoutines: [balls, roller] });
    const record = makeRecord({ routineId: 'custom-roller', steps: [makeStep({ area: 'neck' })] });
    expect(column([record], 'tool', plan)).toEqual(['foam-roller']);
    expect(toolsOfSession(makeRecord({ routineId: 'custom-balls', steps: [makeStep({ area: 'neck' })] }), plan)).toEqual(['massage-ball']);
  });

  it('tools - a routine with the same area and side twice gives the recorded steps its tools in order', () => {
    const twice: Routine = {
      id: 'custom-twice',
      name: 'Neck twice',
      steps: [
        { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' },
        { area: 'forearms', side: 'left', seconds: 60, tool: 'massage-ball', hint: '' },
        { area: 'neck', side: 'both', seconds: 60, tool: 'massage-ball', hint: '' },
        { area: 'neck', side: 'both', seconds: 60, tool: 'other', hint: '' },
      ],
    };
    const plan = makePlan({ customRoutines: [twice] });
    const neck = makeStep({ area: 'neck' });
    expect(toolsOfSession(makeRecord({ routineId: 'custom-twice', steps: [neck, neck, neck] }), plan)).toEqual(['hands', 'massage-ball', 'other']);
    expect(toolsOfSession(makeRecord({ routineId: 'custom-twice', steps: [neck, makeStep({ area: 'forearms', side: 'left' }), neck] }), plan)).toEqual(['hands', 'massage-ball', 'massage-ball']);
  });
});
