// One definition of how long a session took, for the watch Summary, the phone and the report:
// massage time is the sum of the steps' done time. The lead-in (and the moments between steps)
// and the pauses are counted apart, never folded into it, so every side shows the same number.

import type { SessionRecord } from '../routines/model';

export interface SessionTime {
  /** Sum of every step's doneMs: the time hands were actually on the body. */
  readonly massageMs: number;
  /** Time spent paused (the record's pausedMs, 0 when absent). */
  readonly pausedMs: number;
  /** The rest of the wall-clock span: the lead-in before the first step (never negative). */
  readonly leadInMs: number;
}

type TimedRecord = Pick<SessionRecord, 'startedAt' | 'endedAt' | 'steps'> & { readonly pausedMs?: number };

/** Massage time alone, in ms: the sum of the steps' done time. */
export function massageMs(record: Pick<SessionRecord, 'steps'>): number {
  let sum = 0;
  for (const step of record.steps) sum += step.doneMs;
  return sum;
}

/** A session's span split into massage, pauses and lead-in. */
export function sessionTime(record: TimedRecord): SessionTime {
  const massage = massageMs(record);
  const paused = record.pausedMs === undefined ? 0 : Math.max(0, record.pausedMs);
  const span = Math.max(0, record.endedAt - record.startedAt);
  return { massageMs: massage, pausedMs: paused, leadInMs: Math.max(0, span - massage - paused) };
}

// The one way Knead writes a duration lives with the other formatting (core/kernel/locale.ts).
export { formatDuration } from '../kernel/locale';

/** Steps the person actually massaged (some time done, not skipped), out of all planned: "2 of 7". */
export function stepsDone(record: Pick<SessionRecord, 'steps'>): { readonly done: number; readonly total: number } {
  let done = 0;
  for (const step of record.steps) if (!step.skipped && step.doneMs > 0) done += 1;
  return { done, total: record.steps.length };
}
