// Per-month summaries of the phone's history (sessions per local week, per area, the newest
// session), so the Settings App's Overview never reads every record. The phone keeps them under
// 'history:summary' and rewrites only the months a push changed (history-store writes them in
// the same write as the month's bucket); a reader trusts a month's summary only while its session
// count matches the history index, and rebuilds any other month from its bucket.
//
// The rule stays one: totals() of the month summaries gives what stats.ts computes from the
// records themselves (sessionsPerWeek, the newest session), which the property tests hold.

import type { SessionRecord } from '../routines/model';
import { localWeekStart } from '../kernel/local-time';
import { countsTowardTarget } from '../routines/weekly-target';
import { isPlainObject, parseJson } from '../kernel/json';
import type { KeyValueStore } from '../kernel/store';
import { readItem } from '../kernel/store';
import type { SessionSummary } from './stats';
import { summarizeSession } from './stats';

export const HISTORY_SUMMARY_KEY = 'history:summary';
export const SUMMARY_VERSION = 1;

export interface AreaTally {
  /** Sessions with at least one step on the area. */
  readonly sessions: number;
  /** Time done on the area, all its steps and sides. */
  readonly doneMs: number;
}

export interface MonthSummary {
  readonly month: string;
  /** Every stored session of the month (the history index's count). */
  readonly sessions: number;
  /** Sessions counting toward the weekly target, by local week (the day number of its Monday). */
  readonly weeks: Readonly<Record<string, number>>;
  readonly areas: Readonly<Record<string, AreaTally>>;
  /** The month's newest session (latest start, then greatest id). */
  readonly last: SessionSummary | null;
}

export function emptyMonth(month: string): MonthSummary {
  return { month, sessions: 0, weeks: {}, areas: {}, last: null };
}

function newer(a: SessionSummary, b: SessionSummary | null): boolean {
  return b === null || a.startedAt > b.startedAt || (a.startedAt === b.startedAt && a.id > b.id);
}

/** The month's summary with one more session: what arrives is added, nothing is recounted. */
export function addSession(summary: MonthSummary, record: SessionRecord): MonthSummary {
  const weeks: Record<string, number> = { ...summary.weeks };
  if (countsTowardTarget(record)) {
    const week = String(localWeekStart(record.startedAt, record.tzOffsetMin));
    weeks[week] = (weeks[week] || 0) + 1;
  }
  const areas: Record<string, AreaTally> = { ...summary.areas };
  const seen: string[] = [];
  for (const step of record.steps) {
    const before = areas[step.area] || { sessions: 0, doneMs: 0 };
    const first = seen.indexOf(step.area) < 0;
    if (first) seen.push(step.area);
    areas[step.area] = { sessions: before.sessions + (first ? 1 : 0), doneMs: before.doneMs + step.doneMs };
  }
  const candidate = summarizeSession(record);
  return { month: summary.month, sessions: summary.sessions + 1, weeks, areas, last: newer(candidate, summary.last) ? candidate : summary.last };
}

/** A month's summary from its records (the from-scratch result every update must equal). */
export function summarizeMonth(month: string, records: readonly SessionRecord[]): MonthSummary {
  let summary = emptyMonth(month);
  for (const record of records) summary = addSession(summary, record);
  return summary;
}

export interface HistoryTotals {
  readonly sessions: number;
  /** Sessions counting toward the target per local week, as stats.ts's sessionsPerWeek. */
  readonly weeks: ReadonlyMap<number, number>;
  readonly areas: ReadonlyMap<string, AreaTally>;
  readonly last: SessionSummary | null;
}

/** All months together: a week that straddles two months adds up from both. */
export function totals(months: readonly MonthSummary[]): HistoryTotals {
  let sessions = 0;
  const weeks = new Map<number, number>();
  const areas = new Map<string, AreaTally>();
  let last: SessionSummary | null = null;
  for (const m of months) {
    sessions += m.sessions;
    for (const week of Object.keys(m.weeks)) weeks.set(Number(week), (weeks.get(Number(week)) || 0) + (m.weeks[week] || 0));
    for (const area of Object.keys(m.areas)) {
      const add = m.areas[area] as AreaTally;
      const before = areas.get(area) || { sessions: 0, doneMs: 0 };
      areas.set(area, { sessions: before.sessions + add.sessions, doneMs: before.doneMs + add.doneMs });
    }
    if (m.last !== null && newer(m.last, last)) last = m.last;
  }
  return { sessions, weeks, areas, last };
}

export function encodeSummaries(months: readonly MonthSummary[]): string {
  return JSON.stringify({ v: SUMMARY_VERSION, months });
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isSummaryShape(value: unknown): value is MonthSummary {
  if (!isPlainObject(value) || typeof value['month'] !== 'string' || !isCount(value['sessions'])) return false;
  const weeks = value['weeks'];
  const areas = value['areas'];
  const last = value['last'];
  if (!isPlainObject(weeks) || !Object.keys(weeks).every((k) => isCount(weeks[k]))) return false;
  if (!isPlainObject(areas) || !Object.keys(areas).every((k) => {
    const a = areas[k];
    return isPlainObject(a) && isCount(a['sessions']) && isCount(a['doneMs']);
  })) return false;
  // A newest session stored before massage time and skipped steps were kept is not trusted: the
  // month is rebuilt from its bucket (readSummaries lists it as stale).
  return last === null || (isPlainObject(last) && typeof last['id'] === 'string' && typeof last['startedAt'] === 'number' && typeof last['massageMs'] === 'number' && last['massageMs'] >= 0 && Array.isArray(last['skipped']));
}

/**
 * The stored month summaries that can be trusted: readable, and each month's session count equal
 * to `counts` (the history index). Every other month of `counts` is listed in `stale` for the
 * caller to rebuild from its bucket; months no longer in `counts` are left out.
 */
export function readSummaries(store: KeyValueStore, counts: ReadonlyMap<string, number>): { readonly months: readonly MonthSummary[]; readonly stale: readonly string[] } {
  const read = readItem(store, HISTORY_SUMMARY_KEY);
  const stored = new Map<string, MonthSummary>();
  if (read.value !== undefined) {
    const parsed = parseJson(read.value, 'history summary');
    if (parsed.ok && isPlainObject(parsed.value) && parsed.value['v'] === SUMMARY_VERSION && Array.isArray(parsed.value['months'])) {
      for (const m of parsed.value['months'] as unknown[]) if (isSummaryShape(m)) stored.set(m.month, m);
    }
  }
  const months: MonthSummary[] = [];
  const stale: string[] = [];
  counts.forEach((count, month) => {
    const summary = stored.get(month);
    if (summary !== undefined && summary.sessions === count) months.push(summary);
    else stale.push(month);
  });
  return { months, stale };
}
