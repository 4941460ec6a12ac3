// When the Overview may trust a stored month summary (docs/sync.md, `history:summary`:
// `{v: 1, months: [{month, sessions, weeks: {monday-day: count}, areas: {area: {sessions, doneMs}},
// last}]}`, trusted only while `sessions` equals the index count, else rebuilt from its parts):
// any damaged field, another version, or a newest session without its massage time makes the month
// stale; a good one is used as stored. Also what a month summary counts (docs/week.md: completed
// and pain-stopped sessions count toward the week; an area once per session with all its time).

import { describe, expect, it } from 'vitest';
import { HISTORY_SUMMARY_KEY, addSession, encodeSummaries, readSummaries, summarizeMonth, totals } from '../../../core/phone/history-summary';
import type { MonthSummary } from '../../../core/phone/history-summary';
import { MemoryStore } from '../../fixtures/memory-store';
import { DAY_MS, makeRecord, makeStep } from '../../fixtures/records';

const good: MonthSummary = {
  month: '2026-11',
  sessions: 2,
  weeks: { '20393': 2 },
  areas: { neck: { sessions: 2, doneMs: 120_000 } },
  last: { id: 'watch01-b', startedAt: 1_000, routineId: 'desk-reset', routineName: 'routine.desk-reset', status: 'completed', massageMs: 60_000, skipped: [] } as unknown as MonthSummary['last'],
};

function stateOf(stored: unknown): { months: string[]; stale: string[] } {
  const store = new MemoryStore({ [HISTORY_SUMMARY_KEY]: typeof stored === 'string' ? stored : JSON.stringify(stored) });
  const read = readSummaries(store, new Map([['2026-11', 2]]));
  return { months: read.months.map((m) => m.month), stale: [...read.stale] };
}

describe('history summary trust', () => {
  it('summary trust - a well-formed month with the index count is used as stored', () => {
    expect(stateOf({ v: 1, months: [good] })).toEqual({ months: ['2026-11'], stale: [] });
    expect(stateOf({ v: 1, months: [{ ...good, last: null }] })).toEqual({ months: ['2026-11'], stale: [] });
    expect(stateOf(encodeSummaries([good]))).toEqual({ months: ['2026-11'], stale: [] });
  });

  it('summary trust - another version, no month list, or no summary at all: every month is rebuilt', () => {
    for (const stored of [{ v: 2, months: [good] }, { months: [good] }, { v: 1, months: {} }, [good], 'null']) expect(stateOf(stored), JSON.stringify(stored)).toEqual({ months: [], stale: ['2026-11'] });
    expect(readSummaries(new MemoryStore(), new Map([['2026-11', 2]]))).toEqual({ months: [], stale: ['2026-11'] });
  });

  it('summary trust - any damaged field makes its month stale (and only its month)', () => {
    const last = good.last as unknown as Record<string, unknown>;
    const damaged: unknown[] = [
      { ...good, month: 11 },
      { ...good, sessions: -2 },
      { ...good, sessions: 2.5 },
      { ...good, weeks: [] },
      { ...good, weeks: { '20393': -1 } },
      { ...good, weeks: { '20393': '2' } },
      { ...good, areas: null },
      { ...good, areas: { neck: 3 } },
      { ...good, areas: { neck: { sessions: 2 } } },
      { ...good, areas: { neck: { sessions: 2, doneMs: -1 } } },
      { ...good, areas: { neck: { sessions: 'two', doneMs: 1 } } },
      { ...good, last: 'b' },
      { ...good, last: { ...last, id: 7 } },
      { ...good, last: { ...last, startedAt: '1000' } },
      // A newest session stored before massage time and skipped steps were kept.
      { ...good, last: { ...last, massageMs: undefined } },
      { ...good, last: { ...last, massageMs: -1 } },
      { ...good, last: { ...last, skipped: undefined } },
    ];
    for (const bad of damaged) {
      const other = { ...good, month: '2026-10', sessions: 1 };
      const store = new MemoryStore({ [HISTORY_SUMMARY_KEY]: JSON.stringify({ v: 1, months: [bad, other] }) });
      const read = readSummaries(store, new Map([['2026-11', 2], ['2026-10', 1]]));
      expect({ months: read.months.map((m) => m.month), stale: read.stale }, JSON.stringify(bad)).toEqual({ months: ['2026-10'], stale: ['2026-11'] });
    }
  });

  it('summary trust - months no longer in the index are left out', () => {
    const store = new MemoryStore({ [HISTORY_SUMMARY_KEY]: encodeSummaries([good, { ...good, month: '2020-01' }]) });
    expect(readSummaries(store, new Map([['2026-11', 2]])).months.map((m) => m.month)).toEqual(['2026-11']);
  });
});

describe('month summary counts', () => {
  it('month summary - a stopped session is stored but not counted toward its week; a pain stop is', () => {
    const completed = makeRecord({ startedAt: Date.UTC(2026, 10, 3, 9), tzOffsetMin: 0 });
    const stopped = makeRecord({ startedAt: Date.UTC(2026, 10, 4, 9), tzOffsetMin: 0, status: 'stopped' });
    const pain = makeRecord({ startedAt: Date.UTC(2026, 10, 5, 9), tzOffsetMin: 0, status: 'pain' });
    const month = summarizeMonth('2026-11', [completed, stopped, pain]);
    expect(month.sessions).toBe(3);
    // Keyed by the day number (days since 1970) of Monday 2 November 2026.
    expect(month.weeks).toEqual({ [String(Date.UTC(2026, 10, 2) / DAY_MS)]: 2 });
  });

  it('month summary - an area is one session however many steps it has, and all their time adds up', () => {
    const record = makeRecord({
      startedAt: Date.UTC(2026, 10, 3, 9),
      steps: [makeStep({ area: 'forearms', side: 'left', doneMs: 30_000 }), makeStep({ area: 'neck', doneMs: 45_000 }), makeStep({ area: 'forearms', side: 'right', doneMs: 40_000 })],
    });
    const month = addSession(summarizeMonth('2026-11', []), record);
    expect(month.areas).toEqual({ forearms: { sessions: 1, doneMs: 70_000 }, neck: { sessions: 1, doneMs: 45_000 } });
    const twice = addSession(month, makeRecord({ startedAt: Date.UTC(2026, 10, 4, 9), steps: [makeStep({ area: 'neck', doneMs: 15_000 })] }));
    expect(twice.areas).toEqual({ forearms: { sessions: 1, doneMs: 70_000 }, neck: { sessions: 2, doneMs: 60_000 } });
  });

  it('month summary totals - a week across two months adds up from both; areas and sessions add; the newest session wins', () => {
    // Monday 30 November 2026 .. Sunday 6 December.
    const nov = makeRecord({ startedAt: Date.UTC(2026, 10, 30, 9), tzOffsetMin: 0 });
    const dec = makeRecord({ startedAt: Date.UTC(2026, 11, 2, 9), tzOffsetMin: 0 });
    const all = totals([summarizeMonth('2026-12', [dec]), summarizeMonth('2026-11', [nov])]);
    expect(all.sessions).toBe(2);
    expect(Array.from(all.weeks.entries())).toEqual([[Date.UTC(2026, 10, 30) / DAY_MS, 2]]);
    expect(all.last?.id).toBe(dec.id);
    expect(all.areas.get('neck')).toEqual({ sessions: 2, doneMs: 120_000 });
    expect(totals([summarizeMonth('2026-11', [nov]), summarizeMonth('2026-12', [dec])]).last?.id).toBe(dec.id);
    expect(totals([])).toEqual({ sessions: 0, weeks: new Map(), areas: new Map(), last: null });
  });
});
