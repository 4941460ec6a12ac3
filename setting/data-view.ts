// Data: export everything as JSON, import such a JSON with a summary, delete everything after
// a confirmation. Export is read here; import and delete write history, so they are *asked* of the
// side service, the one writer of history (core/phone/history-requests): this view writes the
// request, shows "Importing…" / "Deleting…" while it waits and the side service's reply after.

import { exportAll } from '../core/phone/export-import';
import type { ImportSummary } from '../core/phone/export-import';
import type { RequestKind } from '../core/phone/history-requests';
import { encodeRequest, newRequestId, replyKey, requestKey, requestState } from '../core/phone/history-requests';
import { writeAll } from '../core/kernel/store';
import type { KeyValueStore } from '../core/kernel/store';
import { UI, clearUi, uiGet, uiSet } from './ui-state';
import { tr, trn } from './text';

export function importSummaryText(s: ImportSummary): string {
  const parts = [tr('set.import.done', { added: s.added, skipped: s.skipped, rejected: s.rejected.length })];
  parts.push(tr('set.import.notes', { added: s.notesAdded, skipped: s.notesSkipped }));
  if (s.painScoresAdded !== undefined) parts.push(tr('set.import.pain-scores', { added: s.painScoresAdded, skipped: s.painScoresSkipped === undefined ? 0 : s.painScoresSkipped }));
  const plan = tr(`set.import.plan-${s.plan}`);
  parts.push(s.planProblem === undefined ? plan : `${plan} (${s.planProblem})`);
  const prefs = tr(`set.import.prefs-${s.prefs}`);
  parts.push(s.prefsProblem === undefined ? prefs : `${prefs} (${s.prefsProblem})`);
  for (const r of s.rejected.slice(0, 5)) parts.push(tr('set.import.rejected', { id: r.id, reason: r.reason }));
  if (s.rejected.length > 5) parts.push(tr('set.import.more', { count: s.rejected.length - 5 }));
  return parts.join('\n');
}

/** Writes the request and remembers its id (so the view shows its progress and reply). */
function ask(store: KeyValueStore, kind: RequestKind, now: number, payload?: string): void {
  const id = newRequestId(kind, now, Math.random());
  const previous = uiGet(store, UI.dataRequest);
  const saved = writeAll(store, [[UI.dataMessage, undefined], [UI.dataRequest, id]]);
  if (!saved.ok) return;
  // The previous reply is no longer shown; the side service bounds the replies it keeps anyway.
  if (previous !== undefined) writeAll(store, [[replyKey(previous), undefined]]);
  const sent = writeAll(store, [[requestKey(id), encodeRequest(id, kind, now, payload)]]);
  if (!sent.ok) uiSet(store, { [UI.dataRequest]: undefined, [UI.dataMessage]: tr('set.data.import-failed', { error: sent.error }) });
}

/** What the pending or answered request says, in the Settings App's language when it can. */
function requestMessage(store: KeyValueStore): string | undefined {
  const id = uiGet(store, UI.dataRequest);
  if (id === undefined) return undefined;
  const state = requestState(store, id);
  if (state.state === 'none') return undefined;
  if (state.state === 'pending') return tr(id.indexOf('delete-all') === 0 ? 'set.data.deleting' : 'set.data.importing');
  if (state.state === 'unreadable') return tr('set.data.import-failed', { error: state.error });
  const reply = state.reply;
  if (!reply.ok) return reply.kind === 'delete-all' ? tr('set.data.not-deleted', { error: reply.error }) : tr('set.data.import-failed', { error: reply.error });
  return reply.kind === 'import' ? importSummaryText(reply.summary) : tr('set.data.deleted', { count: reply.removed });
}

export function dataSection(store: KeyValueStore, sessionCount: number, now: number): SettingsNode {
  const asked = requestMessage(store);
  const message = asked === undefined ? uiGet(store, UI.dataMessage) : asked;
  const showExport = uiGet(store, UI.showExport) === '1';
  const confirming = uiGet(store, UI.confirmDelete) === '1';
  const children: SettingsChild[] = [];
  if (showExport) {
    const exported = exportAll(store, now);
    children.push(Text({ paragraph: true }, [tr('set.data.copy-hint')]));
    if (exported.problems.length > 0) children.push(Text({ paragraph: true }, [tr('set.data.not-included', { problems: exported.problems.join('; ') })]));
    children.push(TextInput({ label: tr('set.data.export-box'), value: exported.text, multiline: true }));
    children.push(Button({ label: tr('set.data.hide-export'), onClick: () => uiSet(store, { [UI.showExport]: undefined }) }));
  } else {
    children.push(Button({ label: tr('set.data.export'), onClick: () => uiSet(store, { [UI.showExport]: '1' }) }));
  }
  children.push(
    TextInput({
      label: tr('set.data.import'),
      placeholder: '{"format":"knead-export", …}',
      value: '',
      multiline: true,
      onChange: (text: string) => ask(store, 'import', now, String(text)),
    }),
  );
  if (confirming) {
    children.push(Text({ paragraph: true }, [trn('set.data.confirm', sessionCount, { count: sessionCount })]));
    children.push(
      Button({
        label: tr('set.data.yes-delete'),
        color: 'secondary',
        onClick: () => {
          clearUi(store);
          ask(store, 'delete-all', now);
        },
      }),
    );
    children.push(Button({ label: tr('set.cancel'), onClick: () => uiSet(store, { [UI.confirmDelete]: undefined }) }));
  } else {
    children.push(Button({ label: tr('set.data.delete'), color: 'secondary', onClick: () => uiSet(store, { [UI.confirmDelete]: '1', [UI.dataMessage]: undefined }) }));
  }
  if (message !== undefined) children.push(Text({ paragraph: true }, [message]));
  return Section({ title: tr('set.data') }, children);
}
