// The report a person shows their therapist: plain text, deterministic, for a period [from, to).
// A three-line summary first (adherence, tightness, caution), then the sections in a fixed order,
// each with "(none in this period)" rather than vanishing, so a therapist reading several reports
// finds things in the same place. core/phone/report-csv.ts gives the same period as CSV.

import type { Area, ProgressionAnswer, SessionRecord, Side, TherapistPlan, Tool } from '../routines/model';
import { answerLine, progressionAnswers } from './progression-lines';
import { AREAS } from '../routines/model';
import type { SessionNote } from './notes';
import type { Translate } from './messages';
import { englishT } from './messages';
import { fill } from '../kernel/template';
import { dayLabel, localClock, localDay, localWeekStart } from '../kernel/local-time';
import { onTarget, sessionsPerWeek } from './stats';
import { toolsOfSession } from './report-tools';
import { formatDuration, massageMs } from '../records/session-time';
import { hurtAreas, painScoreOf, sidesDiffer, wasRated } from './checkin-reading';

export interface ReportInput {
  readonly records: readonly SessionRecord[];
  readonly notes: readonly SessionNote[];
  readonly plan: TherapistPlan | null;
  /** UTC ms, inclusive. */
  readonly from: number;
  /** UTC ms, exclusive. */
  readonly to: number;
  /** The reader's offset, used for the period's dates and weeks. */
  readonly tzOffsetMin: number;
  /** 0-10 pain scores the person added on the phone, by session id (core/phone/pain-scores). */
  readonly painScores?: ReadonlyMap<string, number>;
  /**
   * The person's progression answers (core/phone/progression-lines progressionAnswers), listed
   * after the weeks when their week is in the period. Absent: taken from the period's records.
   */
  readonly progression?: readonly ProgressionAnswer[];
}

/** Sessions in the period, oldest first. */
export function periodSessions(input: Pick<ReportInput, 'records' | 'from' | 'to'>): SessionRecord[] {
  return input.records
    .filter((r) => r.startedAt >= input.from && r.startedAt < input.to)
    .slice()
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}

/** The day the weekly target took effect, as a local day; null without a target. */
export function targetStartDay(plan: TherapistPlan | null, tzOffsetMin: number): number | null {
  if (plan === null || plan.weeklyTarget === 0) return null;
  return localDay(plan.targetSince === undefined ? plan.updatedAt : plan.targetSince, tzOffsetMin);
}

/** Tightness 0-3 in words and as one sparkline bar. */
const TIGHTNESS_WORDS = ['report.tight-0', 'report.tight-1', 'report.tight-2', 'report.tight-3'] as const;
const BARS = ['▁', '▃', '▅', '▇'] as const;

interface WeekRow {
  readonly week: number;
  readonly count: number;
  /** on / below target, or why the week is not judged (before the plan, the plan's own week, not over yet). */
  readonly mark: 'on' | 'below' | 'before-plan' | 'plan-set' | 'not-over' | 'none';
}

export function buildReport(input: ReportInput, t: Translate = englishT): string {
  const sessions = periodSessions(input);
  const scores = input.painScores === undefined ? new Map<string, number>() : input.painScores;
  const area = (a: Area): string => t(`area.${a}`);
  const side = (s: Side): string => t(`report.side-${s}`);
  const none = t('report.nothing');
  const lines: string[] = [];
  const section = (title: string, body: readonly string[]): void => {
    lines.push('', t(title));
    if (body.length === 0) lines.push(`  ${none}`);
    else for (const line of body) lines.push(`  ${line}`);
  };
  const weeks = weekRows(sessions, input);
  const target = input.plan === null ? 0 : input.plan.weeklyTarget;
  const tight = tightnessByArea(sessions, input);

  lines.push(t('report.title'));
  lines.push(fill(t('report.period'), { from: dayLabel(localDay(input.from, input.tzOffsetMin)), to: dayLabel(localDay(input.to - 1, input.tzOffsetMin)) }));

  // The ten-second summary.
  section('report.summary', summaryLines(sessions, weeks, target, tight, scores, area, t));
  section('report.plan-section', planLines(input, area, t));
  section('report.weeks', weeks.map((w) => weekLine(w, target, t)));
  section('report.progression', progressionSection(input, sessions, t));
  section('report.adapted', adaptedLines(sessions, area, t));
  section('report.areas', areaLines(sessions, tight, area, t));
  section('report.steps', stepLines(sessions, area, side, t));
  section('report.pain', painLines(sessions, scores, area, side, t));
  section('report.tools', toolLines(sessions, input.plan, area, t));
  section('report.soreness', sorenessLines(sessions, area));
  section('report.notes', noteLines(sessions, input.notes, t));
  return lines.join('\n') + '\n';
}

