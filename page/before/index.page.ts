// Before you start: the routine's steps as the plan and adaptation will run them, the safety reminder, Start. Wiring only: the rules live in core/.
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { BeforeLayout } from './before-layout';
import type { FlowItem } from '../kit';
import { areaName, hintText, listText, routineName, sideName, t, tn, toolName } from '../text';
import { font } from '../theme';
import { watchStore } from '../../platform/storage';
import { routineIdParam, swapTo } from '../../platform/router';
import { readPlan } from '../../core/routines/plan-store';
import { adviceForSteps, focusGiven } from '../../core/routines/plan';
import { routineForRun } from '../../core/watch/run-routine';
import { loadSettings } from '../../core/settings/watch-settings';
import { routineLength } from '../../core/routines/routine-length';
import { findRoutine } from '../../core/watch/home';
import { formatClock } from '../../core/watch/format';

const view = layout as BeforeLayout;

function items(routineId: string): { title: string; items: FlowItem[] } {
  const plan = readPlan(watchStore).plan;
  const routine = findRoutine(plan, routineId);
  if (routine === null) return { title: t('before.title'), items: [{ kind: 'text', text: t('before.missing'), tone: 'warning' }] };
  const planned = routineForRun(routine, plan, loadSettings(watchStore), watchStore);
  const length = routineLength(planned.routine);
  const rows: FlowItem[] = [{ kind: 'text', text: tn('before.total', length.steps, { time: length.clock, steps: length.steps }) }];
  if (!planned.empty) {
    rows.push({ kind: 'button', text: t('before.start'), tone: 'primary', onClick: () => swapTo('session', { routineId }) });
  }
  rows.push({ kind: 'text', text: t('safety.reminder'), tone: 'warning' });
  // The therapist's avoid list only where it acts: the areas of this routine the watch leaves out.
  if (planned.leftOut.length > 0) {
    rows.push({ kind: 'text', text: t('before.avoid', { areas: listText(planned.leftOut.map(areaName)) }), tone: 'warning' });
  }
  // Focus only for the areas of this routine that got more time from it.
  for (const focus of focusGiven(routine, plan)) {
    rows.push({ kind: 'text', text: t('before.focus', { area: areaName(focus.area), seconds: focus.seconds }), tone: 'dim' });
  }
  // Why a step is longer than the plan alone gives: the recent check-ins (core/routines/adaptation).
  for (const change of planned.adapted.changes) {
    const seconds = change.adaptedSeconds - change.baseSeconds;
    rows.push({ kind: 'text', text: t(change.tightLately ? 'before.adapted-more' : 'before.adapted-easing', { area: areaName(change.area), seconds, count: 3 }), tone: 'dim' });
  }
  // The therapist's tool and technique for an area, right after the first step of that area; then
  // the step's hint when it differs from the previous step's (left and right share one).
  const advice = adviceForSteps(plan, planned.routine.steps).slice();
  planned.routine.steps.forEach((step, index) => {
    rows.push({
      kind: 'text',
      size: font.small,
      centre: false,
      text: `${index + 1}. ${areaName(step.area)} · ${sideName(step.side)} · ${formatClock(step.seconds * 1000)} · ${toolName(step.tool)}`,
    });
    const previous = planned.routine.steps[index - 1];
    const next = advice[0];
    if (next !== undefined && next.area === step.area) {
      advice.shift();
      const values = { area: areaName(next.area), tool: toolName(next.tool), technique: next.technique };
      rows.push({ kind: 'text', size: font.small, centre: false, tone: 'dim', text: t(next.technique === '' ? 'before.advice-tool' : 'before.advice', values) });
    }
    if (step.hint !== '' && (previous === undefined || previous.hint !== step.hint)) {
      rows.push({ kind: 'text', size: font.small, centre: false, tone: 'dim', text: hintText(step.hint) });
    }
  });
  return { title: routineName(planned.routine), items: rows };
}

/** One Before page instance: the routine it shows lives here, not in the module. */
function beforePage() {
  let routineId = '';
  return {
    onInit(params: unknown) {
      routineId = routineIdParam(params);
    },
    build() {
      const page = items(routineId);
      view.renderPlan(page.title, page.items);
    },
  };
}

// No ZML BasePage: this page neither sends nor hears messages (docs/watch.md "Size").
Page(beforePage());
