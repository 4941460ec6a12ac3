// The watch's own short list of recent sessions with their sync state, so the History page can
// say "waiting for phone" or "phone refused: …" without the phone being there.

import type { SessionRecord } from '../routines/model';
import { summarizeRecord } from '../records/session-summary';
import type { StepRef } from '../records/session-outcome';

export const RECENT_LIMIT = 30;

export type SyncState = 'pending' | 'sent' | 'rejected';

/** The few record fields History shows, plus where the record is in sync. */
export interface RecentEntry extends Pick<SessionRecord, 'id' | 'routineId' | 'routineName' | 'startedAt' | 'endedAt' | 'tzOffsetMin' | 'status'> {
  readonly sync: SyncState;
  /** The phone's reason, when sync is 'rejected'. */
  readonly reason?: string;
  /** Massage time (core/records/session-time.ts), for the History row; absent in entries stored before it. */
  readonly massageMs?: number;
  /** The steps skipped, by area and side (core/records/session-outcome.ts); absent in older entries. */
  readonly skipped?: readonly StepRef[];
  /** Where a pain stop happened; absent for other sessions and in older entries. */
  readonly painAt?: StepRef;
}

export function summarize(record: SessionRecord): RecentEntry {
  return { ...summarizeRecord(record), sync: 'pending' };
}

/** Newest first, at most `limit`; a known id is replaced rather than listed twice. */
export function addRecent(list: readonly RecentEntry[], entry: RecentEntry, limit = RECENT_LIMIT): RecentEntry[] {
  const others = list.filter((e) => e.id !== entry.id);
  others.push(entry);
  // Ids are distinct here (the entry's old row was filtered out), so a tie on the start is broken
  // by the id alone and the order never depends on arrival or on the runtime's sort algorithm.
  others.sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1));
  return others.slice(0, limit);
}

export function markRecent(list: readonly RecentEntry[], id: string, sync: SyncState, reason?: string): RecentEntry[] {
  return list.map((entry) => {
    if (entry.id !== id) return entry;
    const { reason: _old, ...rest } = entry;
    return reason === undefined ? { ...rest, sync } : { ...rest, sync, reason };
  });
}
