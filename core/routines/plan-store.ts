// Where the therapist plan lives: under PLAN_KEY ('plan', JSON TherapistPlan) in settingsStorage
// on the phone and in localStorage on the watch. An invalid plan is never stored, so the last
// good one always survives a bad edit or a garbled transfer.

import type { TherapistPlan } from './model';
import type { Problem, Validated } from '../kernel/result';
import { describeProblems, invalid } from '../kernel/result';
import { parseJson } from '../kernel/json';
import type { KeyValueStore } from '../kernel/store';
import { readItem, writeAll } from '../kernel/store';
import { validatePlan } from './plan-validation';
import { checkStorageVersion } from '../kernel/storage-version';

export { validatePlan } from './plan-validation';

export const PLAN_KEY = 'plan';

export interface StoredPlan {
  readonly plan: TherapistPlan | null;
  /** Set when a stored plan exists but cannot be used; it is left in place. */
  readonly problem?: string;
}

export function readPlan(store: KeyValueStore): StoredPlan {
  const read = readItem(store, PLAN_KEY);
  if (read.error !== undefined) return { plan: null, problem: read.error };
  if (read.value === undefined) return { plan: null };
  const parsed = parseJson(read.value, 'the stored plan');
  if (!parsed.ok) return { plan: null, problem: describeProblems(parsed.problems) };
  const checked = validatePlan(parsed.value);
  if (!checked.ok) return { plan: null, problem: `the stored plan is not usable: ${describeProblems(checked.problems)}` };
  return { plan: checked.value };
}

/** Settings App: saves the edited plan only when it is valid; otherwise the old one stays. */
export function savePlan(store: KeyValueStore, input: unknown): Validated<TherapistPlan> {
  const checked = validatePlan(input);
  if (!checked.ok) return checked;
  const version = checkStorageVersion(store);
  if (!version.ok) return invalid([{ path: '', message: version.error }]);
  const saved = writeAll(store, version.writes.concat([[PLAN_KEY, JSON.stringify(checked.value)]]));
  if (!saved.ok) return invalid([{ path: '', message: saved.error }]);
  return checked;
}

export interface WatchPlanOutcome {
  /** The plan the watch should use now: the incoming one, or the last good one. */
  readonly plan: TherapistPlan | null;
  readonly changed: boolean;
  readonly problems: readonly Problem[];
}

/**
 * Watch: takes the plan from a plan.get reply. `null` means the phone has no plan (it was
 * cleared), so the watch clears its copy too; anything invalid keeps the last good plan.
 */
export function acceptPlanOnWatch(store: KeyValueStore, incoming: unknown): WatchPlanOutcome {
  const current = readPlan(store);
  if (incoming === null) {
    if (current.plan === null && current.problem === undefined) return { plan: null, changed: false, problems: [] };
    const removed = writeAll(store, [[PLAN_KEY, undefined]]);
    if (!removed.ok) return { plan: current.plan, changed: false, problems: [{ path: '', message: removed.error }] };
    return { plan: null, changed: true, problems: [] };
  }
  const checked = validatePlan(incoming, 'plan');
  if (!checked.ok) return { plan: current.plan, changed: false, problems: checked.problems };
  const text = JSON.stringify(checked.value);
  if (current.plan !== null && JSON.stringify(current.plan) === text) return { plan: current.plan, changed: false, problems: [] };
  const saved = writeAll(store, [[PLAN_KEY, text]]);
  if (!saved.ok) return { plan: current.plan, changed: false, problems: [{ path: '', message: saved.error }] };
  return { plan: checked.value, changed: true, problems: [] };
}
