// What a finished session amounts to, in the words the watch Summary, the watch History and the
// phone's history use alike: completed (and how many steps were skipped on the way), stopped
// early (how far it got), or stopped for pain (where). Only steps the record marks skipped count
// as skipped; steps a stop never reached are "not reached", never "skipped".

import type { Area, SessionRecord, Side } from '../routines/model';
import { stepsDone } from './session-time';

export interface StepRef {
  readonly area: Area;
  readonly side: Side;
}

export type SessionOutcome =
  | { readonly kind: 'completed'; readonly skipped: readonly StepRef[] }
  | { readonly kind: 'stopped'; readonly done: number; readonly total: number; readonly skipped: readonly StepRef[] }
  | { readonly kind: 'pain'; readonly at: StepRef | null; readonly skipped: readonly StepRef[] };

type OutcomeInput = Pick<SessionRecord, 'status' | 'steps' | 'painStepIndex'>;

/** The steps the person skipped, in session order (a step repeated on both sides is listed per side). */
export function skippedSteps(record: Pick<SessionRecord, 'steps'>): StepRef[] {
  return record.steps.filter((step) => step.skipped).map((step) => ({ area: step.area, side: step.side }));
}

/** Where a pain stop happened: the record's pain step, null when the record does not say. */
export function painStep(record: Pick<SessionRecord, 'status' | 'steps' | 'painStepIndex'>): StepRef | null {
  if (record.status !== 'pain' || record.painStepIndex === undefined) return null;
  const step = record.steps[record.painStepIndex];
  return step === undefined ? null : { area: step.area, side: step.side };
}

export function sessionOutcome(record: OutcomeInput): SessionOutcome {
  const skipped = skippedSteps(record);
  if (record.status === 'pain') return { kind: 'pain', at: painStep(record), skipped };
  if (record.status === 'stopped') return { kind: 'stopped', ...stepsDone(record), skipped };
  return { kind: 'completed', skipped };
}
