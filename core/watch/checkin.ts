// The Check-in page's draft. The first screen asks two things (overall feeling; anything hurt, and
// if so where, which side and how much 0-10); per-area detail (tightness in words, which side is
// tighter, new soreness) comes only on request. Only what the person touches is set: a tap on the
// chosen answer again takes it back, so an untouched field stays absent ("not rated"), never 0.
// draftAnswers() turns the draft into the input withCheckIn() validates.

import type { Area, AreaCheckIn, Feeling, HurtSide, PresetNote, SessionRecord, TighterSide, Tightness } from '../routines/model';
import { MAX_PAIN_SCORE, PAIRED_AREAS } from '../routines/model';
import type { CheckInAnswers } from '../records/checkin-validation';

export interface CheckInDraft extends CheckInAnswers {
  /** Only areas with at least one detail touched, each with only the touched fields. */
  readonly areas: readonly AreaCheckIn[];
  readonly notes: readonly PresetNote[];
}

/** Areas worked (not skipped), each once, in session order. */
export function areasDone(record: SessionRecord): Area[] {
  const out: Area[] = [];
  for (const step of record.steps) if (!step.skipped && step.doneMs > 0 && out.indexOf(step.area) < 0) out.push(step.area);
  return out;
}

export function areasSkipped(record: SessionRecord): Area[] {
  const done = areasDone(record);
  const out: Area[] = [];
  for (const step of record.steps) if (done.indexOf(step.area) < 0 && out.indexOf(step.area) < 0) out.push(step.area);
  return out;
}

/** Areas the person may name as hurting: every area of the session, worked or not, in order. */
export function sessionAreas(record: SessionRecord): Area[] {
  const out: Area[] = [];
  for (const step of record.steps) if (out.indexOf(step.area) < 0) out.push(step.area);
  return out;
}

/** Whether an area has a left and a right side to tell apart (the question is left out otherwise). */
export function hasSides(area: Area): boolean {
  return PAIRED_AREAS.has(area);
}

export function emptyDraft(): CheckInDraft {
  return { areas: [], notes: [] };
}

/** Sets `key` to `value`, or removes it when it already holds that value (the tap takes it back). */
function toggle<K extends keyof CheckInAnswers>(draft: CheckInDraft, key: K, value: NonNullable<CheckInAnswers[K]>): CheckInDraft {
  const next: Record<string, unknown> = { ...draft };
  if (draft[key] === value) delete next[key];
  else next[key] = value;
  return next as unknown as CheckInDraft;
}

function without(draft: CheckInDraft, keys: readonly (keyof CheckInAnswers)[]): CheckInDraft {
  const next: Record<string, unknown> = { ...draft };
  for (const key of keys) delete next[key];
  return next as unknown as CheckInDraft;
}

export function chooseFeeling(draft: CheckInDraft, feeling: Feeling): CheckInDraft {
  return toggle(draft, 'feeling', feeling);
}

/**
 * "Anything hurt?" A "no" (or taking back the "yes") drops where and how much. Where and how much
 * exist only under a "yes", so a tap that gives the "yes" has nothing to drop: any tap drops them.
 */
export function answerHurt(draft: CheckInDraft, hurt: boolean): CheckInDraft {
  return without(toggle(draft, 'hurt', hurt), ['hurtArea', 'hurtSide', 'painScore']);
}

/** Which area hurt; choosing another area drops the side chosen for the first. */
export function chooseHurtArea(draft: CheckInDraft, area: Area): CheckInDraft {
  if (draft.hurt !== true) return draft;
  return without(toggle(draft, 'hurtArea', area), ['hurtSide']);
}

/** A side only for a chosen area (chosen only under a "yes") with two sides. */
export function chooseHurtSide(draft: CheckInDraft, side: HurtSide): CheckInDraft {
  if (draft.hurtArea === undefined || !hasSides(draft.hurtArea)) return draft;
  return toggle(draft, 'hurtSide', side);
}

/** One tap picks the score (0-10); the same number again takes it back. */
export function choosePainScore(draft: CheckInDraft, score: number): CheckInDraft {
  if (draft.hurt !== true || !Number.isInteger(score) || score < 0 || score > MAX_PAIN_SCORE) return draft;
  return toggle(draft, 'painScore', score);
}

function changeArea(draft: CheckInDraft, area: Area, change: (entry: Record<string, unknown>) => void): CheckInDraft {
  const current = draft.areas.find((a) => a.area === area);
  const entry: Record<string, unknown> = current === undefined ? { area } : { ...current };
  change(entry);
  const touched = Object.keys(entry).length > 1;
  const others = draft.areas.filter((a) => a.area !== area);
  if (!touched) return { ...draft, areas: others };
  // Areas stay in the order they were first touched.
  const areas = current === undefined ? others.concat([entry as unknown as AreaCheckIn]) : draft.areas.map((a) => (a.area === area ? (entry as unknown as AreaCheckIn) : a));
  return { ...draft, areas };
}

function toggleField(entry: Record<string, unknown>, key: string, value: unknown): void {
  if (entry[key] === value) delete entry[key];
  else entry[key] = value;
}

export function chooseTightness(draft: CheckInDraft, area: Area, tightness: Tightness): CheckInDraft {
  return changeArea(draft, area, (e) => toggleField(e, 'tightness', tightness));
}

export function chooseTighterSide(draft: CheckInDraft, area: Area, side: TighterSide): CheckInDraft {
  if (!hasSides(area)) return draft;
  return changeArea(draft, area, (e) => toggleField(e, 'tighterSide', side));
}

/** New soreness is a tick: ticked is recorded true, unticked is simply absent again. */
export function toggleNewSoreness(draft: CheckInDraft, area: Area): CheckInDraft {
  return changeArea(draft, area, (e) => toggleField(e, 'newSoreness', true));
}

export function toggleNote(draft: CheckInDraft, note: PresetNote): CheckInDraft {
  const has = draft.notes.indexOf(note) >= 0;
  return { ...draft, notes: has ? draft.notes.filter((n) => n !== note) : draft.notes.concat([note]) };
}

export function detailOf(draft: CheckInDraft, area: Area): AreaCheckIn | undefined {
  return draft.areas.find((a) => a.area === area);
}

/** The arguments of withCheckIn / saveFinished after the record: ratings, notes, first-screen answers. */
export function draftAnswers(draft: CheckInDraft): { readonly checkIns: readonly AreaCheckIn[]; readonly notes: readonly PresetNote[]; readonly answers: CheckInAnswers } {
  const { areas, notes, ...answers } = draft;
  return { checkIns: areas, notes, answers };
}
