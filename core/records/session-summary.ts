// The few fields of a finished session that lists show (the watch's History, the phone's History
// and Overview): one summary of a record for both devices, so a row reads the same on each.

import type { SessionRecord } from '../routines/model';
import { massageMs } from './session-time';
import type { StepRef } from './session-outcome';
import { painStep, skippedSteps } from './session-outcome';

export interface RecordSummary extends Pick<SessionRecord, 'id' | 'routineId' | 'routineName' | 'startedAt' | 'endedAt' | 'tzOffsetMin' | 'status'> {
  /** Massage time (core/records/session-time.ts). */
  readonly massageMs: number;
  /** The steps skipped, by area and side (core/records/session-outcome.ts), so no row calls such a session plainly "Completed". */
  readonly skipped: readonly StepRef[];
  /** Where a pain stop happened; absent for other sessions. */
  readonly painAt?: StepRef;
}

export function summarizeRecord(record: SessionRecord): RecordSummary {
  const summary: RecordSummary = {
    id: record.id,
    routineId: record.routineId,
    routineName: record.routineName,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    tzOffsetMin: record.tzOffsetMin,
    status: record.status,
    massageMs: massageMs(record),
    skipped: skippedSteps(record),
  };
  const at = painStep(record);
  return at === null ? summary : { ...summary, painAt: at };
}
