import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import { historyByMonth, overview } from '../../../core/phone/stats';
import { makePlan } from '../../fixtures/plans';
import { DAY_MS, makeRecord } from '../../fixtures/records';

// Monday 2026-11-02 00:00 CET.
const MONDAY = Date.UTC(2026, 10, 1, 23, 0);
const at = (day: number, hour = 9): number => MONDAY + day * DAY_MS + hour * 3600_000;

describe('overview', () => {
  it('overview - counts this local week against the target and the streak of weeks on target', () => {
    const records = [0, 2, 4, 7, 8, 9, 14, 15].map((d) => makeRecord({ startedAt: at(d) }));
    const now = at(16, 12);
    expect(overview(records, makePlan({ weeklyTarget: 2 }), now, 60)).toMatchObject({
      thisWeek: { count: 2, target: 2 },
      streakWeeks: 3,
      lastSession: { id: records[7]?.id, massageMs: 180_000, skipped: [] },
    });
    expect(overview(records, makePlan({ weeklyTarget: 3 }), now, 60).streakWeeks).toBe(2);
  });

  it('overview - a week not yet on target does not break the streak so far', () => {
    const records = [0, 1, 7, 8].map((d) => makeRecord({ startedAt: at(d) }));
    expect(overview(records, makePlan({ weeklyTarget: 2 }), at(14, 12), 60)).toMatchObject({ thisWeek: { count: 0 }, streakWeeks: 2 });
  });

  it('overview - Sunday 23:30 local belongs to that week, not the next', () => {
    const sunday = makeRecord({ startedAt: MONDAY + 7 * DAY_MS - 30 * 60_000, tzOffsetMin: 60 });
    expect(overview([sunday], null, at(3), 60).thisWeek.count).toBe(1);
    expect(overview([sunday], null, at(7), 60).thisWeek.count).toBe(0);
  });

  it('overview - no sessions means no last session', () => {
    expect(overview([], null, at(0), 60)).toEqual({ thisWeek: { count: 0, target: 0 }, streakWeeks: 0, lastSession: null });
  });
});

describe('historyByMonth', () => {
  it('historyByMonth - groups by local month, newest first', () => {
    const a = makeRecord({ startedAt: Date.UTC(2026, 9, 31, 23, 30), endedAt: Date.UTC(2026, 9, 31, 23, 33) });
    const b = makeRecord({ startedAt: Date.UTC(2026, 9, 30, 9) });
    const c = makeRecord({ startedAt: Date.UTC(2026, 10, 5, 9) });
    const groups = historyByMonth([b, a, c]);
    expect(groups.map((g) => [g.month, g.sessions.map((s) => s.id)])).toEqual([
      ['2026-11', [c.id, a.id]],
      ['2026-10', [b.id]],
    ]);
  });
});

describe('report', () => {
  // The full texts are golden files: tests/unit/phone/report-golden.test.ts.
  it('report - empty sections say so, and a translate function relabels them', () => {
    const t = (id: string): string => (id === 'report.title' ? 'Knead-Bericht' : id === 'report.nothing' ? '(keine)' : id);
    const text = buildReport({ records: [], notes: [], plan: null, from: MONDAY, to: MONDAY + 7 * DAY_MS, tzOffsetMin: 60 }, t);
    expect(text.split('\n').slice(0, 2)).toEqual(['Knead-Bericht', 'report.period']);
    expect(text).toContain('report.soreness\n  (keine)');
  });
});
