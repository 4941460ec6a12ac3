// Summary: what the session did and whether it is saved on the phone; flushes the outbox and keeps its phone line live. Wiring only: the rules live in core/.
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { SummaryLayout } from './summary-layout';
import type { FlowItem } from '../kit';
import { areaName, listText, nameText, t, tn } from '../text';
import { outcomeText, skippedText } from '../outcome-text';
import { watchStore } from '../../platform/storage';
import { goBack, readParams } from '../../platform/router';
import { outboxStatus } from '../../core/sync/outbox';
import { lastSummary } from '../../core/watch/finish';
import { areasDone } from '../../core/watch/checkin';
import { formatDuration, sessionTime } from '../../core/records/session-time';
import { sessionOutcome } from '../../core/records/session-outcome';
import { linkChanged, linkUpNow, oneSyncAtATime, startPageSync } from '../../platform/sync';
import { openPageLink } from '../../platform/messaging';
import type { PageLink } from '../../platform/messaging';
import type { WatchSync } from '../../core/sync/watch-sync';
import type { PhoneEvent, PhoneStatus } from '../../core/watch/phone-status';
import { initialPhoneStatus, nextPhoneStatus, phoneMessage } from '../../core/watch/phone-status';

const view = layout as SummaryLayout;

/** `saveFailed`: the session just ended could not be saved, so the last summary stored is an older one's. */
function items(phone: PhoneStatus, saveFailed: boolean): { title: string; items: FlowItem[] } {
  const status = outboxStatus(watchStore);
  const phoneLine: FlowItem = { kind: 'text', text: t(phoneMessage(phone, status.pending)), tone: 'dim' };
  const home: FlowItem = { kind: 'button', text: t('summary.done'), tone: 'primary', onClick: () => goBack() };
  if (saveFailed) return { title: t('summary.title'), items: [{ kind: 'text', text: t('summary.not-saved'), tone: 'warning' }, phoneLine, home] };
  const record = lastSummary(watchStore);
  if (record === null) return { title: t('summary.title'), items: [phoneLine, home] };
  const rows: FlowItem[] = [];
  const outcome = sessionOutcome(record);
  if (outcome.kind === 'pain') {
    rows.push({ kind: 'text', ...outcomeText('pain', outcome.skipped, outcome.at) });
    rows.push({ kind: 'text', text: t('safety.pain-advice'), tone: 'warning' });
  }
  const time = sessionTime(record);
  rows.push({ kind: 'text', text: t('summary.time', { time: formatDuration(time.massageMs) }) });
  if (time.pausedMs >= 1000) rows.push({ kind: 'text', text: t('summary.paused', { time: formatDuration(time.pausedMs) }), tone: 'dim' });
  if (outcome.kind === 'stopped') rows.push({ kind: 'text', text: tn('summary.stopped-early', outcome.total, { done: outcome.done, total: outcome.total }), tone: 'dim' });
  else if (outcome.kind === 'completed') rows.push({ kind: 'text', ...outcomeText('completed', outcome.skipped, null) });
  const done = areasDone(record);
  rows.push({ kind: 'text', text: t('summary.areas-done', { areas: done.length === 0 ? '–' : listText(done.map(areaName)) }) });
  const skipped = skippedText(outcome.skipped);
  if (skipped !== null) rows.push({ kind: 'text', text: skipped, tone: 'dim' });
  const entry = status.recent.find((e) => e.id === record.id);
  const synced = entry === undefined || entry.sync === 'pending' ? t('summary.waiting') : entry.sync === 'sent' ? t('summary.synced') : t('summary.rejected');
  rows.push({ kind: 'text', text: `${t('summary.saved')} · ${synced}`, tone: 'ok' });
  rows.push(phoneLine);
  rows.push(home);
  return { title: nameText(record.routineName), items: rows };
}

/** One Summary page instance: its sync and phone line live here, not in the module. */
function summaryPage() {
  let sync: WatchSync | null = null;
  /** The phone line, kept live by link events and requests (core/watch/phone-status). */
  let phone: PhoneStatus = initialPhoneStatus(true);
  let saveFailed = false;
  /** This page's end of the app's messaging, while it is shown. */
  let link: PageLink | null = null;

  function render(): void {
    const page = items(phone, saveFailed);
    view.renderSummary(page.title, page.items);
  }

  function onPhone(event: PhoneEvent): void {
    if (sync === null) return;
    phone = nextPhoneStatus(phone, event);
    render();
  }

  return {
    onInit(params: unknown) {
      saveFailed = readParams(params)['saveFailed'] === true;
      link = openPageLink({ onBleChanged: (status) => linkChanged(sync, status, onPhone) });
    },
    build() {
      phone = initialPhoneStatus(linkUpNow());
      // The session was just queued: send it now, and show "sent to phone" once acknowledged.
      const current = startPageSync(
        link ?? openPageLink({}),
        () => {
          if (sync !== null) render();
        },
        onPhone,
      );
      sync = current;
      render();
      void oneSyncAtATime(() => current.flush());
    },
    onDestroy() {
      sync?.stop();
      sync = null;
      link?.close();
      link = null;
    },
  };
}

// No ZML BasePage: platform/messaging gives the page its requests and the phone's link changes.
Page(summaryPage());
