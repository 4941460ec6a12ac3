// How the phone reads a record's check-in, in one place for the report, the CSV and the History
// view: absent answers are "not rated", old records (a sidesDiffer flag, a pain tick) read the same
// way as new ones (which side is tighter, "anything hurt?"), and a score given on the phone wins
// over the one given on the watch.

import type { Area, AreaCheckIn, SessionRecord } from '../routines/model';

/** Whether the person said the two sides of an area differ (old records: a flag; new: which side). */
export function sidesDiffer(c: AreaCheckIn): boolean {
  return c.sidesDiffer === true || c.tighterSide === 'left' || c.tighterSide === 'right';
}

/** The session's 0-10 pain score: the phone's (added or corrected later) or else the watch's. */
export function painScoreOf(record: SessionRecord, phoneScores: ReadonlyMap<string, number> | undefined): number | undefined {
  const phone = phoneScores === undefined ? undefined : phoneScores.get(record.id);
  return phone !== undefined ? phone : record.painScore;
}

/** Areas the person said hurt at the check-in: the pain ticks of old records and the "anything hurt?" area. */
export function hurtAreas(record: SessionRecord): Area[] {
  const out = record.checkIn.filter((c) => c.pain === true).map((c) => c.area);
  if (record.hurt === true && record.hurtArea !== undefined && out.indexOf(record.hurtArea) < 0) out.push(record.hurtArea);
  return out;
}

/** Whether anything was answered at the check-in (a skipped check-in answers nothing). */
export function wasRated(record: SessionRecord): boolean {
  return record.checkIn.length > 0 || record.feeling !== undefined || record.hurt !== undefined;
}
