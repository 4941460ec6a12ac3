// Home's view model: the routine list in plan order with the last-started one first as a
// one-tap shortcut, this week's count against the target, and the number waiting to sync.

import { LIBRARY_MESSAGES } from '../routines/library';
import type { Routine, RoutineSource, TherapistPlan } from '../routines/model';
import { routinesForHome } from '../routines/plan';
import type { RecentEntry } from '../sync/recent-history';
import { sessionsThisWeek } from '../routines/weekly-target';

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

/** How a routine is marked on Home: ★ the therapist's, ▶ the one started last, or plain. */
export type HomeMark = 'assigned' | 'last' | 'plain';

export interface HomeEntry {
  readonly routine: Routine;
  readonly mark: HomeMark;
}

/**
 * Home's list: the therapist's assigned routines first (in the plan's order), then the one
 * started last (when it is not one of them), then the rest in library order, each once.
 */
export function homeList(model: Pick<HomeModel, 'rows' | 'last'>): readonly HomeEntry[] {
  const assigned = model.rows.filter((row) => row.source === 'assigned');
  const last = model.last !== null && model.last.source !== 'assigned' ? model.last : null;
  const rest = model.rows.filter((row) => row.source !== 'assigned' && row !== last);
  return [
    ...assigned.map((row): HomeEntry => ({ routine: row.routine, mark: 'assigned' })),
    ...(last === null ? [] : [{ routine: last.routine, mark: 'last' as const }]),
    ...rest.map((row): HomeEntry => ({ routine: row.routine, mark: 'plain' })),
  ];
}

/** Built-in names and hints are message ids; custom ones are the person's own text. */
export function isMessageId(text: string): boolean {
  return Object.prototype.hasOwnProperty.call(LIBRARY_MESSAGES, text);
}

export function findRoutine(plan: TherapistPlan | null, id: string): Routine | null {
  const row = routinesForHome(plan).find((r) => r.routine.id === id);
  return row === undefined ? null : row.routine;
}
