import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIBRARY, DESK_RESET } from '../../../core/routines/library';
import { AREAS } from '../../../core/routines/model';
import type { Area, SessionRecord } from '../../../core/routines/model';
import { planRoutine, routinesForHome, sessionsThisWeek } from '../../../core/routines/plan';
import { dayLabel, localWeekStart } from '../../../core/kernel/local-time';
import { validateRoutine } from '../../../core/routines/routine-validation';
import { PLAN, ROUTINE, routineArb } from '../../fixtures/core';

describe('planRoutine', () => {
  it('planRoutine - without a plan the routine is unchanged', () => {
    expect(planRoutine(ROUTINE, null)).toEqual({ routine: ROUTINE, leftOut: [], empty: false });
  });

  it('planRoutine - avoided areas are left out and reported once each', () => {
    const planned = planRoutine(DESK_RESET, { ...PLAN, avoidAreas: ['shoulders', 'neck', 'feet'] });
    expect(planned.leftOut).toEqual(['neck', 'shoulders']);
    expect(planned.routine.steps.map((step) => step.area)).toEqual(['upper-trapezius', 'upper-trapezius', 'forearms', 'forearms']);
    expect(planned.empty).toBe(false);
  });

  it('planRoutine - a routine left with no steps is reported empty, not started', () => {
    const planned = planRoutine(ROUTINE, { ...PLAN, avoidAreas: ['neck', 'forearms'] });
    expect(planned).toEqual({ routine: { ...ROUTINE, steps: [] }, leftOut: ['neck', 'forearms'], empty: true });
  });

  it('planRoutine - focus areas get +50 % rounded up to 5 s, capped at 600 s', () => {
    const routine = {
      ...ROUTINE,
      steps: [
        { area: 'neck', side: 'both', seconds: 45, tool: 'hands', hint: '' },
        { area: 'neck', side: 'both', seconds: 500, tool: 'hands', hint: '' },
        { area: 'forearms', side: 'left', seconds: 20, tool: 'hands', hint: '' },
      ],
    } as const;
    const planned = planRoutine(routine, { ...PLAN, focusAreas: ['neck'] });
    expect(planned.routine.steps.map((step) => step.seconds)).toEqual([70, 600, 20]);
  });

  it('planRoutine - focus time stops where the routine would pass 60 minutes', () => {
    const steps = Array.from({ length: 7 }, () => ({ area: 'neck', side: 'both', seconds: 400, tool: 'hands', hint: '' }) as const);
    const planned = planRoutine({ ...ROUTINE, steps }, { ...PLAN, focusAreas: ['neck'] });
    expect(planned.routine.steps.map((step) => step.seconds)).toEqual([600, 600, 600, 600, 400, 400, 400]);
  });

  it('planRoutine - an avoided area never appears in a planned routine, which stays valid', () => {
    const areas = fc.subarray<Area>([...AREAS]);
    fc.assert(
      fc.property(routineArb, areas, areas, (routine, avoidAreas, focusAreas) => {
        const planned = planRoutine(routine, { ...PLAN, avoidAreas, focusAreas });
        for (const step of planned.routine.steps) expect(avoidAreas).not.toContain(step.area);
        expect(planned.empty).toBe(planned.routine.steps.length === 0);
        if (!planned.empty) expect(validateRoutine(planned.routine).ok).toBe(true);
        expect(planned.leftOut.every((area) => avoidAreas.includes(area))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('routinesForHome', () => {
  it('routinesForHome - without a plan lists the built-in routines', () => {
    expect(routinesForHome(null).map((entry) => entry.source)).toEqual(LIBRARY.map(() => 'builtin'));
  });

  it('routinesForHome - assigned first in the therapist order, then built-in, then custom, each once', () => {
    const custom = { ...ROUTINE, id: 'my-own' };
    const other = { ...ROUTINE, id: 'my-other' };
    const home = routinesForHome({ ...PLAN, customRoutines: [custom, other], assignedRoutineIds: ['my-own', 'tired-feet', 'gone', 'my-own'] });
    expect(home.map((entry) => `${entry.source}:${entry.routine.id}`)).toEqual([
      'assigned:my-own',
      'assigned:tired-feet',
      'builtin:desk-reset',
      'builtin:typing-hands',
      'builtin:after-a-walk',
      'builtin:lower-back-unwind',
      'builtin:between-appointments',
      'custom:my-other',
    ]);
  });
});

function record(startedAt: number, status: SessionRecord['status'] = 'completed', tzOffsetMin = 0): SessionRecord {
  return { v: 1, id: `s${startedAt}`, routineId: 'r', routineName: 'r', startedAt, endedAt: startedAt + 1, tzOffsetMin, status, steps: [], checkIn: [], notes: [] };
}

describe('sessionsThisWeek', () => {
  // Wednesday 2024-05-15 12:00 UTC.
  const NOW = Date.UTC(2024, 4, 15, 12);

  it('localWeekStart - is the Monday of the week in the given zone', () => {
    expect(dayLabel(localWeekStart(NOW, 0))).toBe('2024-05-13');
    expect(dayLabel(localWeekStart(NOW, 120))).toBe('2024-05-13');
    expect(dayLabel(localWeekStart(NOW, -300))).toBe('2024-05-13');
    // Sunday 23:30 UTC is already Monday in UTC+2, and still Sunday in UTC.
    const sundayLate = Date.UTC(2024, 4, 19, 23, 30);
    expect(dayLabel(localWeekStart(sundayLate, 0))).toBe('2024-05-13');
    expect(dayLabel(localWeekStart(sundayLate, 120))).toBe('2024-05-20');
    // Monday 01:00 UTC is still Sunday in UTC-5.
    expect(dayLabel(localWeekStart(Date.UTC(2024, 4, 20, 1), -300))).toBe('2024-05-13');
  });

  it('sessionsThisWeek - counts completed and pain-stopped sessions of the local week, not stopped ones', () => {
    const records = [
      record(Date.UTC(2024, 4, 13, 0, 30)),
      record(Date.UTC(2024, 4, 14), 'pain'),
      record(Date.UTC(2024, 4, 14), 'stopped'),
      record(Date.UTC(2024, 4, 12, 23)),
      record(Date.UTC(2024, 4, 20, 1)),
    ];
    expect(sessionsThisWeek(records, NOW, 0)).toBe(2);
  });

  it('sessionsThisWeek - files each session in the week its person lived it, by the record\'s own zone', () => {
    // Sunday 23:00 UTC was already Monday for someone in UTC+2, so it belongs to this week there.
    const records = [record(Date.UTC(2024, 4, 12, 23), 'completed', 120), record(Date.UTC(2024, 4, 12, 23), 'completed', 0)];
    expect(sessionsThisWeek(records, NOW, 0)).toBe(1);
    expect(sessionsThisWeek(records, NOW, 120)).toBe(1);
  });
});