// ---- summary -----------------------------------------------------------------------------------

function summaryLines(
  sessions: readonly SessionRecord[],
  weeks: readonly WeekRow[],
  target: number,
  tight: ReadonlyMap<Area, AreaTightness>,
  scores: ReadonlyMap<string, number>,
  area: (a: Area) => string,
  t: Translate,
): string[] {
  const time = formatDuration(sessions.reduce((sum, r) => sum + massageMs(r), 0));
  const judged = weeks.filter((w) => w.mark === 'on' || w.mark === 'below');
  let first = fill(t(sessions.length === 1 ? 'report.sum-sessions-one' : 'report.sum-sessions'), { count: sessions.length, time });
  if (target > 0) {
    first += judged.length === 0
      ? fill(t('report.sum-target-none'), { target })
      : fill(t('report.sum-target'), { on: judged.filter((w) => w.mark === 'on').length, weeks: judged.length, target });
  }
  const tighter: string[] = [];
  const looser: string[] = [];
  const differ: string[] = [];
  tight.forEach((v, a) => {
    if (v.trend === 'tighter') tighter.push(area(a));
    if (v.trend === 'looser') looser.push(area(a));
    if (v.sidesDiffer > 0) differ.push(v.tighter === undefined ? area(a) : fill(t('report.sum-side-tighter'), { area: area(a), side: t(`report.side-${v.tighter}`) }));
  });
  const parts: string[] = [];
  if (tighter.length > 0) parts.push(fill(t('report.sum-tighter'), { areas: tighter.join(', ') }));
  if (looser.length > 0) parts.push(fill(t('report.sum-looser'), { areas: looser.join(', ') }));
  if (differ.length > 0) parts.push(fill(t('report.sum-sides'), { areas: differ.join(', ') }));
  let trends = 0;
  tight.forEach((v) => {
    if (v.trend !== 'unknown') trends += 1;
  });
  const second = tight.size === 0 ? t('report.sum-not-rated') : parts.length > 0 ? parts.join('; ') : trends === 0 ? t('report.sum-no-trend') : t('report.sum-steady');
  const caution: string[] = [];
  const painAreas: string[] = [];
  let painSessions = 0;
  let painStops = 0;
  let highest = -1;
  for (const r of sessions) {
    const stop = painStop(r);
    const flagged = hurtAreas(r);
    if (r.status !== 'pain' && flagged.length === 0 && r.hurt !== true) continue;
    painSessions += 1;
    if (r.status === 'pain') painStops += 1;
    const score = painScoreOf(r, scores);
    if (score !== undefined && score > highest) highest = score;
    for (const a of stop === null ? flagged : [stop.area].concat(flagged)) if (painAreas.indexOf(area(a)) < 0) painAreas.push(area(a));
  }
  if (painSessions > 0) {
    const details: string[] = [];
    if (painStops > 0) details.push(fill(t('report.sum-pain-stops'), { count: painStops }));
    if (highest >= 0) details.push(fill(t('report.sum-pain-score'), { score: highest }));
    const base = fill(t(painSessions === 1 ? 'report.sum-pain-one' : 'report.sum-pain'), { count: painSessions, areas: painAreas.join(', ') });
    caution.push(details.length === 0 ? base : `${base} ${fill(t('report.sum-pain-details'), { details: details.join(', ') })}`);
  }
  const sore: string[] = [];
  for (const r of sessions) for (const c of r.checkIn) if (c.newSoreness === true && sore.indexOf(area(c.area)) < 0) sore.push(area(c.area));
  if (sore.length > 0) caution.push(fill(t('report.sum-soreness'), { areas: sore.join(', ') }));
  const third = caution.length === 0 ? t('report.sum-no-caution') : fill(t('report.sum-caution'), { items: caution.join('; ') });
  return [first, second, third];
}

