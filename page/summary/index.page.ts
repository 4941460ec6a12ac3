// Summary: what the session did and whether it is saved on the phone; flushes the outbox. Wiring only: the rules live in core/.
import { BasePage } from '@zeppos/zml/base-page';
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { SummaryLayout } from './summary-layout';
import type { FlowItem } from '../kit';
import { areaName, listText, nameText, t, tn } from '../text';
import { watchStore } from '../../platform/storage';
import { goBack } from '../../platform/router';
import { outboxStatus } from '../../core/sync/outbox';
import { lastSummary } from '../../core/watch/finish';
import { areasDone, areasSkipped } from '../../core/watch/checkin';
import { formatClock } from '../../core/watch/format';
import { sessionTime, stepsDone } from '../../core/session-time';
import { isLinkUp, startPageSync } from '../../platform/sync';
import type { Requester } from '../../platform/sync';
import type { WatchSync } from '../../platform-sync/watch-sync';

const view = layout as SummaryLayout;

function items(): { title: string; items: FlowItem[] } {
  const record = lastSummary(watchStore);
  const home: FlowItem = { kind: 'button', text: t('summary.done'), tone: 'primary', onClick: () => goBack() };
  if (record === null) return { title: t('summary.title'), items: [home] };
  const rows: FlowItem[] = [];
  if (record.status === 'pain') {
    const step = record.painStepIndex === undefined ? undefined : record.steps[record.painStepIndex];
    rows.push({ kind: 'text', text: t('summary.pain-stopped', { area: step === undefined ? '' : areaName(step.area) }), tone: 'danger' });
    rows.push({ kind: 'text', text: t('safety.pain-advice'), tone: 'warning' });
  }
  const time = sessionTime(record);
  rows.push({ kind: 'text', text: t('summary.time', { time: formatClock(time.massageMs) }) });
  if (time.pausedMs >= 1000) rows.push({ kind: 'text', text: t('summary.paused', { time: formatClock(time.pausedMs) }), tone: 'dim' });
  if (record.status === 'stopped') {
    const steps = stepsDone(record);
    rows.push({ kind: 'text', text: tn('summary.stopped-early', steps.total, steps), tone: 'dim' });
  } else rows.push({ kind: 'text', text: t(`summary.status.${record.status}`), tone: 'dim' });
  const done = areasDone(record);
  const skipped = areasSkipped(record);
  rows.push({ kind: 'text', text: t('summary.areas-done', { areas: done.length === 0 ? '–' : listText(done.map(areaName)) }) });
  if (skipped.length > 0) rows.push({ kind: 'text', text: t('summary.areas-skipped', { areas: listText(skipped.map(areaName)) }), tone: 'dim' });
  const entry = outboxStatus(watchStore).recent.find((e) => e.id === record.id);
  const sync = entry === undefined || entry.sync === 'pending' ? t('summary.waiting') : entry.sync === 'sent' ? t('summary.synced') : t('summary.rejected');
  rows.push({ kind: 'text', text: `${t('summary.saved')} · ${sync}`, tone: 'ok' });
  rows.push(home);
  return { title: nameText(record.routineName), items: rows };
}

function render(): void {
  const page = items();
  view.renderSummary(page.title, page.items);
}

/** One Summary page instance: its sync lives here, not in the module. */
function summaryPage() {
  let sync: WatchSync | null = null;
  return {
    state: {},
    build(this: Requester) {
      render();
      // The session was just queued: send it now, and show "sent to phone" once acknowledged.
      const current = startPageSync(this, () => {
        if (sync !== null) render();
      });
      sync = current;
      void current.flush();
    },
    onBleChanged(status: unknown) {
      if (sync !== null && isLinkUp(status)) void sync.onLinkBack();
    },
    onDestroy() {
      sync?.stop();
      sync = null;
    },
  };
}

Page(BasePage(summaryPage()));
