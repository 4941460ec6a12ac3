// How long a routine is and how many steps it has: one function for the phone's routine list and
// editor, the watch's Home and Before-you-start and the therapist page, so they never disagree
// ("2 steps · 1:15" everywhere).

import type { Routine } from './model';
import { formatDuration } from '../kernel/locale';

export interface RoutineLength {
  readonly steps: number;
  readonly seconds: number;
  /** "m:ss", e.g. "1:15" for 75 s (formatDuration). */
  readonly clock: string;
}

export function routineLength(routine: Pick<Routine, 'steps'>): RoutineLength {
  const steps = Array.isArray(routine.steps) ? routine.steps : [];
  const seconds = steps.reduce((sum, s) => sum + (typeof s.seconds === 'number' && Number.isFinite(s.seconds) ? s.seconds : 0), 0);
  const whole = Math.max(0, Math.round(seconds));
  // Written the one way durations are written everywhere (core/kernel/locale.ts formatDuration).
  return { steps: steps.length, seconds: whole, clock: formatDuration(whole * 1000) };
}
