// Taking a plan from a therapist's code: what the plan becomes, and exactly what changes, line by
// line, so the person can accept or decline knowing what the watch will do.
//
// The therapist's code sets the therapist's part of the plan (focus, avoid, target, assigned
// routines, advice, note) and the therapist's routines; the person's own custom routines stay.
// A routine from an earlier code (id 'therapist-…', the therapist page's ids) is replaced by the
// new code's routines, so codes sent one after another do not pile up.

import type { Area, Routine, TherapistPlan } from '../routines/model';
import { AREAS } from '../routines/model';
import { routineLength } from '../routines/routine-length';
import { LIBRARY } from '../routines/library';
import type { Translate } from './messages';
import { fill } from '../kernel/template';
import { joinList, localeOf, pluralId } from '../kernel/locale';

export const THERAPIST_ROUTINE_PREFIX = 'therapist-';

export function mergeCodePlan(current: TherapistPlan | null, incoming: TherapistPlan, now: number): TherapistPlan {
  const incomingIds = new Set(incoming.customRoutines.map((r) => r.id));
  const own = current === null ? [] : current.customRoutines.filter((r) => r.id.indexOf(THERAPIST_ROUTINE_PREFIX) !== 0 && !incomingIds.has(r.id));
  const updatedAt = Math.max(now, current === null ? 0 : current.updatedAt + 1);
  const merged = { ...incoming, customRoutines: incoming.customRoutines.concat(own), updatedAt };
  return { ...merged, targetSince: targetSinceAfter(current, merged, updatedAt) };
}

/** When the target keeps its value the day it was set stays; a new target starts counting now. */
export function targetSinceAfter(current: TherapistPlan | null, next: TherapistPlan, now: number): number {
  if (current !== null && current.weeklyTarget === next.weeklyTarget) {
    return current.targetSince === undefined ? current.updatedAt : current.targetSince;
  }
  return now;
}

/** The changes from `before` to `after`, one line each, in a fixed order; empty when nothing changes. */
export function describePlanChanges(before: TherapistPlan | null, after: TherapistPlan, t: Translate): string[] {
  // The .po's own `locale` entry (English when t has none) decides lists and plural forms.
  const locale = localeOf(t('locale'));
  const area = (a: Area): string => t(`area.${a}`);
  const areas = (list: readonly Area[]): string => (list.length === 0 ? t('change.none') : joinList(list.map(area), locale));
  const lines: string[] = [];
  const oldTarget = before === null ? 0 : before.weeklyTarget;
  const target = (n: number): string => (n === 0 ? t('change.no-target') : fill(t('change.per-week'), { count: n }));
  if (oldTarget !== after.weeklyTarget) lines.push(fill(t('change.target'), { from: target(oldTarget), to: target(after.weeklyTarget) }));
  const oldFocus = before === null ? [] : before.focusAreas;
  const oldAvoid = before === null ? [] : before.avoidAreas;
  if (!sameSet(oldFocus, after.focusAreas)) lines.push(fill(t('change.focus'), { from: areas(oldFocus), to: areas(after.focusAreas) }));
  if (!sameSet(oldAvoid, after.avoidAreas)) lines.push(fill(t('change.avoid'), { from: areas(oldAvoid), to: areas(after.avoidAreas) }));

  const oldRoutines = new Map<string, Routine>();
  for (const r of before === null ? [] : before.customRoutines) oldRoutines.set(r.id, r);
  const newIds = new Set(after.customRoutines.map((r) => r.id));
  const describe = (r: Routine): string => {
    const length = routineLength(r);
    return fill(t(pluralId('change.routine-desc', length.steps, locale)), { name: r.name, steps: length.steps, time: length.clock, areas: joinList(uniqueAreas(r).map(area), locale) });
  };
  for (const r of after.customRoutines) {
    const old = oldRoutines.get(r.id);
    if (old === undefined) lines.push(fill(t('change.routine-added'), { routine: describe(r) }));
    else if (JSON.stringify(old) !== JSON.stringify(r)) lines.push(fill(t('change.routine-changed'), { routine: describe(r) }));
  }
  oldRoutines.forEach((r) => {
    if (!newIds.has(r.id)) lines.push(fill(t('change.routine-removed'), { name: r.name }));
  });

  const name = (id: string, plan: TherapistPlan | null): string => {
    const found = LIBRARY.find((r) => r.id === id) || (plan === null ? undefined : plan.customRoutines.find((r) => r.id === id));
    return found === undefined ? id : t(found.name);
  };
  const oldAssigned = before === null ? [] : before.assignedRoutineIds;
  if (oldAssigned.join('\n') !== after.assignedRoutineIds.join('\n')) {
    const list = (ids: readonly string[], plan: TherapistPlan | null): string => (ids.length === 0 ? t('change.none') : ids.map((id) => name(id, plan)).join(', '));
    lines.push(fill(t('change.assigned'), { from: list(oldAssigned, before), to: list(after.assignedRoutineIds, after) }));
  }

  const oldAdvice = before === null || before.advice === undefined ? [] : before.advice;
  const newAdvice = after.advice === undefined ? [] : after.advice;
  for (const a of AREAS) {
    const was = oldAdvice.find((x) => x.area === a);
    const now = newAdvice.find((x) => x.area === a);
    if (now !== undefined && (was === undefined || was.tool !== now.tool || was.technique !== now.technique)) {
      const advice = now.technique === '' ? t(`tool.${now.tool}`) : `${t(`tool.${now.tool}`)}, ${now.technique}`;
      lines.push(fill(t('change.advice'), { area: area(a), advice }));
    } else if (now === undefined && was !== undefined) lines.push(fill(t('change.advice-removed'), { area: area(a) }));
  }
  const oldNote = before === null || before.note === undefined ? '' : before.note;
  const newNote = after.note === undefined ? '' : after.note;
  if (oldNote !== newNote) lines.push(newNote === '' ? t('change.note-removed') : fill(t('change.note'), { note: newNote }));
  return lines;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.indexOf(x) >= 0);
}

function uniqueAreas(routine: Routine): Area[] {
  const out: Area[] = [];
  for (const s of routine.steps) if (out.indexOf(s.area) < 0) out.push(s.area);
  return out;
}
