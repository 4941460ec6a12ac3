// The few fields of a finished session that lists show (the watch's History, the phone's History
// and Overview): one summary of a record for both devices, so a row reads the same on each.

import type { SessionRecord } from './model';
import { massageMs } from './session-time';

export interface RecordSummary extends Pick<SessionRecord, 'id' | 'routineId' | 'routineName' | 'startedAt' | 'endedAt' | 'tzOffsetMin' | 'status'> {
  /** Massage time (core/session-time.ts). */
  readonly massageMs: number;
}

export function summarizeRecord(record: SessionRecord): RecordSummary {
  return {
    id: record.id,
    routineId: record.routineId,
    routineName: record.routineName,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    tzOffsetMin: record.tzOffsetMin,
    status: record.status,
    massageMs: massageMs(record),
  };
}
