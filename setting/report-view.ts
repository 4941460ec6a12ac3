// Report for the therapist: a period picker, core's plain-text report shown in full (one line per
// paragraph, no box to scroll), then the same text and the same period as CSV in boxes the person
// can select and copy into a message.

import type { Translate } from '../core/phone/messages';
import { buildReport } from '../core/phone/report';
import type { ReportInput } from '../core/phone/report';
import { buildReportCsv } from '../core/phone/report-csv';
import { REPORT_PERIODS, parseReportPeriod, periodRange } from '../core/phone/report-period';
import type { KeyValueStore } from '../core/kernel/store';
import { UI, uiGet, uiSet } from './ui-state';
import { tr } from './text';

/** The report's data without its period, which this section picks; `now` anchors the period. */
export interface ReportInputs extends Omit<ReportInput, 'from' | 'to'> {
  readonly now: number;
}

export function reportSection(store: KeyValueStore, input: ReportInputs, t: Translate): SettingsNode {
  const period = parseReportPeriod(uiGet(store, UI.reportPeriod));
  const range = periodRange(period, input.records, input.now, input.tzOffsetMin);
  const { now: _now, ...data } = input;
  const report: ReportInput = { ...data, from: range.from, to: range.to };
  const text = buildReport(report, t);
  const lines = text.replace(/\n+$/, '').split('\n');
  return Section({ title: tr('set.report') }, [
    Select({
      label: tr('set.report.period'),
      options: REPORT_PERIODS.map((p) => ({ name: tr(p.name), value: p.value })),
      value: period,
      onChange: (value: string) => uiSet(store, { [UI.reportPeriod]: value }),
    }),
    // Section titles bold, their lines as they are (the two-space indent keeps the plain text's shape).
    ...lines.map((line, i) => (line === '' ? null : Text(i > 0 && !line.startsWith(' ') && lines[i - 1] === '' ? { bold: true } : { paragraph: true }, [line]))),
    Text({ paragraph: true }, [tr('set.report.copy-hint')]),
    // Boxes so the report can be selected and copied; edits are not kept.
    TextInput({ label: tr('set.report.box'), value: text, multiline: true }),
    TextInput({ label: tr('set.report.csv'), value: buildReportCsv(report), multiline: true }),
  ]);
}
