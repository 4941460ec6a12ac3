// The whole Settings App for one build: reads what the sections on screen need through core, then
// asks each section view to render. Sections: Overview, History, Report, Plan, routines,
// Preferences, Data. Its cost does not grow with the history: the Overview comes from the stored
// month summaries (core/phone/history-summary), History reads the one month it shows, the Report
// the months of its period (all of them only for "all"), Data counts from the history index.

import { monthOf, readBucket, readHistory, readIndex } from '../core/phone/history-store';
import { answerLine, progressionAnswers } from '../core/phone/progression-lines';
import { readSummaries, summarizeMonth, totals } from '../core/phone/history-summary';
import { monthsCovering } from '../core/phone/history-window';
import { readAllNotes } from '../core/phone/notes';
import type { SessionNote } from '../core/phone/notes';
import { readPlan } from '../core/routines/plan-store';
import { readPainScores } from '../core/phone/pain-scores';
import { parseReportPeriod, periodRange } from '../core/phone/report-period';
import { historyByMonth, overviewFrom } from '../core/phone/stats';
import type { SessionSummary } from '../core/phone/stats';
import type { SessionRecord } from '../core/routines/model';
import type { Translate } from '../core/phone/messages';
import { englishT } from '../core/phone/messages';
import type { KeyValueStore } from '../core/kernel/store';
import { dataSection } from './data-view';
import { historySection } from './history-view';
import { overviewSection } from './overview-view';
import { planCodeSection } from './plan-code-view';
import { planSection } from './plan-view';
import { prefsSection } from './prefs-view';
import { reportSection } from './report-view';
import { routineEditorSection } from './routine-editor-view';
import { UI, uiGet } from './ui-state';

export interface RenderContext {
  readonly now: number;
  /** The phone's offset, minutes east of UTC. */
  readonly tzOffsetMin: number;
  readonly t?: Translate;
}

export function renderApp(store: KeyValueStore, ctx: RenderContext): SettingsNode {
  const t = ctx.t === undefined ? englishT : ctx.t;
  const problems: string[] = [];
  const index = readIndex(store);
  if (index.problem !== undefined) problems.push(index.problem);
  const counts = new Map<string, number>();
  for (const m of index.months) counts.set(m.month, m.count);
  const monthNames = index.months.map((m) => m.month);
  // Months are read at most once per build, whichever section asks first.
  const buckets = new Map<string, readonly SessionRecord[]>();
  const monthRecords = (month: string): readonly SessionRecord[] => {
    const known = buckets.get(month);
    if (known !== undefined) return known;
    const bucket = readBucket(store, month);
    if (bucket.problem !== undefined) problems.push(bucket.problem);
    buckets.set(month, bucket.records);
    return bucket.records;
  };
  const summaries = readSummaries(store, counts);
  const all = totals(summaries.months.concat(summaries.stale.map((month) => summarizeMonth(month, monthRecords(month)))));
  const notes = readAllNotes(store);
  problems.push(...notes.problems);
  const stored = readPlan(store);
  const noteMap = new Map<string, SessionNote>();
  for (const n of notes.notes) noteMap.set(n.sessionId, n);
  const painScores = readPainScores(store);
  const period = parseReportPeriod(uiGet(store, UI.reportPeriod));
  const reportRecords = period === 'all' ? readHistory(store).records : reportMonths(monthNames, period, ctx, monthRecords);
  const history = historySection(store, { months: index.months, load: (month) => historyByMonth(monthRecords(month))[0]?.sessions ?? [], record: (month, id) => monthRecords(month).find((r) => r.id === id), notes: noteMap, painScores, now: ctx.now }, t);
  const report = reportSection(store, { records: reportRecords, notes: notes.notes, plan: stored.plan, now: ctx.now, tzOffsetMin: ctx.tzOffsetMin, painScores }, t);
  return View({}, [
    overviewSection(overviewFrom(all.weeks, all.last, stored.plan, ctx.now, ctx.tzOffsetMin), t, problems, latestAnswerLines(all.last, monthRecords, t)),
    history,
    report,
    planSection(store, stored.plan, stored.problem, ctx.now, t),
    planCodeSection(store, stored.plan, ctx.now, t),
    routineEditorSection(store, stored.plan, ctx.now, t),
    prefsSection(store),
    dataSection(store, all.sessions, ctx.now),
  ]);
}

/** How many progression answers the Overview shows (the newest). */
const OVERVIEW_ANSWERS = 3;

/** The progression answers the newest session brought (each record carries the watch's last answers). */
function latestAnswerLines(last: SessionSummary | null, monthRecords: (month: string) => readonly SessionRecord[], t: Translate): string[] {
  if (last === null) return [];
  const record = monthRecords(monthOf(last)).find((r) => r.id === last.id);
  if (record === undefined) return [];
  return progressionAnswers([record]).slice(-OVERVIEW_ANSWERS).map((a) => answerLine(a, t));
}

/** The records of the months a (bounded) report period can cover, oldest first. */
function reportMonths(months: readonly string[], period: ReturnType<typeof parseReportPeriod>, ctx: RenderContext, monthRecords: (month: string) => readonly SessionRecord[]): SessionRecord[] {
  const range = periodRange(period, [], ctx.now, ctx.tzOffsetMin);
  const records: SessionRecord[] = [];
  for (const month of monthsCovering(months, range.from, range.to).reverse()) records.push(...monthRecords(month));
  return records;
}
