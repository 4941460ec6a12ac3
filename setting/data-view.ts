// Data: export everything as JSON, import such a JSON with a summary, delete everything after
// a confirmation. Export, import and delete are core's (core/phone/export-import).

import { deleteAll, exportAll, importAll } from '../core/phone/export-import';
import type { ImportSummary } from '../core/phone/export-import';
import type { KeyValueStore } from '../core/sync/store';
import { UI, clearUi, uiGet, uiSet } from './ui-state';

export function importSummaryText(s: ImportSummary): string {
  const parts = [`Import done: ${s.added} sessions added, ${s.skipped} already there (skipped), ${s.rejected.length} rejected.`];
  parts.push(`Notes: ${s.notesAdded} added, ${s.notesSkipped} skipped.`);
  const plan = { imported: 'Plan imported.', kept: 'Plan: the stored one was kept.', none: 'No plan in the file.', rejected: 'Plan rejected.' }[s.plan];
  parts.push(s.planProblem === undefined ? plan : `${plan} (${s.planProblem})`);
  const prefs = { imported: 'Preferences imported.', kept: 'Preferences: the newer stored ones were kept.', none: 'No preferences in the file.', rejected: 'Preferences rejected.' }[s.prefs];
  parts.push(s.prefsProblem === undefined ? prefs : `${prefs} (${s.prefsProblem})`);
  for (const r of s.rejected.slice(0, 5)) parts.push(`Rejected ${r.id}: ${r.reason}`);
  if (s.rejected.length > 5) parts.push(`…and ${s.rejected.length - 5} more rejected.`);
  return parts.join('\n');
}

export function dataSection(store: KeyValueStore, sessionCount: number, now: number): SettingsNode {
  const message = uiGet(store, UI.dataMessage);
  const showExport = uiGet(store, UI.showExport) === '1';
  const confirming = uiGet(store, UI.confirmDelete) === '1';
  const children: SettingsChild[] = [];
  if (showExport) {
    const exported = exportAll(store, now);
    children.push(Text({ paragraph: true }, ['Copy this text and keep it somewhere safe. Import it here to restore.']));
    if (exported.problems.length > 0) children.push(Text({ paragraph: true }, [`Not included (unreadable): ${exported.problems.join('; ')}`]));
    children.push(TextInput({ label: 'Export (JSON)', value: exported.text, multiline: true }));
    children.push(Button({ label: 'Hide export', onClick: () => uiSet(store, { [UI.showExport]: undefined }) }));
  } else {
    children.push(Button({ label: 'Export all as JSON', onClick: () => uiSet(store, { [UI.showExport]: '1' }) }));
  }
  children.push(
    TextInput({
      label: 'Import: paste an export here',
      placeholder: '{"format":"knead-export", …}',
      value: '',
      multiline: true,
      onChange: (text: string) => {
        const result = importAll(store, text, now);
        uiSet(store, { [UI.dataMessage]: result.ok ? importSummaryText(result.summary) : `Import failed: ${result.error}` });
      },
    }),
  );
  if (confirming) {
    children.push(Text({ paragraph: true }, [`Delete ${sessionCount} sessions, all notes and the plan from this phone? This cannot be undone. Sessions still waiting on the watch are not affected.`]));
    children.push(
      Button({
        label: 'Yes, delete everything',
        color: 'secondary',
        onClick: () => {
          const result = deleteAll(store);
          if (result.ok) clearUi(store);
          uiSet(store, { [UI.dataMessage]: result.ok ? `Deleted (${result.removed} stored items).` : `Nothing deleted: ${result.error === undefined ? 'unknown error' : result.error}` });
        },
      }),
    );
    children.push(Button({ label: 'Cancel', onClick: () => uiSet(store, { [UI.confirmDelete]: undefined }) }));
  } else {
    children.push(Button({ label: 'Delete all data…', color: 'secondary', onClick: () => uiSet(store, { [UI.confirmDelete]: '1', [UI.dataMessage]: undefined }) }));
  }
  if (message !== undefined) children.push(Text({ paragraph: true }, [message]));
  return Section({ title: 'Data' }, children);
}
