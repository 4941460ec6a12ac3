// Which settingsStorage changes the watch must hear about. The therapist plan (with its custom
// routines) lives under one key, so one rule covers both "plan changed" and "routines changed".
// The cue Preferences (`prefs`) travel in the same plan.get reply, so a change to them sends the
// same `plan.changed` call: to the watch it only means "fetch plan.get again".

import { PLAN_KEY } from '../core/routines/plan-store';
import { PREFS_KEY } from '../core/settings/prefs-store';
import { isPlainObject, parseJson } from '../core/kernel/json';
import { CALL_PLAN_CHANGED } from '../core/sync/protocol';

export interface PlanChangedCall {
  readonly method: typeof CALL_PLAN_CHANGED;
  readonly params: { readonly updatedAt: number };
}

/**
 * The `call` to send for a settings change, or null. `change` is what ZML passes to
 * onSettingsChange ({key, newValue, oldValue}); on a launch for settingsChanged it passes the
 * launch arguments, whose shape is not documented, so anything unexpected is ignored.
 */
export function planChangedCall(change: unknown, now: number): PlanChangedCall | null {
  if (!isPlainObject(change) || (change['key'] !== PLAN_KEY && change['key'] !== PREFS_KEY)) return null;
  if (change['newValue'] === change['oldValue']) return null;
  return { method: CALL_PLAN_CHANGED, params: { updatedAt: updatedAtOf(change['newValue'], now) } };
}

/** The plan's (or prefs') own updatedAt when readable (so the watch can tell versions apart), else now. */
function updatedAtOf(value: unknown, now: number): number {
  if (typeof value !== 'string') return Math.max(0, Math.floor(now));
  const parsed = parseJson(value, 'the changed value');
  if (parsed.ok && isPlainObject(parsed.value)) {
    const at = parsed.value['updatedAt'];
    if (typeof at === 'number' && Number.isInteger(at) && at >= 0) return at;
  }
  return Math.max(0, Math.floor(now));
}
