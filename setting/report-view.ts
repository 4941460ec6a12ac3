// Report for the therapist: a period picker and core's plain-text report in a text box the
// person can select and copy.

import type { SessionRecord, TherapistPlan } from '../core/model';
import type { SessionNote } from '../core/phone/notes';
import type { Translate } from '../core/phone/messages';
import { buildReport } from '../core/phone/report';
import { localDay, localWeekStart } from '../core/local-time';
import type { KeyValueStore } from '../core/sync/store';
import { UI, uiGet, uiSet } from './ui-state';
import { tr } from './text';

const DAY_MS = 24 * 60 * 60 * 1000;

export const REPORT_PERIODS = [
  { value: 'last-4-weeks', name: 'set.report.last-4-weeks' },
  { value: 'this-month', name: 'set.report.this-month' },
  { value: 'last-month', name: 'set.report.last-month' },
  { value: 'last-3-months', name: 'set.report.last-3-months' },
  { value: 'all', name: 'set.report.all' },
] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number]['value'];

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

export interface ReportInputs {
  readonly records: readonly SessionRecord[];
  readonly notes: readonly SessionNote[];
  readonly plan: TherapistPlan | null;
  readonly now: number;
  readonly tzOffsetMin: number;
}

export function reportSection(store: KeyValueStore, input: ReportInputs, t: Translate): SettingsNode {
  const stored = uiGet(store, UI.reportPeriod);
  const period: ReportPeriod = REPORT_PERIODS.find((p) => p.value === stored)?.value ?? 'last-4-weeks';
  const range = periodRange(period, input.records, input.now, input.tzOffsetMin);
  const text = buildReport({ records: input.records, notes: input.notes, plan: input.plan, from: range.from, to: range.to, tzOffsetMin: input.tzOffsetMin }, t);
  return Section({ title: tr('set.report') }, [
    Select({
      label: tr('set.report.period'),
      options: REPORT_PERIODS.map((p) => ({ name: tr(p.name), value: p.value })),
      value: period,
      onChange: (value: string) => uiSet(store, { [UI.reportPeriod]: value }),
    }),
    Text({ paragraph: true }, [tr('set.report.copy-hint')]),
    // A text box so the report can be selected and copied; edits are not kept.
    TextInput({ label: tr('set.report.box'), value: text, multiline: true }),
  ]);
}
