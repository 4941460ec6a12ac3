// Home's view model: the routine list in plan order with the last-started one first as a
// one-tap shortcut, this week's count against the target, and the number waiting to sync.

import { LIBRARY_MESSAGES } from '../library';
import type { Routine, RoutineSource, TherapistPlan } from '../model';
import { routinesForHome } from '../plan';
import type { RecentEntry } from '../sync/recent-history';
import { sessionsThisWeek } from '../weekly-target';

export interface HomeRow {
  readonly routine: Routine;
  readonly source: RoutineSource;
}

export interface HomeModel {
  /** The routine started last, when it is still offered. */
  readonly last: HomeRow | null;
  readonly rows: readonly HomeRow[];
  readonly weekDone: number;
  /** 0 = no target from the therapist. */
  readonly weekTarget: number;
  readonly waiting: number;
}

export function homeModel(
  plan: TherapistPlan | null,
  recent: readonly RecentEntry[],
  waiting: number,
  lastRoutineId: string | undefined,
  now: number,
  tzOffsetMin: number,
): HomeModel {
  const rows = routinesForHome(plan);
  const last = rows.find((row) => row.routine.id === lastRoutineId) ?? null;
  return {
    last,
    rows,
    // The phone's Overview counts with the same rule: each session in the week of its own zone.
    weekDone: sessionsThisWeek(recent, now, tzOffsetMin),
    weekTarget: plan === null ? 0 : plan.weeklyTarget,
    waiting,
  };
}

/** Built-in names and hints are message ids; custom ones are the person's own text. */
export function isMessageId(text: string): boolean {
  return Object.prototype.hasOwnProperty.call(LIBRARY_MESSAGES, text);
}

export function findRoutine(plan: TherapistPlan | null, id: string): Routine | null {
  const row = routinesForHome(plan).find((r) => r.routine.id === id);
  return row === undefined ? null : row.routine;
}