// ---- plan and weeks ----------------------------------------------------------------------------

function planLines(input: ReportInput, area: (a: Area) => string, t: Translate): string[] {
  const plan = input.plan;
  if (plan === null) return [t('report.no-plan')];
  const list = (areas: readonly Area[]): string => (areas.length === 0 ? t('report.none') : areas.map(area).join(', '));
  const out = [fill(t('report.plan'), { focus: list(plan.focusAreas), avoid: list(plan.avoidAreas) })];
  const since = targetStartDay(plan, input.tzOffsetMin);
  out.push(since === null ? t('report.plan-no-target') : fill(t('report.plan-target'), { target: plan.weeklyTarget, date: dayLabel(since) }));
  for (const a of plan.advice === undefined ? [] : plan.advice) {
    out.push(fill(t('report.plan-advice'), { area: area(a.area), tool: t(`tool.${a.tool}`), technique: a.technique }).replace(/[\s:：]+$/, ''));
  }
  return out;
}

function weekRows(sessions: readonly SessionRecord[], input: ReportInput): WeekRow[] {
  const counts = sessionsPerWeek(sessions);
  const target = input.plan === null ? 0 : input.plan.weeklyTarget;
  const since = targetStartDay(input.plan, input.tzOffsetMin);
  const lastDay = localDay(input.to - 1, input.tzOffsetMin);
  const out: WeekRow[] = [];
  for (let week = localWeekStart(input.from, input.tzOffsetMin); week <= lastDay; week += 7) {
    const count = counts.get(week) || 0;
    let mark: WeekRow['mark'] = 'none';
    if (target > 0 && since !== null) {
      // A week is judged only when the target existed before it began.
      if (week + 6 < since) mark = 'before-plan';
      else if (week <= since) mark = 'plan-set';
      else if (onTarget(count, target)) mark = 'on';
      else if (week + 6 > lastDay) mark = 'not-over';
      else mark = 'below';
    }
    out.push({ week, count, mark });
  }
  return out;
}

function weekLine(w: WeekRow, target: number, t: Translate): string {
  if (w.mark === 'none') return fill(t('report.week'), { week: dayLabel(w.week), count: w.count });
  const base = w.mark === 'before-plan' ? fill(t('report.week'), { week: dayLabel(w.week), count: w.count }) : fill(t('report.week-target'), { week: dayLabel(w.week), count: w.count, target });
  return `${base} ${t(`report.week-${w.mark}`)}`;
}

// ---- per area and side -------------------------------------------------------------------------

interface AreaTightness {
  /** Average tightness per week of the period (undefined: no rating that week). */
  readonly byWeek: ReadonlyArray<number | undefined>;
  readonly trend: 'tighter' | 'looser' | 'same' | 'unknown';
  /** Check-ins that rated the area's tightness (an area may have detail without it). */
  readonly ratings: number;
  /** Check-ins of the area (with any detail). */
  readonly checkIns: number;
  readonly sidesDiffer: number;
  /** Answers to "which side is tighter?". */
  readonly sides: { readonly left: number; readonly right: number; readonly same: number };
  /** The side more often named tighter, when one is (undefined: unknown or as often each). */
  readonly tighter?: 'left' | 'right';
}

