// The report's structured twin: the same period as CSV, one row per recorded step, with the
// session, the check-in of that step's area (empty cells: not rated), the pain score (phone's, else
// the watch's), the first-screen answers and the note. Column names
// and codes are English and stable (for spreadsheets); text fields are quoted when needed.

import type { SessionRecord } from '../routines/model';
import { dayLabel, localClock, localDay } from '../kernel/local-time';
import type { ReportInput } from './report';
import { periodSessions } from './report';
import { toolsOfSession } from './report-tools';
import { painScoreOf, sidesDiffer } from './checkin-reading';

export const CSV_COLUMNS = [
  'date', 'time', 'session_id', 'routine_id', 'status', 'step', 'area', 'side', 'tool', 'planned_s', 'done_s', 'skipped', 'stopped_here',
  'tightness', 'new_soreness', 'sides_differ', 'tighter_side', 'pain_checkin', 'pain_score', 'feeling', 'hurt', 'hurt_area', 'hurt_side', 'note',
] as const;

function cell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function buildReportCsv(input: ReportInput): string {
  const notes = new Map<string, string>();
  for (const n of input.notes) notes.set(n.sessionId, n.text);
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const r of periodSessions(input)) rows.push(...sessionRows(r, input, notes.get(r.id)));
  return rows.join('\r\n') + '\r\n';
}

function sessionRows(r: SessionRecord, input: ReportInput, note: string | undefined): string[] {
  const tools = toolsOfSession(r, input.plan);
  const score = painScoreOf(r, input.painScores);
  return r.steps.map((s, i) => {
    const c = r.checkIn.find((x) => x.area === s.area);
    const values: Array<string | number | boolean | undefined> = [
      dayLabel(localDay(r.startedAt, r.tzOffsetMin)),
      localClock(r.startedAt, r.tzOffsetMin),
      r.id,
      r.routineId,
      r.status,
      i + 1,
      s.area,
      s.side,
      tools === null ? undefined : tools[i],
      Math.round(s.plannedMs / 1000),
      Math.round(s.doneMs / 1000),
      s.skipped,
      r.status === 'pain' && r.painStepIndex === i,
      // Unrated stays an empty cell, never 0 or false.
      c === undefined ? undefined : c.tightness,
      c === undefined ? undefined : c.newSoreness,
      c === undefined || (c.sidesDiffer === undefined && c.tighterSide === undefined) ? undefined : sidesDiffer(c),
      c === undefined ? undefined : c.tighterSide,
      c === undefined ? undefined : c.pain,
      score,
      r.feeling,
      r.hurt,
      r.hurtArea,
      r.hurtSide,
      note,
    ];
    return values.map(cell).join(',');
  });
}
