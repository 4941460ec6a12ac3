// History: recent sessions kept on the watch with their outcome (skipped steps, a pain stop in its own colour), massage time and sync state; refused ones can be sent again or discarded. Wiring only: the rules live in core/.
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { HistoryLayout } from './history-layout';
import type { FlowItem } from '../kit';
import { locale, nameText, t } from '../text';
import { watchStore } from '../../platform/storage';
import { discardRejected, outboxStatus, retryRejected } from '../../core/sync/outbox';
import { formatShortDateTime } from '../../core/kernel/locale';
import { formatDuration } from '../../core/records/session-time';
import { outcomeText, skippedText } from '../outcome-text';

const view = layout as HistoryLayout;
/** The watch keeps at most RECENT_LIMIT entries; the page shows this many. */
const SHOWN = 20;

function render(): void {
  view.renderHistory(t('history.title'), items());
}

function items(): FlowItem[] {
  const status = outboxStatus(watchStore);
  const rows: FlowItem[] = [];
  if (status.problem !== undefined) rows.push({ kind: 'text', text: t('history.problem'), tone: 'warning' });
  if (status.recent.length === 0) rows.push({ kind: 'text', text: t('history.empty'), tone: 'dim' });
  for (const entry of status.recent.slice(0, SHOWN)) {
    const sync = entry.sync === 'pending' ? t('history.pending') : entry.sync === 'sent' ? t('history.sent') : t('history.rejected', { reason: entry.reason ?? '' });
    rows.push({ kind: 'text', centre: false, text: `${formatShortDateTime(entry.startedAt, entry.tzOffsetMin, locale())} ${nameText(entry.routineName)}` });
    const time = entry.massageMs === undefined ? '' : ` · ${formatDuration(entry.massageMs)}`;
    // Entries stored before skipped steps and the pain step were kept read as they did then.
    const skipped = entry.skipped === undefined ? [] : entry.skipped;
    const outcome = outcomeText(entry.status, skipped, entry.painAt === undefined ? null : entry.painAt);
    // A pain stop keeps its own colour whatever the sync state; a refusal is flagged otherwise.
    const tone = outcome.tone === 'danger' ? 'danger' : entry.sync === 'rejected' ? 'warning' : outcome.tone;
    rows.push({ kind: 'text', centre: false, text: `${outcome.text}${time} · ${sync}`, tone });
    const skippedLine = skippedText(skipped);
    if (skippedLine !== null) rows.push({ kind: 'text', centre: false, text: skippedLine, tone: 'dim' });
    if (entry.sync === 'rejected') {
      // A refusal waiting does not fix: the person sends it again (after an update) or lets it go.
      const id = entry.id;
      rows.push({ kind: 'button', text: t('history.retry'), onClick: () => { retryRejected(watchStore, id); render(); } });
      rows.push({ kind: 'button', text: t('history.discard'), tone: 'warning', onClick: () => { discardRejected(watchStore, id); render(); } });
    }
  }
  return rows;
}

// No ZML BasePage: this page neither sends nor hears messages (docs/watch.md "Size").
Page({
  build() {
    render();
  },
});