function tightnessByArea(sessions: readonly SessionRecord[], input: ReportInput): Map<Area, AreaTightness> {
  const first = localWeekStart(input.from, input.tzOffsetMin);
  const weekCount = Math.floor((localWeekStart(input.to - 1, input.tzOffsetMin) - first) / 7) + 1;
  const sums = new Map<Area, { sum: number[]; n: number[]; ratings: number; checkIns: number; differ: number; sides: { left: number; right: number; same: number } }>();
  for (const r of sessions) {
    const index = Math.floor((localWeekStart(r.startedAt, r.tzOffsetMin) - first) / 7);
    for (const c of r.checkIn) {
      let entry = sums.get(c.area);
      if (entry === undefined) {
        entry = { sum: new Array<number>(weekCount).fill(0), n: new Array<number>(weekCount).fill(0), ratings: 0, checkIns: 0, differ: 0, sides: { left: 0, right: 0, same: 0 } };
        sums.set(c.area, entry);
      }
      entry.checkIns += 1;
      if (sidesDiffer(c)) entry.differ += 1;
      if (c.tighterSide !== undefined) entry.sides[c.tighterSide] += 1;
      // Unrated tightness is left out of the averages: it is not "none".
      if (c.tightness === undefined) continue;
      if (index >= 0 && index < weekCount) {
        entry.sum[index] = (entry.sum[index] as number) + c.tightness;
        entry.n[index] = (entry.n[index] as number) + 1;
      }
      entry.ratings += 1;
    }
  }
  const out = new Map<Area, AreaTightness>();
  for (const a of AREAS) {
    const entry = sums.get(a);
    if (entry === undefined) continue;
    const byWeek = entry.sum.map((s, i) => ((entry.n[i] as number) === 0 ? undefined : s / (entry.n[i] as number)));
    const rated = byWeek.filter((v): v is number => v !== undefined);
    const start = rated[0];
    const end = rated[rated.length - 1];
    const trend = rated.length < 2 || start === undefined || end === undefined ? 'unknown' : end > start ? 'tighter' : end < start ? 'looser' : 'same';
    const { left, right } = entry.sides;
    const tighter = left > right ? 'left' : right > left ? 'right' : undefined;
    out.set(a, { byWeek, trend, ratings: entry.ratings, checkIns: entry.checkIns, sidesDiffer: entry.differ, sides: entry.sides, ...(tighter === undefined ? {} : { tighter }) });
  }
  return out;
}

function areaLines(sessions: readonly SessionRecord[], tight: ReadonlyMap<Area, AreaTightness>, area: (a: Area) => string, t: Translate): string[] {
  const rated = sessions.filter(wasRated).length;
  const out: string[] = [];
  if (sessions.length > 0) out.push(fill(t('report.rated'), { rated, count: sessions.length, unrated: sessions.length - rated }));
  const felt = { better: 0, same: 0, worse: 0 };
  for (const r of sessions) if (r.feeling !== undefined) felt[r.feeling] += 1;
  if (felt.better + felt.same + felt.worse > 0) out.push(fill(t('report.feeling'), felt));
  const ms = new Map<Area, Map<Side, number>>();
  for (const r of sessions) {
    for (const s of r.steps) {
      if (s.doneMs <= 0) continue;
      let bySide = ms.get(s.area);
      if (bySide === undefined) ms.set(s.area, (bySide = new Map<Side, number>()));
      bySide.set(s.side, (bySide.get(s.side) || 0) + s.doneMs);
    }
  }
  for (const a of AREAS) {
    const bySide = ms.get(a);
    const rating = tight.get(a);
    if (bySide === undefined && rating === undefined) continue;
    const minutes: string[] = [];
    for (const s of ['left', 'right', 'both'] as const) {
      const v = bySide === undefined ? undefined : bySide.get(s);
      if (v !== undefined) minutes.push(fill(t(`report.minutes-${s}`), { time: formatDuration(v) }));
    }
    out.push(fill(t('report.area-line'), { area: area(a), minutes: minutes.length === 0 ? t('report.minutes-none') : minutes.join(', ') }));
    if (rating === undefined || rating.ratings === 0) {
      out.push(`  ${t('report.tightness-none')}`);
    } else {
      const words = rating.byWeek.map((v) => (v === undefined ? '–' : t(TIGHTNESS_WORDS[Math.round(v)] as string))).join(', ');
      const spark = rating.byWeek.map((v) => (v === undefined ? '·' : BARS[Math.round(v)])).join('');
      const trend = rating.trend === 'unknown' ? '' : ` ${t(`report.trend-${rating.trend}`)}`;
      out.push(`  ${fill(t('report.tightness-weeks'), { words, spark })}${trend}`);
    }
    if (rating !== undefined && rating.sidesDiffer > 0) out.push(`  ${fill(t('report.sides-line'), { count: rating.sidesDiffer, total: rating.checkIns })}`);
    if (rating !== undefined && rating.sides.left + rating.sides.right + rating.sides.same > 0) out.push(`  ${fill(t('report.sides-which'), rating.sides)}`);
  }
  return out;
}

/** "Forearms left" for a sided step, "Neck" for one on both sides. */
function sideLabel(a: Area, s: Side, area: (a: Area) => string, side: (s: Side) => string, t: Translate): string {
  return s === 'both' ? area(a) : fill(t('report.area-side'), { area: area(a), side: side(s) });
}

