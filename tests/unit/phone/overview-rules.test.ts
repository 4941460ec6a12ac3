// The Overview's numbers (docs/design.md: this week against the target, weeks on target, last
// session) by the one weekly rule: completed and pain-stopped sessions count, simply stopped ones
// do not; without a target a week with any session is "on target"; the last session is the newest
// start (the same start: the later id, so every view picks the same one).

import { describe, expect, it } from 'vitest';
import { historyByMonth, overview } from '../../../core/phone/stats';
import { makePlan } from '../../fixtures/plans';
import { DAY_MS, makeRecord } from '../../fixtures/records';

// Monday 2026-11-02 00:00 CET (UTC+1).
const MONDAY = Date.UTC(2026, 10, 1, 23, 0);
const at = (day: number, hour = 9): number => MONDAY + day * DAY_MS + hour * 3600_000;

describe('overview rules', () => {
  it('overview - without a target, each week holding a session is on target: the streak counts them back from this week', () => {
    const records = [0, 8, 15].map((d) => makeRecord({ startedAt: at(d) }));
    expect(overview(records, null, at(16), 60)).toMatchObject({ thisWeek: { count: 1, target: 0 }, streakWeeks: 3 });
    // A week with nothing breaks it.
    const gap = [0, 15].map((d) => makeRecord({ startedAt: at(d) }));
    expect(overview(gap, makePlan({ weeklyTarget: 0 }), at(16), 60).streakWeeks).toBe(1);
  });

  it('overview - a session simply stopped does not count toward the week; one stopped for pain does', () => {
    const records = [
      makeRecord({ startedAt: at(14), status: 'stopped' }),
      makeRecord({ startedAt: at(15), status: 'pain' }),
      makeRecord({ startedAt: at(16) }),
    ];
    expect(overview(records, makePlan({ weeklyTarget: 3 }), at(17), 60).thisWeek).toEqual({ count: 2, target: 3 });
  });

  it('overview - the streak ends last week when this week is not on target yet, and is 0 when last week was not either', () => {
    const records = [0, 1, 7, 8, 14].map((d) => makeRecord({ startedAt: at(d) }));
    expect(overview(records, makePlan({ weeklyTarget: 2 }), at(15), 60).streakWeeks).toBe(2);
    expect(overview(records, makePlan({ weeklyTarget: 2 }), at(22), 60).streakWeeks).toBe(0);
  });

  it('overview - the last session is the newest start whatever the order given; two starting together: the later id', () => {
    const older = makeRecord({ startedAt: at(3) });
    const newer = makeRecord({ startedAt: at(5) });
    expect(overview([newer, older], null, at(6), 60).lastSession?.id).toBe(newer.id);
    expect(overview([older, newer], null, at(6), 60).lastSession?.id).toBe(newer.id);
    const a = makeRecord({ startedAt: at(5), id: 'watch01-a' });
    const b = makeRecord({ startedAt: at(5), id: 'watch01-b' });
    expect(overview([a, b], null, at(6), 60).lastSession?.id).toBe('watch01-b');
    expect(overview([b, a], null, at(6), 60).lastSession?.id).toBe('watch01-b');
  });
});

describe('history by month rules', () => {
  it('history by month - newest first within a month; two starting together: the later id first', () => {
    const a = makeRecord({ startedAt: at(5), id: 'watch01-a' });
    const b = makeRecord({ startedAt: at(5), id: 'watch01-b' });
    const early = makeRecord({ startedAt: at(1) });
    for (const order of [[a, b, early], [early, b, a], [b, early, a]]) {
      expect(historyByMonth(order).map((g) => g.sessions.map((s) => s.id))).toEqual([['watch01-b', 'watch01-a', early.id]]);
    }
  });

  it('history by month - months newest first over a year boundary', () => {
    const dec = makeRecord({ startedAt: Date.UTC(2026, 11, 15, 9) });
    const jan = makeRecord({ startedAt: Date.UTC(2027, 0, 15, 9) });
    const nov = makeRecord({ startedAt: Date.UTC(2026, 10, 15, 9) });
    expect(historyByMonth([dec, nov, jan]).map((g) => g.month)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(historyByMonth([jan, dec, nov]).map((g) => g.month)).toEqual(['2027-01', '2026-12', '2026-11']);
  });
});
