// Plan: focus and avoid areas, weekly target, assigned routines. Every edit goes through core's
// savePlan, which stores only a valid plan; its messages are shown as they are.

import { LIBRARY } from '../core/routines/library';
import type { Area, TherapistPlan } from '../core/routines/model';
import { AREAS, PLAN_VERSION } from '../core/routines/model';
import { readPlan, savePlan } from '../core/routines/plan-store';
import { targetSinceAfter } from '../core/phone/plan-changes';
import { MAX_WEEKLY_TARGET } from '../core/routines/plan-validation';
import type { Translate } from '../core/phone/messages';
import { describeProblems } from '../core/kernel/result';
import type { KeyValueStore } from '../core/kernel/store';
import { UI, uiGet, uiSet } from './ui-state';
import { tr, trn } from './text';

export function emptyPlan(now: number): TherapistPlan {
  return { v: PLAN_VERSION, focusAreas: [], avoidAreas: [], weeklyTarget: 0, assignedRoutineIds: [], customRoutines: [], updatedAt: now };
}

/** Saves `next` (stamped with `now`) and leaves a message for the next build. */
export function applyPlanEdit(store: KeyValueStore, next: TherapistPlan, now: number, messageKey: typeof UI.planMessage | typeof UI.routineMessage): boolean {
  const updatedAt = Math.max(now, next.updatedAt + 1);
  const saved = savePlan(store, { ...next, updatedAt, targetSince: targetSinceAfter(readPlan(store).plan, next, updatedAt) });
  uiSet(store, { [messageKey]: saved.ok ? tr('set.saved-plan') : tr('set.not-saved', { problem: describeProblems(saved.problems) }) });
  return saved.ok;
}

type AreaRole = 'normal' | 'focus' | 'avoid';

function roleOf(plan: TherapistPlan, area: Area): AreaRole {
  if (plan.focusAreas.indexOf(area) >= 0) return 'focus';
  if (plan.avoidAreas.indexOf(area) >= 0) return 'avoid';
  return 'normal';
}

function withRole(plan: TherapistPlan, area: Area, role: string): TherapistPlan {
  const focusAreas = plan.focusAreas.filter((a) => a !== area);
  const avoidAreas = plan.avoidAreas.filter((a) => a !== area);
  if (role === 'focus') focusAreas.push(area);
  if (role === 'avoid') avoidAreas.push(area);
  return { ...plan, focusAreas, avoidAreas };
}

export function planSection(store: KeyValueStore, stored: TherapistPlan | null, problem: string | undefined, now: number, t: Translate): SettingsNode {
  const plan = stored === null ? emptyPlan(now) : stored;
  const message = uiGet(store, UI.planMessage);
  const routines = LIBRARY.map((r) => ({ id: r.id, name: t(r.name) })).concat(plan.customRoutines.map((r) => ({ id: r.id, name: r.name })));
  const advice = plan.advice === undefined ? [] : plan.advice;
  return Section({ title: tr('set.plan') }, [
    problem === undefined ? null : Text({ paragraph: true }, [tr('set.plan.unreadable', { problem })]),
    plan.note === undefined ? null : Text({ paragraph: true }, [tr('set.plan.note', { note: plan.note })]),
    ...advice.map((a) => Text({ paragraph: true }, [tr('set.plan.advice', { area: t(`area.${a.area}`), advice: a.technique === '' ? t(`tool.${a.tool}`) : `${t(`tool.${a.tool}`)}, ${a.technique}` })])),
    Slider({
      label: tr('set.plan.target', { target: plan.weeklyTarget === 0 ? tr('set.plan.target-none') : trn('set.plan.target-sessions', plan.weeklyTarget, { count: plan.weeklyTarget }) }),
      min: 0,
      max: MAX_WEEKLY_TARGET,
      step: 1,
      value: plan.weeklyTarget,
      onChange: (value: number) => applyPlanEdit(store, { ...plan, weeklyTarget: value }, now, UI.planMessage),
    }),
    Text({ bold: true }, [tr('set.plan.areas')]),
    ...AREAS.map((area) =>
      Select({
        label: tr('set.plan.area', { area: t(`area.${area}`) }),
        options: [
          { name: tr('set.plan.normal'), value: 'normal' },
          { name: tr('set.plan.focus'), value: 'focus' },
          { name: tr('set.plan.avoid'), value: 'avoid' },
        ],
        value: roleOf(plan, area),
        onChange: (role: string) => applyPlanEdit(store, withRole(plan, area, role), now, UI.planMessage),
      }),
    ),
    Text({ bold: true }, [tr('set.plan.assigned')]),
    ...routines.map((r) =>
      Toggle({
        label: r.name,
        value: plan.assignedRoutineIds.indexOf(r.id) >= 0,
        onChange: (on: boolean) => {
          const others = plan.assignedRoutineIds.filter((id) => id !== r.id);
          applyPlanEdit(store, { ...plan, assignedRoutineIds: on ? others.concat([r.id]) : others }, now, UI.planMessage);
        },
      }),
    ),
    message === undefined ? null : Text({ paragraph: true }, [message]),
  ]);
}