// ---- steps, pain, tools, soreness, notes -------------------------------------------------------

/** Where a stopped session stopped: the pain step, or the first step neither done nor skipped. */
function stopIndex(r: SessionRecord): number | null {
  if (r.status === 'completed') return null;
  if (r.status === 'pain' && r.painStepIndex !== undefined) return r.painStepIndex;
  const index = r.steps.findIndex((s) => !s.skipped && s.doneMs < s.plannedMs);
  return index < 0 ? null : index;
}

function painStop(r: SessionRecord): { area: Area; side: Side } | null {
  if (r.status !== 'pain') return null;
  const index = stopIndex(r);
  const step = index === null ? undefined : r.steps[index];
  return step === undefined ? null : { area: step.area, side: step.side };
}

function stepLines(sessions: readonly SessionRecord[], area: (a: Area) => string, side: (s: Side) => string, t: Translate): string[] {
  const out: string[] = [];
  for (const r of sessions) {
    const stop = stopIndex(r);
    const parts: string[] = [];
    r.steps.forEach((s, i) => {
      if (stop !== null && i >= stop) return;
      const step = sideLabel(s.area, s.side, area, side, t);
      if (s.skipped && s.doneMs === 0) parts.push(fill(t('report.step-skipped'), { step }));
      else if (s.skipped) parts.push(fill(t('report.step-shortened'), { step, done: formatDuration(s.doneMs), planned: formatDuration(s.plannedMs) }));
    });
    const stopStep = stop === null ? undefined : r.steps[stop];
    if (stopStep !== undefined) {
      const values = { step: sideLabel(stopStep.area, stopStep.side, area, side, t), done: formatDuration(stopStep.doneMs), planned: formatDuration(stopStep.plannedMs) };
      parts.push(fill(t(r.status === 'pain' ? 'report.step-stopped-pain' : 'report.step-stopped'), values));
      const left = r.steps.length - (stop as number) - 1;
      if (left > 0) parts.push(fill(t('report.steps-left'), { left }));
    }
    if (parts.length > 0) out.push(fill(t('report.session-line'), { date: dateOf(r), routine: t(r.routineName), items: parts.join('; ') }));
  }
  return out;
}

function painLines(sessions: readonly SessionRecord[], scores: ReadonlyMap<string, number>, area: (a: Area) => string, side: (s: Side) => string, t: Translate): string[] {
  const out: string[] = [];
  for (const r of sessions) {
    const stop = painStop(r);
    // Old records tick pain per area; new ones name one area (and side) for "anything hurt?".
    const flagged = r.checkIn.filter((c) => c.pain === true).map((c) => (r.hurtArea === c.area && r.hurtSide !== undefined ? sideLabel(c.area, r.hurtSide, area, side, t) : area(c.area)));
    if (r.hurt === true) {
      const named = r.hurtArea === undefined ? undefined : sideLabel(r.hurtArea, r.hurtSide === undefined ? 'both' : r.hurtSide, area, side, t);
      if (named === undefined) flagged.push(t('report.hurt-unnamed'));
      else if (r.checkIn.every((c) => c.pain !== true || c.area !== r.hurtArea)) flagged.push(named);
    }
    if (r.status !== 'pain' && flagged.length === 0) continue;
    const parts: string[] = [];
    if (r.status === 'pain') parts.push(stop === null ? t('report.pain-stop-unknown') : fill(t('report.pain-stop'), { step: sideLabel(stop.area, stop.side, area, side, t) }));
    if (flagged.length > 0) parts.push(fill(t('report.pain-checkin'), { areas: flagged.join(', '), status: t(`report.status-${r.status}`) }));
    const score = painScoreOf(r, scores);
    parts.push(score === undefined ? t('report.score-none') : fill(t('report.score'), { score }));
    out.push(fill(t('report.session-line'), { date: `${dateOf(r)} ${localClock(r.startedAt, r.tzOffsetMin)}`, routine: t(r.routineName), items: parts.join('; ') }));
  }
  return out;
}

