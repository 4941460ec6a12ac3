// The whole Settings App for one build: reads storage once through core, then asks each section
// view to render. Sections: Overview, History, Report, Plan, routines, Preferences, Data.

import { readHistory } from '../core/phone/history-store';
import { readAllNotes } from '../core/phone/notes';
import type { SessionNote } from '../core/phone/notes';
import { readPlan } from '../core/phone/plan-store';
import { historyByMonth, overview } from '../core/phone/stats';
import type { Translate } from '../core/phone/messages';
import { englishT } from '../core/phone/messages';
import type { KeyValueStore } from '../core/sync/store';
import { dataSection } from './data-view';
import { historySection } from './history-view';
import { overviewSection } from './overview-view';
import { planCodeSection } from './plan-code-view';
import { planSection } from './plan-view';
import { prefsSection } from './prefs-view';
import { reportSection } from './report-view';
import { routineEditorSection } from './routine-editor-view';

export interface RenderContext {
  readonly now: number;
  /** The phone's offset, minutes east of UTC. */
  readonly tzOffsetMin: number;
  readonly t?: Translate;
}

export function renderApp(store: KeyValueStore, ctx: RenderContext): SettingsNode {
  const t = ctx.t === undefined ? englishT : ctx.t;
  const history = readHistory(store);
  const notes = readAllNotes(store);
  const stored = readPlan(store);
  const noteMap = new Map<string, SessionNote>();
  for (const n of notes.notes) noteMap.set(n.sessionId, n);
  const problems = history.problems.concat(notes.problems);
  return View({}, [
    overviewSection(overview(history.records, stored.plan, ctx.now, ctx.tzOffsetMin), t, problems),
    historySection(store, { months: historyByMonth(history.records), records: history.records, notes: noteMap, now: ctx.now }, t),
    reportSection(store, { records: history.records, notes: notes.notes, plan: stored.plan, now: ctx.now, tzOffsetMin: ctx.tzOffsetMin }, t),
    planSection(store, stored.plan, stored.problem, ctx.now, t),
    planCodeSection(store, stored.plan, ctx.now, t),
    routineEditorSection(store, stored.plan, ctx.now, t),
    prefsSection(store),
    dataSection(store, history.records.length, ctx.now),
  ]);
}
