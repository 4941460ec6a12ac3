import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord, SessionStatus } from '../../../core/routines/model';
import { monthOf, readHistory, readIndex } from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { HISTORY_SUMMARY_KEY, addSession, emptyMonth, readSummaries, summarizeMonth, totals } from '../../../core/phone/history-summary';
import type { MonthSummary } from '../../../core/phone/history-summary';
import { monthsCovering } from '../../../core/phone/history-window';
import { overview, overviewFrom, sessionsPerWeek } from '../../../core/phone/stats';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';
import { BASE_START, DAY_MS, makeRecord, makeStep } from '../../fixtures/records';

const NOW = Date.UTC(2027, 2, 1, 12, 0, 0);
const STATUSES: readonly SessionStatus[] = ['completed', 'stopped', 'pain'];

/** A pool of sessions over ~8 months, mixed zones (so some sit in a different UTC month), statuses and areas. */
function pool(): SessionRecord[] {
  const out: SessionRecord[] = [];
  for (let i = 0; i < 40; i += 1) {
    const status = STATUSES[i % 3] as SessionStatus;
    out.push(
      makeRecord({
        startedAt: BASE_START - 90 * DAY_MS + i * 6 * DAY_MS + (i % 5) * 3_600_000 * 5,
        tzOffsetMin: [-600, 0, 60, 540, 840][i % 5] as number,
        status,
        ...(status === 'pain' ? { painStepIndex: 0 } : {}),
        steps: i % 2 === 0 ? [makeStep({ area: 'neck', doneMs: 30_000 + i * 1000 }), makeStep({ area: 'neck', side: 'left' })] : [makeStep({ area: 'calves', side: 'left' }), makeStep({ area: 'forearms', side: 'right' })],
      }),
    );
  }
  return out;
}

function byMonth(records: readonly SessionRecord[]): MonthSummary[] {
  const groups = new Map<string, SessionRecord[]>();
  for (const r of records) groups.set(monthOf(r), (groups.get(monthOf(r)) ?? []).concat([r]));
  return [...groups.entries()].map(([month, list]) => summarizeMonth(month, list));
}

describe('history summary', () => {
  it('summary - counts the sessions of a week that count toward the target, areas once per session with their time', () => {
    const monday = Date.UTC(2026, 10, 9, 8, 0, 0); // Monday 9 Nov 2026, 09:00 CET
    const records = [
      makeRecord({ startedAt: monday, steps: [makeStep({ area: 'neck', doneMs: 60_000 }), makeStep({ area: 'neck', side: 'left', doneMs: 30_000 })] }),
      makeRecord({ startedAt: monday + DAY_MS, status: 'stopped', steps: [makeStep({ area: 'neck', doneMs: 10_000 })] }),
      makeRecord({ startedAt: monday + 2 * DAY_MS, status: 'pain', painStepIndex: 0, steps: [makeStep({ area: 'calves', doneMs: 20_000 })] }),
    ];
    const summary = summarizeMonth('2026-11', records);
    // A stopped session does not count toward the week; one stopped for pain does.
    expect(Object.values(summary.weeks)).toEqual([2]);
    expect(summary.sessions).toBe(3);
    expect(summary.areas).toEqual({ neck: { sessions: 2, doneMs: 100_000 }, calves: { sessions: 1, doneMs: 20_000 } });
    expect(summary.last?.id).toBe(records[2]?.id);
  });

  it('summary - month totals give the Overview the records give (weeks across month ends, newest session), for any history', () => {
    const all = pool();
    fc.assert(
      fc.property(fc.subarray(all), fc.integer({ min: 0, max: 14 }), fc.integer({ min: -720, max: 840 }), (records, target, tz) => {
        const sum = totals(byMonth(records));
        expect(sum.weeks).toEqual(sessionsPerWeek(records));
        expect(sum.sessions).toBe(records.length);
        const plan = makePlan({ weeklyTarget: target });
        expect(overviewFrom(sum.weeks, sum.last, plan, NOW - 200 * DAY_MS, tz)).toEqual(overview(records, plan, NOW - 200 * DAY_MS, tz));
      }),
      { numRuns: 150 },
    );
  });

  it('summary - adding sessions one by one in any order equals summarizing the month from scratch', () => {
    const all = pool();
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: 1 }), (records) => {
        const month = '2026-11';
        const incremental = records.reduce(addSession, emptyMonth(month));
        const sorted = [...records].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
        expect(incremental).toEqual(summarizeMonth(month, sorted));
      }),
      { numRuns: 150 },
    );
  });

  it('summary - kept by the phone as pushes arrive in any batches (repeats included), it equals the summary of everything stored', () => {
    const all = pool();
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: all.length - 1 }), { maxLength: 12 }), { minLength: 1, maxLength: 8 }), (batches) => {
        const store = new MemoryStore();
        for (const batch of batches) answerPush(store, makePushParams(batch.map((i) => all[i] as SessionRecord)), NOW);
        const counts = new Map(readIndex(store).months.map((m) => [m.month, m.count] as const));
        const kept = readSummaries(store, counts);
        expect(kept.stale).toEqual([]);
        const stored = readHistory(store).records;
        expect(totals(kept.months)).toEqual(totals(byMonth(stored)));
        expect([...kept.months].sort((a, b) => (a.month < b.month ? -1 : 1))).toEqual(byMonth(stored).sort((a, b) => (a.month < b.month ? -1 : 1)));
      }),
      { numRuns: 60 },
    );
  });

  it('summary - history stored before summaries existed is summarized whole by the next push', () => {
    const store = new MemoryStore();
    const old = pool().slice(0, 20);
    answerPush(store, makePushParams(old), NOW);
    store.removeItem(HISTORY_SUMMARY_KEY);
    const fresh = makeRecord({ startedAt: NOW - DAY_MS });
    answerPush(store, makePushParams([fresh]), NOW);
    const counts = new Map(readIndex(store).months.map((m) => [m.month, m.count] as const));
    const kept = readSummaries(store, counts);
    expect(kept.stale).toEqual([]);
    expect(totals(kept.months).sessions).toBe(21);
  });

  it('readSummaries - a month whose count disagrees with the index, or an unreadable summary, is left for rebuilding', () => {
    const store = new MemoryStore();
    answerPush(store, makePushParams(pool().slice(0, 10)), NOW);
    const counts = new Map(readIndex(store).months.map((m) => [m.month, m.count] as const));
    const [first] = counts.keys();
    const changed = new Map(counts).set(first as string, (counts.get(first as string) ?? 0) + 1);
    expect(readSummaries(store, changed).stale).toEqual([first]);
    store.setItem(HISTORY_SUMMARY_KEY, '{"v":1,"months":[{"month":');
    expect([...readSummaries(store, counts).stale].sort()).toEqual([...counts.keys()].sort());
  });

  it('monthsCovering - months that can hold sessions of a range, a day of zone slack on each side', () => {
    const months = ['2026-12', '2026-11', '2026-10', '2026-09'];
    // November in UTC: 30 Nov 23:00 UTC is already December at +14 h, 1 Nov 01:00 UTC still October at -10 h.
    expect(monthsCovering(months, Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 1))).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(monthsCovering(months, Date.UTC(2026, 10, 10), Date.UTC(2026, 10, 20))).toEqual(['2026-11']);
    expect(monthsCovering(months, Date.UTC(2026, 10, 10), Date.UTC(2026, 10, 10))).toEqual([]);
  });
});
