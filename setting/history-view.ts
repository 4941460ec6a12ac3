// History: sessions by month (one month shown at a time), the open session's detail and its
// free-text note (add, edit, delete). Notes are validated and stored by core/phone/notes.

import type { SessionRecord } from '../core/model';
import type { MonthGroup } from '../core/phone/stats';
import type { SessionNote } from '../core/phone/notes';
import { MAX_NOTE_LENGTH, deleteNote, saveNote } from '../core/phone/notes';
import type { Translate } from '../core/phone/messages';
import { describeProblems } from '../core/result';
import type { KeyValueStore } from '../core/sync/store';
import { UI, uiGet, uiSet } from './ui-state';
import { sessionDate, sessionLine, statusText } from './format';

export interface HistoryInput {
  readonly months: readonly MonthGroup[];
  readonly records: readonly SessionRecord[];
  readonly notes: ReadonlyMap<string, SessionNote>;
  readonly now: number;
}

export function historySection(store: KeyValueStore, input: HistoryInput, t: Translate): SettingsNode {
  if (input.months.length === 0) {
    return Section({ title: 'History' }, [Text({ paragraph: true }, ['No sessions yet. Finished sessions arrive here when the watch app syncs.'])]);
  }
  const wanted = uiGet(store, UI.month);
  const group = input.months.find((m) => m.month === wanted) || (input.months[0] as MonthGroup);
  const openId = uiGet(store, UI.session);
  const children: SettingsChild[] = [
    Select({
      label: 'Month',
      options: input.months.map((m) => ({ name: `${m.month} (${m.sessions.length})`, value: m.month })),
      value: group.month,
      onChange: (month: string) => uiSet(store, { [UI.month]: month, [UI.session]: undefined, [UI.noteMessage]: undefined }),
    }),
  ];
  for (const s of group.sessions) {
    const note = input.notes.get(s.id);
    children.push(
      Button({
        label: `${sessionLine(s, t)}${note === undefined ? '' : ' · note'}`,
        onClick: () => uiSet(store, { [UI.session]: openId === s.id ? undefined : s.id, [UI.noteMessage]: undefined }),
      }),
    );
    if (openId === s.id) {
      const record = input.records.find((r) => r.id === s.id);
      if (record !== undefined) children.push(sessionDetail(store, record, note, input.now, t));
    }
  }
  return Section({ title: 'History' }, children);
}

function sessionDetail(store: KeyValueStore, record: SessionRecord, note: SessionNote | undefined, now: number, t: Translate): SettingsNode {
  const lines: string[] = [`${t(record.routineName)}, ${sessionDate(record)}, ${statusText(record.status)}`];
  record.steps.forEach((step, index) => {
    const done = Math.round(step.doneMs / 1000);
    const planned = Math.round(step.plannedMs / 1000);
    const pain = record.status === 'pain' && record.painStepIndex === index ? ' (pain here)' : '';
    lines.push(`${t(`area.${step.area}`)} ${step.side}: ${step.skipped ? 'skipped' : `${done} of ${planned} s`}${pain}`);
  });
  for (const c of record.checkIn) {
    const flags = [c.newSoreness ? 'new soreness' : '', c.sidesDiffer ? 'sides differ' : '', c.pain ? 'pain' : ''].filter((f) => f !== '');
    lines.push(`Check-in ${t(`area.${c.area}`)}: tightness ${c.tightness}${flags.length > 0 ? `, ${flags.join(', ')}` : ''}`);
  }
  if (record.notes.length > 0) lines.push(`Notes on the watch: ${record.notes.map((n) => t(`note.${n}`)).join(', ')}`);
  const message = uiGet(store, UI.noteMessage);
  return View({}, [
    ...lines.map((line) => Text({ paragraph: true }, [line])),
    TextInput({
      label: note === undefined ? 'Add a note' : 'Your note (edit to change)',
      placeholder: `What you noticed (up to ${MAX_NOTE_LENGTH} characters)`,
      value: note === undefined ? '' : note.text,
      maxLength: MAX_NOTE_LENGTH,
      multiline: true,
      onChange: (text: string) => {
        const saved = saveNote(store, record.id, text, now);
        uiSet(store, { [UI.noteMessage]: saved.ok ? 'Note saved.' : `Note not saved: ${describeProblems(saved.problems)}` });
      },
    }),
    note === undefined
      ? null
      : Button({
          label: 'Delete note',
          onClick: () => {
            const removed = deleteNote(store, record.id);
            uiSet(store, { [UI.noteMessage]: removed.ok ? 'Note deleted.' : `Note not deleted: ${removed.error === undefined ? 'unknown error' : removed.error}` });
          },
        }),
    message === undefined ? null : Text({ paragraph: true }, [message]),
  ]);
}
