// The report a person shows their therapist: plain text, deterministic, for a period [from, to).
// Sections always appear in the same order, with "(none in this period)" rather than vanishing,
// so a therapist reading several reports finds things in the same place.

import type { Area, SessionRecord, TherapistPlan } from '../model';
import { AREAS } from '../model';
import type { SessionNote } from './notes';
import type { Translate } from './messages';
import { englishT, fill } from './messages';
import { dayLabel, localClock, localDay, localWeekStart } from '../local-time';
import { onTarget, sessionsPerWeek } from './stats';

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
}

export function buildReport(input: ReportInput, t: Translate = englishT): string {
  const sessions = input.records
    .filter((r) => r.startedAt >= input.from && r.startedAt < input.to)
    .slice()
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
  const target = input.plan === null ? 0 : input.plan.weeklyTarget;
  const area = (a: Area): string => t(`area.${a}`);
  const none = t('report.nothing');
  const lines: string[] = [];
  const section = (title: string, body: readonly string[]): void => {
    lines.push('', t(title));
    if (body.length === 0) lines.push(`  ${none}`);
    else for (const line of body) lines.push(`  ${line}`);
  };

  lines.push(t('report.title'));
  lines.push(fill(t('report.period'), { from: dayLabel(localDay(input.from, input.tzOffsetMin)), to: dayLabel(localDay(input.to - 1, input.tzOffsetMin)) }));
  lines.push(target > 0 ? fill(t('report.sessions-target'), { count: sessions.length, target }) : fill(t('report.sessions'), { count: sessions.length }));
  if (input.plan !== null) {
    const list = (areas: readonly Area[]): string => (areas.length === 0 ? t('report.none') : areas.map(area).join(', '));
    lines.push(fill(t('report.plan'), { focus: list(input.plan.focusAreas), avoid: list(input.plan.avoidAreas) }));
  }

  section('report.weeks', weekLines(sessions, input, target, t));
  section('report.minutes', minuteLines(sessions, area, t));
  section('report.tightness', tightnessLines(sessions, input, area, t));
  section('report.sides', sideLines(sessions, area, t));
  section('report.soreness', sorenessLines(sessions, area));
  section('report.pain', painLines(sessions, area, t));
  section('report.notes', noteLines(sessions, input.notes, t));
  return lines.join('\n') + '\n';
}

function weekLines(sessions: readonly SessionRecord[], input: ReportInput, target: number, t: Translate): string[] {
  const counts = sessionsPerWeek(sessions);
  const out: string[] = [];
  const last = localWeekStart(input.to - 1, input.tzOffsetMin);
  for (let week = localWeekStart(input.from, input.tzOffsetMin); week <= last; week += 7) {
    const count = counts.get(week) || 0;
    if (target > 0) {
      const mark = onTarget(count, target) ? t('report.on-target') : t('report.below-target');
      out.push(`${fill(t('report.week-target'), { week: dayLabel(week), count, target })} ${mark}`);
    } else out.push(fill(t('report.week'), { week: dayLabel(week), count }));
  }
  return out;
}

function minuteLines(sessions: readonly SessionRecord[], area: (a: Area) => string, t: Translate): string[] {
  const ms = new Map<Area, number>();
  for (const r of sessions) for (const s of r.steps) if (s.doneMs > 0) ms.set(s.area, (ms.get(s.area) || 0) + s.doneMs);
  return AREAS.filter((a) => ms.has(a)).map((a) => fill(t('report.minutes-line'), { area: area(a), minutes: oneDecimal((ms.get(a) || 0) / 60_000) }));
}

function tightnessLines(sessions: readonly SessionRecord[], input: ReportInput, area: (a: Area) => string, t: Translate): string[] {
  const middle = input.from + (input.to - input.from) / 2;
  const halves = [new Map<Area, number[]>(), new Map<Area, number[]>()];
  for (const r of sessions) {
    const half = r.startedAt < middle ? halves[0] : halves[1];
    if (half === undefined) continue;
    for (const c of r.checkIn) {
      const list = half.get(c.area);
      if (list === undefined) half.set(c.area, [c.tightness]);
      else list.push(c.tightness);
    }
  }
  const [first, second] = halves as [Map<Area, number[]>, Map<Area, number[]>];
  return AREAS.filter((a) => first.has(a) || second.has(a)).map((a) => {
    const x = average(first.get(a));
    const y = average(second.get(a));
    const trend = x === undefined || y === undefined ? '' : y < x ? t('report.looser') : y > x ? t('report.tighter') : t('report.same');
    const show = (v: number | undefined): string => (v === undefined ? t('report.no-data') : oneDecimal(v));
    return fill(t('report.tightness-line'), { area: area(a), first: show(x), second: show(y), trend }).replace(/\s+$/, '');
  });
}

function sideLines(sessions: readonly SessionRecord[], area: (a: Area) => string, t: Translate): string[] {
  const differ = new Map<Area, number>();
  const total = new Map<Area, number>();
  for (const r of sessions) {
    for (const c of r.checkIn) {
      total.set(c.area, (total.get(c.area) || 0) + 1);
      if (c.sidesDiffer) differ.set(c.area, (differ.get(c.area) || 0) + 1);
    }
  }
  return AREAS.filter((a) => differ.has(a)).map((a) => fill(t('report.sides-line'), { area: area(a), count: differ.get(a) || 0, total: total.get(a) || 0 }));
}

function sorenessLines(sessions: readonly SessionRecord[], area: (a: Area) => string): string[] {
  const out: string[] = [];
  for (const r of sessions) {
    const areas = r.checkIn.filter((c) => c.newSoreness).map((c) => area(c.area));
    if (areas.length > 0) out.push(`${dateOf(r)} ${areas.join(', ')}`);
  }
  return out;
}

function painLines(sessions: readonly SessionRecord[], area: (a: Area) => string, t: Translate): string[] {
  const out: string[] = [];
  for (const r of sessions) {
    if (r.status === 'pain') {
      const step = r.painStepIndex === undefined ? undefined : r.steps[r.painStepIndex];
      out.push(fill(t('report.pain-line'), {
        date: dateOf(r),
        time: localClock(r.startedAt, r.tzOffsetMin),
        area: step === undefined ? t('report.no-data') : area(step.area),
        routine: t(r.routineName),
      }));
    }
    const flagged = r.checkIn.filter((c) => c.pain).map((c) => area(c.area));
    if (flagged.length > 0) out.push(`${dateOf(r)} ${t('report.pain-checkin')}: ${flagged.join(', ')}`);
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

function dateOf(r: SessionRecord): string {
  return dayLabel(localDay(r.startedAt, r.tzOffsetMin));
}

function average(values: readonly number[] | undefined): number | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function oneDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}
