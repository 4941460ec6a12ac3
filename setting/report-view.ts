// Report for the therapist: a period picker and core's plain-text report in a text box the
// person can select and copy.

import type { Translate } from '../core/phone/messages';
import { buildReport } from '../core/phone/report';
import type { ReportInput } from '../core/phone/report';
import { REPORT_PERIODS, parseReportPeriod, periodRange } from '../core/phone/report-period';
import type { KeyValueStore } from '../core/sync/store';
import { UI, uiGet, uiSet } from './ui-state';
import { tr } from './text';

/** The report's data without its period, which this section picks; `now` anchors the period. */
export interface ReportInputs extends Omit<ReportInput, 'from' | 'to'> {
  readonly now: number;
}

export function reportSection(store: KeyValueStore, input: ReportInputs, t: Translate): SettingsNode {
  const stored = uiGet(store, UI.reportPeriod);
  const period = parseReportPeriod(stored);
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
