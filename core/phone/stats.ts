// The Overview and History numbers, computed from records alone so the Settings App, the report
// and the tests agree. Weeks are local, Monday to Sunday; which sessions count is core/routines/weekly-target.ts's rule.

import type { SessionRecord, TherapistPlan } from '../routines/model';
import { localMonth, localWeekStart } from '../kernel/local-time';
import { onTarget, sessionsPerWeek } from '../routines/weekly-target';
import type { RecordSummary } from '../records/session-summary';
import { summarizeRecord } from '../records/session-summary';

export { onTarget, sessionsPerWeek };

/**
 * The shared record summary as phone lists show it: massage time (written with formatDuration,
 * like the watch), the skipped steps and a pain stop's place.
 */
export type SessionSummary = Omit<RecordSummary, 'endedAt'>;

export interface Overview {
  readonly thisWeek: { readonly count: number; readonly target: number };
  /** Consecutive weeks on target, ending this week if it is already on target, else last week. */
  readonly streakWeeks: number;
  readonly lastSession: SessionSummary | null;
}

export function summarizeSession(record: SessionRecord): SessionSummary {
  const { endedAt: _endedAt, ...shown } = summarizeRecord(record);
  return shown;
}


export function overview(records: readonly SessionRecord[], plan: TherapistPlan | null, now: number, tzOffsetMin: number): Overview {
  let last: SessionRecord | null = null;
  for (const r of records) if (last === null || r.startedAt > last.startedAt || (r.startedAt === last.startedAt && r.id > last.id)) last = r;
  return overviewFrom(sessionsPerWeek(records), last === null ? null : summarizeSession(last), plan, now, tzOffsetMin);
}

/** The Overview from sessions per week and the newest session (from records, or from history-summary's totals). */
export function overviewFrom(weeks: ReadonlyMap<number, number>, lastSession: SessionSummary | null, plan: TherapistPlan | null, now: number, tzOffsetMin: number): Overview {
  const target = plan === null ? 0 : plan.weeklyTarget;
  const thisWeek = localWeekStart(now, tzOffsetMin);
  const count = weeks.get(thisWeek) || 0;
  let week = onTarget(count, target) ? thisWeek : thisWeek - 7;
  let streak = 0;
  while (onTarget(weeks.get(week) || 0, target)) {
    streak += 1;
    week -= 7;
  }
  return { thisWeek: { count, target }, streakWeeks: streak, lastSession };
}

export interface MonthGroup {
  readonly month: string;
  /** Newest first. */
  readonly sessions: readonly SessionSummary[];
}

/** History page: months newest first, each session in its own local month. */
export function historyByMonth(records: readonly SessionRecord[]): MonthGroup[] {
  const groups = new Map<string, SessionSummary[]>();
  for (const r of records) {
    const month = localMonth(r.startedAt, r.tzOffsetMin);
    const list = groups.get(month);
    if (list === undefined) groups.set(month, [summarizeSession(r)]);
    else list.push(summarizeSession(r));
  }
  const out: MonthGroup[] = [];
  groups.forEach((sessions, month) => {
    sessions.sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1));
    out.push({ month, sessions });
  });
  return out.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}
