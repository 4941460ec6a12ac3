// Data: export everything as JSON, import such a JSON with a summary, delete everything after
// a confirmation. Export, import and delete are core's (core/phone/export-import).

import { deleteAll, exportAll, importAll } from '../core/phone/export-import';
import type { ImportSummary } from '../core/phone/export-import';
import type { KeyValueStore } from '../core/sync/store';
import { UI, clearUi, uiGet, uiSet } from './ui-state';
import { tr, trn } from './text';

export function importSummaryText(s: ImportSummary): string {
  const parts = [tr('set.import.done', { added: s.added, skipped: s.skipped, rejected: s.rejected.length })];
  parts.push(tr('set.import.notes', { added: s.notesAdded, skipped: s.notesSkipped }));
  const plan = tr(`set.import.plan-${s.plan}`);
  parts.push(s.planProblem === undefined ? plan : `${plan} (${s.planProblem})`);
  const prefs = tr(`set.import.prefs-${s.prefs}`);
  parts.push(s.prefsProblem === undefined ? prefs : `${prefs} (${s.prefsProblem})`);
  for (const r of s.rejected.slice(0, 5)) parts.push(tr('set.import.rejected', { id: r.id, reason: r.reason }));
  if (s.rejected.length > 5) parts.push(tr('set.import.more', { count: s.rejected.length - 5 }));
  return parts.join('\n');
}

export function dataSection(store: KeyValueStore, sessionCount: number, now: number): SettingsNode {
  const message = uiGet(store, UI.dataMessage);
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
      onChange: (text: string) => {
        const result = importAll(store, text, now);
        uiSet(store, { [UI.dataMessage]: result.ok ? importSummaryText(result.summary) : tr('set.data.import-failed', { error: result.error }) });
      },
    }),
  );
  if (confirming) {
    children.push(Text({ paragraph: true }, [trn('set.data.confirm', sessionCount, { count: sessionCount })]));
    children.push(
      Button({
        label: tr('set.data.yes-delete'),
        color: 'secondary',
        onClick: () => {
          const result = deleteAll(store);
          if (result.ok) clearUi(store);
          uiSet(store, { [UI.dataMessage]: result.ok ? tr('set.data.deleted', { count: result.removed }) : tr('set.data.not-deleted', { error: result.error === undefined ? tr('set.unknown-error') : result.error }) });
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
