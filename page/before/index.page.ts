import { BasePage } from '@zeppos/zml/base-page';
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { BeforeLayout } from './before-layout';
import type { FlowItem } from '../kit';
import { areaName, routineName, sideName, t, toolName } from '../text';
import { font } from '../theme';
import { watchStore } from '../../platform/storage';
import { routineIdParam, swapTo } from '../../platform/router';
import { readPlan } from '../../core/phone/plan-store';
import { planRoutine } from '../../core/plan';
import { findRoutine } from '../../core/watch/home';
import { formatClock } from '../../core/watch/format';

const view = layout as BeforeLayout;

function items(routineId: string): { title: string; items: FlowItem[] } {
  const plan = readPlan(watchStore).plan;
  const routine = findRoutine(plan, routineId);
  if (routine === null) return { title: t('before.title'), items: [{ kind: 'text', text: t('before.missing'), tone: 'warning' }] };
  const planned = planRoutine(routine, plan);
  const total = planned.routine.steps.reduce((sum, step) => sum + step.seconds, 0) * 1000;
  const rows: FlowItem[] = [{ kind: 'text', text: t('before.total', { time: formatClock(total), steps: planned.routine.steps.length }) }];
  if (!planned.empty) {
    rows.push({ kind: 'button', text: t('before.start'), tone: 'primary', onClick: () => swapTo('session', { routineId }) });
  }
  rows.push({ kind: 'text', text: t('safety.reminder'), tone: 'warning' });
  if (plan !== null && plan.avoidAreas.length > 0) {
    rows.push({ kind: 'text', text: t('before.avoid', { areas: plan.avoidAreas.map(areaName).join(', ') }), tone: 'warning' });
  }
  if (planned.leftOut.length > 0) {
    rows.push({ kind: 'text', text: t('before.left-out', { areas: planned.leftOut.map(areaName).join(', ') }), tone: 'dim' });
  }
  planned.routine.steps.forEach((step, index) => {
    rows.push({
      kind: 'text',
      size: font.small,
      centre: false,
      text: `${index + 1}. ${areaName(step.area)} · ${sideName(step.side)} · ${formatClock(step.seconds * 1000)} · ${toolName(step.tool)}`,
    });
  });
  return { title: routineName(planned.routine), items: rows };
}

Page(
  BasePage({
    state: { routineId: '' },
    onInit(params: unknown) {
      this.state.routineId = routineIdParam(params);
    },
    build() {
      const page = items(String(this.state.routineId));
      view.renderPlan(page.title, page.items);
    },
  }),
);
