// The report periods a person can pick (the Settings App shows their names) and the [from, to)
// each one covers in the phone's local calendar: whole local days, up to and including today.

import type { SessionRecord } from '../routines/model';
import { localDay, localWeekStart } from '../kernel/local-time';

const DAY_MS = 24 * 60 * 60 * 1000;

export const REPORT_PERIODS = [
  { value: 'last-4-weeks', name: 'set.report.last-4-weeks' },
  { value: 'this-month', name: 'set.report.this-month' },
  { value: 'last-month', name: 'set.report.last-month' },
  { value: 'last-3-months', name: 'set.report.last-3-months' },
  { value: 'all', name: 'set.report.all' },
] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number]['value'];

/** A stored or chosen period name, or the default (the last four weeks) for anything else. */
export function parseReportPeriod(value: string | undefined): ReportPeriod {
  const known = REPORT_PERIODS.find((p) => p.value === value);
  return known === undefined ? 'last-4-weeks' : known.value;
}

/** [from, to) in UTC ms for a period, in the phone's local calendar. */
export function periodRange(period: ReportPeriod, records: readonly SessionRecord[], now: number, tz: number): { from: number; to: number } {
  const offset = tz * 60_000;
  const today = localDay(now, tz);
  const dayStart = (day: number): number => day * DAY_MS - offset;
  const tomorrow = dayStart(today + 1);
  const date = new Date(today * DAY_MS);
  const monthStart = (y: number, m: number): number => Date.UTC(y, m, 1) - offset;
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (period) {
    case 'this-month':
      return { from: monthStart(y, m), to: tomorrow };
    case 'last-month':
      return { from: monthStart(y, m - 1), to: monthStart(y, m) };
    case 'last-3-months':
      return { from: monthStart(y, m - 2), to: tomorrow };
    case 'all': {
      const first = records.length === 0 ? now : records.reduce((min, r) => Math.min(min, r.startedAt), now);
      return { from: dayStart(localDay(first, tz)), to: tomorrow };
    }
    default:
      return { from: dayStart(localWeekStart(now, tz) - 21), to: tomorrow };
  }
}

