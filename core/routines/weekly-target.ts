// The one rule for "this week: 2 of 3", used by the watch's Home, the phone's Overview and the
// therapist report alike, so the three never disagree.

import { localWeekStart } from '../kernel/local-time';
import type { SessionRecord } from './model';

/** What the rule reads of a session: a full record (phone) or the watch's recent-history entry. */
export type CountedSession = Pick<SessionRecord, 'startedAt' | 'tzOffsetMin' | 'status'>;

/**
 * Completed sessions count, and so do sessions stopped for pain: stopping on pain is what the
 * person should do and must not cost them their target. Sessions simply stopped do not count.
 */
export function countsTowardTarget(record: Pick<SessionRecord, 'status'>): boolean {
  return record.status !== 'stopped';
}

/** Counting sessions per local week, keyed by the local day number of the week's Monday. Each
 * record is filed in the week its person lived it (its own time-zone offset). */
export function sessionsPerWeek(records: readonly CountedSession[]): Map<number, number> {
  const weeks = new Map<number, number>();
  for (const record of records) {
    if (!countsTowardTarget(record)) continue;
    const week = localWeekStart(record.startedAt, record.tzOffsetMin);
    weeks.set(week, (weeks.get(week) || 0) + 1);
  }
  return weeks;
}

/** Sessions counting toward the target in the week that contains `now` in the zone `tzOffsetMin`. */
export function sessionsThisWeek(records: readonly CountedSession[], now: number, tzOffsetMin: number): number {
  return sessionsPerWeek(records).get(localWeekStart(now, tzOffsetMin)) || 0;
}

/** With no target (0), a week counts as "on target" when it has any session. */
export function onTarget(count: number, target: number): boolean {
  return target > 0 ? count >= target : count > 0;
}
