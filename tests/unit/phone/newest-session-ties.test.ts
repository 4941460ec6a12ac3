// "The newest session" is one rule wherever the phone shows it (docs/design.md: Overview's last
// session; core/phone/history-summary.ts: a month's newest is the latest start, then the greatest
// id): the latest start wins even over a greater id, and of two sessions started in the same
// millisecond the greater id wins, whatever order the records arrive in, whether Overview reads the
// records (stats.ts) or the month summaries (history-summary.ts), also when the two fall in two
// local months. Also when a stored month summary may be trusted: every area tally must be sound, and
// an entry that is not an object at all is passed over, not a failure.

import { describe, expect, it } from 'vitest';
import { HISTORY_SUMMARY_KEY, encodeSummaries, readSummaries, summarizeMonth, totals } from '../../../core/phone/history-summary';
import type { MonthSummary } from '../../../core/phone/history-summary';
import { overview } from '../../../core/phone/stats';
import type { SessionRecord } from '../../../core/routines/model';
import { MemoryStore } from '../../fixtures/memory-store';
import { DAY_MS, makeRecord } from '../../fixtures/records';

const HOUR_MS = 3600_000;
// Monday 30 November 2026, 23:30 UTC: still November in UTC, already December at UTC+1.
const T = Date.UTC(2026, 10, 30, 23, 30);

// `latest` and `tie` start in the same millisecond, `tie` has the greater id: it is the newest.
// `olderBigId` started earlier with the greatest id of all; `oldest` earlier still.
const latest = makeRecord({ id: 'watch01-a', startedAt: T, tzOffsetMin: 0 }); // 2026-11 locally
const tie = makeRecord({ id: 'watch01-b', startedAt: T, tzOffsetMin: 60 }); // 2026-12 locally
const olderBigId = makeRecord({ id: 'watch01-z', startedAt: T - HOUR_MS, tzOffsetMin: 60 }); // 22:30 UTC = 23:30 on 30 Nov locally
const oldest = makeRecord({ id: 'watch01-y', startedAt: T - 2 * DAY_MS, tzOffsetMin: 0 });

function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of orders([...items.slice(0, i), ...items.slice(i + 1)])) out.push([item, ...rest]);
  });
  return out;
}

const ids = (records: readonly SessionRecord[]): string => records.map((r) => r.id).join(' ');

describe('the newest session, one rule', () => {
  it('newest session - Overview from the records: the latest start beats a greater id; the same start: the greater id; any order', () => {
    for (const records of orders([latest, tie, olderBigId, oldest])) {
      expect(overview(records, null, T + HOUR_MS, 60).lastSession?.id, ids(records)).toBe('watch01-b');
    }
    for (const records of orders([latest, olderBigId, oldest])) {
      expect(overview(records, null, T + HOUR_MS, 60).lastSession?.id, ids(records)).toBe('watch01-a');
    }
  });

  it('newest session - a month summary keeps the latest start even when an older session with a greater id arrives after it', () => {
    for (const records of orders([latest, olderBigId, oldest])) {
      expect(summarizeMonth('2026-11', records).last?.id, ids(records)).toBe('watch01-a');
    }
  });

  it('newest session - in one month, two sessions started in the same millisecond: the greater id, whichever arrived first', () => {
    const sameMonthTie = makeRecord({ id: 'watch01-b', startedAt: T, tzOffsetMin: 0 });
    for (const records of orders([latest, sameMonthTie, olderBigId])) {
      expect(summarizeMonth('2026-11', records).last?.id, ids(records)).toBe('watch01-b');
    }
  });

  it('newest session - totals over the month summaries pick the same session as Overview from the records, in any month order', () => {
    const november = summarizeMonth('2026-11', [latest, olderBigId, oldest]);
    const december = summarizeMonth('2026-12', [tie]);
    expect(totals([november, december]).last?.id).toBe('watch01-b');
    expect(totals([december, november]).last?.id).toBe('watch01-b');
    // Without the tie, November's latest start beats the greater id of its older session.
    expect(totals([summarizeMonth('2026-12', []), summarizeMonth('2026-11', [olderBigId, latest])]).last?.id).toBe('watch01-a');
  });
});

describe('trusting a stored month summary', () => {
  const good: MonthSummary = summarizeMonth('2026-11', [latest, olderBigId]);

  function read(months: unknown[]): { months: string[]; stale: string[] } {
    const store = new MemoryStore({ [HISTORY_SUMMARY_KEY]: JSON.stringify({ v: 1, months }) });
    const got = readSummaries(store, new Map([['2026-11', 2], ['2026-12', 1]]));
    return { months: got.months.map((m) => m.month), stale: [...got.stale] };
  }

  it('summary trust - one damaged area tally beside sound ones makes the month stale', () => {
    const december = summarizeMonth('2026-12', [tie]);
    const neck = good.areas['neck'];
    expect(neck).toBeDefined();
    expect(read([good, december])).toEqual({ months: ['2026-11', '2026-12'], stale: [] });
    expect(read([{ ...good, areas: { neck, forearms: { sessions: 'two', doneMs: 1 } } }, december])).toEqual({ months: ['2026-12'], stale: ['2026-11'] });
    expect(read([{ ...good, areas: { forearms: null, neck } }, december])).toEqual({ months: ['2026-12'], stale: ['2026-11'] });
  });

  it('summary trust - entries that are not month summaries at all (null, a number, text, a list) are passed over; the sound month is used', () => {
    const stored = [null, 3, 'month', [], good];
    expect(read(stored)).toEqual({ months: ['2026-11'], stale: ['2026-12'] });
    const store = new MemoryStore({ [HISTORY_SUMMARY_KEY]: encodeSummaries([good]) });
    expect(readSummaries(store, new Map([['2026-11', 2]])).months).toEqual([good]);
  });
});