function toolLines(sessions: readonly SessionRecord[], plan: TherapistPlan | null, area: (a: Area) => string, t: Translate): string[] {
  const used = new Map<Area, Tool[]>();
  let unknown = 0;
  for (const r of sessions) {
    const tools = toolsOfSession(r, plan);
    if (tools === null) {
      unknown += 1;
      continue;
    }
    r.steps.forEach((s, i) => {
      const tool = tools[i];
      if (tool === undefined || s.doneMs <= 0) return;
      const list = used.get(s.area);
      if (list === undefined) used.set(s.area, [tool]);
      else if (list.indexOf(tool) < 0) list.push(tool);
    });
  }
  const out = AREAS.filter((a) => used.has(a)).map((a) => fill(t('report.area-line'), { area: area(a), minutes: (used.get(a) as Tool[]).map((x) => t(`tool.${x}`)).join(', ') }));
  if (unknown > 0) out.push(fill(t('report.tools-unknown'), { count: unknown }));
  return out;
}

function sorenessLines(sessions: readonly SessionRecord[], area: (a: Area) => string): string[] {
  const out: string[] = [];
  for (const r of sessions) {
    const areas = r.checkIn.filter((c) => c.newSoreness === true).map((c) => area(c.area));
    if (areas.length > 0) out.push(`${dateOf(r)} ${areas.join(', ')}`);
  }
  return out;
}

function noteLines(sessions: readonly SessionRecord[], notes: readonly SessionNote[], t: Translate): string[] {
  const preset = new Map<string, number>();
  for (const r of sessions) for (const n of r.notes) preset.set(n, (preset.get(n) || 0) + 1);
  const out: string[] = [];
  preset.forEach((count, note) => out.push(fill(t('report.preset-line'), { note: t(`note.${note}`), count })));
  out.sort();
  const byId = new Map<string, SessionNote>();
  for (const n of notes) byId.set(n.sessionId, n);
  for (const r of sessions) {
    const note = byId.get(r.id);
    // A note is the person's text: keep it on one line so the report's layout holds.
    if (note !== undefined) out.push(fill(t('report.note-line'), { date: dateOf(r), routine: t(r.routineName), text: note.text.replace(/\s*[\r\n]+\s*/g, ' / ') }));
  }
  return out;
}

// ---- progression and adapted time --------------------------------------------------------------

/** The answers given in the period's weeks (an answer's week is the local Monday it was given in). */
function progressionSection(input: ReportInput, sessions: readonly SessionRecord[], t: Translate): string[] {
  const answers = input.progression === undefined ? progressionAnswers(sessions) : input.progression;
  const first = localWeekStart(input.from, input.tzOffsetMin);
  const last = localDay(input.to - 1, input.tzOffsetMin);
  return answers.filter((a) => a.week >= first && a.week <= last).map((a) => answerLine(a, t));
}

/**
 * Per area, over the sessions that ran it differently from the plan (StepRecord.baseMs): the
 * plan's minutes, the minutes it ran with after adaptation and progression, and in how many
 * sessions. An area progression added (the plan gave it nothing) says so.
 */
function adaptedLines(sessions: readonly SessionRecord[], area: (a: Area) => string, t: Translate): string[] {
  const sums = new Map<Area, { base: number; run: number; sessions: number }>();
  for (const r of sessions) {
    const seen: Area[] = [];
    for (const step of r.steps) {
      if (step.baseMs === undefined) continue;
      const entry = sums.get(step.area) ?? { base: 0, run: 0, sessions: 0 };
      if (seen.indexOf(step.area) < 0) {
        seen.push(step.area);
        entry.sessions += 1;
      }
      entry.base += step.baseMs;
      entry.run += step.plannedMs;
      sums.set(step.area, entry);
    }
  }
  const out: string[] = [];
  for (const a of AREAS) {
    const entry = sums.get(a);
    if (entry === undefined) continue;
    const values = { area: area(a), base: formatDuration(entry.base), run: formatDuration(entry.run), count: entry.sessions };
    out.push(fill(t(entry.base === 0 ? (entry.sessions === 1 ? 'report.adapted-added-one' : 'report.adapted-added') : entry.sessions === 1 ? 'report.adapted-line-one' : 'report.adapted-line'), values));
  }
  return out;
}

function dateOf(r: SessionRecord): string {
  return dayLabel(localDay(r.startedAt, r.tzOffsetMin));
}
