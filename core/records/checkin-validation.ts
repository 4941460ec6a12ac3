// The check-in part of a session record (per-area detail and the first-screen answers), checked
// for core/records/record-validation.ts, the one record validator watch and phone share. Every field
// the person did not touch is absent, so each one here is optional; old records (all four per-area
// fields present, no first-screen answers) stay valid.

import type { AreaCheckIn, Feeling, HurtSide, SessionRecord, StepRecord, TighterSide, Tightness } from '../routines/model';
import { AREAS, FEELINGS, HURT_SIDES, MAX_PAIN_SCORE, PAIRED_AREAS, TIGHTER_SIDES } from '../routines/model';
import { joinPath } from '../kernel/result';
import type { ProblemList } from '../kernel/checks';
import { checkKnownKeys, expectObject, readArray, readBoolean, readEnum, readInteger } from '../kernel/checks';
import { hasOwn } from '../kernel/json';

export const MAX_RECORD_CHECK_INS = 30;

/** The first-screen fields of a record, in the order they are written. */
export const CHECKIN_ANSWER_KEYS = ['feeling', 'hurt', 'hurtArea', 'hurtSide', 'painScore'] as const;
const CHECK_IN_KEYS = ['area', 'tightness', 'newSoreness', 'sidesDiffer', 'pain', 'tighterSide'] as const;

export type CheckInAnswers = Pick<SessionRecord, (typeof CHECKIN_ANSWER_KEYS)[number]>;

function present(obj: Record<string, unknown>, key: string): boolean {
  return hasOwn(obj, key) && obj[key] !== undefined;
}

function optional<T>(obj: Record<string, unknown>, key: string, read: () => T | undefined): T | undefined {
  return present(obj, key) ? read() : undefined;
}

export function readCheckIns(obj: Record<string, unknown>, path: string, problems: ProblemList): AreaCheckIn[] | undefined {
  const list = readArray(obj, 'checkIn', path, problems, MAX_RECORD_CHECK_INS);
  if (list === undefined) return undefined;
  const before = problems.length;
  const seen: string[] = [];
  const checkIns: AreaCheckIn[] = [];
  list.forEach((raw, index) => {
    const at = joinPath(joinPath(path, 'checkIn'), index);
    const entry = expectObject(raw, at, problems);
    if (entry === undefined) return;
    checkKnownKeys(entry, CHECK_IN_KEYS, at, problems);
    const area = readEnum(entry, 'area', at, problems, AREAS);
    if (area === undefined) return;
    if (seen.indexOf(area) >= 0) problems.push({ path: joinPath(at, 'area'), message: `repeats ${area}; one check-in per area` });
    seen.push(area);
    const tightness = optional(entry, 'tightness', () => readInteger(entry, 'tightness', at, problems, 0, 3));
    const newSoreness = optional(entry, 'newSoreness', () => readBoolean(entry, 'newSoreness', at, problems));
    const sidesDiffer = optional(entry, 'sidesDiffer', () => readBoolean(entry, 'sidesDiffer', at, problems));
    const pain = optional(entry, 'pain', () => readBoolean(entry, 'pain', at, problems));
    const tighterSide = optional(entry, 'tighterSide', () => readEnum<TighterSide>(entry, 'tighterSide', at, problems, TIGHTER_SIDES));
    if (tighterSide !== undefined && !PAIRED_AREAS.has(area)) {
      problems.push({ path: joinPath(at, 'tighterSide'), message: `is only for areas with a left and a right side (${area} has none)` });
    }
    checkIns.push({
      area,
      ...(tightness === undefined ? {} : { tightness: tightness as Tightness }),
      ...(newSoreness === undefined ? {} : { newSoreness }),
      ...(sidesDiffer === undefined ? {} : { sidesDiffer }),
      ...(pain === undefined ? {} : { pain }),
      ...(tighterSide === undefined ? {} : { tighterSide }),
    });
  });
  return problems.length === before ? checkIns : undefined;
}

/**
 * The first-screen answers: feeling, "anything hurt?", where and how much. Where and how much only
 * make sense after a "yes" (or, for the score, a pain stop); the area must be one of this session.
 */
export function readCheckInAnswers(
  obj: Record<string, unknown>,
  path: string,
  problems: ProblemList,
  status: string | undefined,
  steps: readonly StepRecord[] | undefined,
): CheckInAnswers {
  const feeling = optional(obj, 'feeling', () => readEnum<Feeling>(obj, 'feeling', path, problems, FEELINGS));
  const hurt = optional(obj, 'hurt', () => readBoolean(obj, 'hurt', path, problems));
  const hurtArea = optional(obj, 'hurtArea', () => readEnum(obj, 'hurtArea', path, problems, AREAS));
  const hurtSide = optional(obj, 'hurtSide', () => readEnum<HurtSide>(obj, 'hurtSide', path, problems, HURT_SIDES));
  const painScore = optional(obj, 'painScore', () => readInteger(obj, 'painScore', path, problems, 0, MAX_PAIN_SCORE));
  if (hurt !== true) {
    for (const key of ['hurtArea', 'hurtSide'] as const) {
      if (present(obj, key)) problems.push({ path: joinPath(path, key), message: 'is only allowed when hurt is true' });
    }
  }
  if (present(obj, 'painScore') && hurt !== true && status !== 'pain') {
    problems.push({ path: joinPath(path, 'painScore'), message: "is only allowed when hurt is true or status is 'pain'" });
  }
  if (hurtArea !== undefined && steps !== undefined && !steps.some((s) => s.area === hurtArea)) {
    problems.push({ path: joinPath(path, 'hurtArea'), message: `must be an area of this session (${hurtArea} was not in it)` });
  }
  if (hurtSide !== undefined && hurtArea === undefined && hurt === true) {
    problems.push({ path: joinPath(path, 'hurtSide'), message: 'needs hurtArea' });
  }
  if (hurtSide !== undefined && hurtArea !== undefined && !PAIRED_AREAS.has(hurtArea)) {
    problems.push({ path: joinPath(path, 'hurtSide'), message: `is only for areas with a left and a right side (${hurtArea} has none)` });
  }
  return {
    ...(feeling === undefined ? {} : { feeling }),
    ...(hurt === undefined ? {} : { hurt }),
    ...(hurtArea === undefined ? {} : { hurtArea }),
    ...(hurtSide === undefined ? {} : { hurtSide }),
    ...(painScore === undefined ? {} : { painScore }),
  };
}
