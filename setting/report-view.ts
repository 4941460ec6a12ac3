// Report for the therapist: a period picker and core's plain-text report in a text box the
// person can select and copy.

import type { SessionRecord, TherapistPlan } from '../core/model';
import type { SessionNote } from '../core/phone/notes';
import type { Translate } from '../core/phone/messages';
import { buildReport } from '../core/phone/report';
import { REPORT_PERIODS, periodRange } from '../core/phone/report-period';
import type { ReportPeriod } from '../core/phone/report-period';
import type { KeyValueStore } from '../core/sync/store';
import { UI, uiGet, uiSet } from './ui-state';
import { tr } from './text';

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
