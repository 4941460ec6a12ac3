// History: sessions by month (one month shown at a time, and only that month is read and built),
// the open session's detail and its free-text note (add, edit, delete). Notes are validated and
// stored by core/phone/notes.

import type { SessionRecord } from '../core/routines/model';
import type { MonthCount } from '../core/phone/history-store';
import type { SessionSummary } from '../core/phone/stats';
import type { SessionNote } from '../core/phone/notes';
import { MAX_NOTE_LENGTH, deleteNote, saveNote } from '../core/phone/notes';
import { MAX_PAIN_SCORE, hadPain, savePainScore } from '../core/phone/pain-scores';
import type { Translate } from '../core/phone/messages';
import { describeProblems } from '../core/kernel/result';
import type { KeyValueStore } from '../core/kernel/store';
import { UI, uiGet, uiSet } from './ui-state';
import { PAIN_STYLE, sessionDate, sessionLine, stepLabel, statusText } from './format';
import { skippedSteps } from '../core/records/session-outcome';
import { phoneLocale, tr } from './text';
import { joinList } from '../core/kernel/locale';
import { painScoreOf, sidesDiffer, wasRated } from '../core/phone/checkin-reading';

export interface HistoryInput {
  /** Every month with sessions and how many, newest first (the history index). */
  readonly months: readonly MonthCount[];
  /** The sessions of one month, newest first: called for the month on screen only. */
  readonly load: (month: string) => readonly SessionSummary[];
  /** The full record of an opened session. */
  readonly record: (month: string, id: string) => SessionRecord | undefined;
  readonly notes: ReadonlyMap<string, SessionNote>;
  readonly painScores: ReadonlyMap<string, number>;
  readonly now: number;
}

export function historySection(store: KeyValueStore, input: HistoryInput, t: Translate): SettingsNode {
  if (input.months.length === 0) {
    return Section({ title: tr('set.history') }, [Text({ paragraph: true }, [tr('set.history.empty')])]);
  }
  const wanted = uiGet(store, UI.month);
  const shown = (input.months.find((m) => m.month === wanted) || input.months[0]) as MonthCount;
  const openId = uiGet(store, UI.session);
  const children: SettingsChild[] = [
    Select({
      label: tr('set.history.month'),
      options: input.months.map((m) => ({ name: `${m.month} (${m.count})`, value: m.month })),
      value: shown.month,
      onChange: (month: string) => uiSet(store, { [UI.month]: month, [UI.session]: undefined, [UI.noteMessage]: undefined }),
    }),
  ];
  for (const s of input.load(shown.month)) {
    const note = input.notes.get(s.id);
    const label = `${sessionLine(s, t)}${note === undefined ? '' : tr('set.history.with-note')}`;
    const onClick = (): void => uiSet(store, { [UI.session]: openId === s.id ? undefined : s.id, [UI.noteMessage]: undefined });
    // A pain stop in its own colour, as on the watch.
    children.push(s.status === 'pain' ? Button({ label, onClick, style: { ...PAIN_STYLE } }) : Button({ label, onClick }));
    if (openId === s.id) {
      const record = input.record(shown.month, s.id);
      if (record !== undefined) children.push(sessionDetail(store, record, note, painScoreOf(record, input.painScores), input.now, t));
    }
  }
  return Section({ title: tr('set.history') }, children);
}

/** The check-in as the person gave it; whatever they did not touch reads "not rated". */
function checkInLines(record: SessionRecord, t: Translate): string[] {
  if (!wasRated(record)) return [tr('set.history.check-in-none')];
  const lines: string[] = [];
  lines.push(tr('set.history.feeling', { feeling: record.feeling === undefined ? tr('set.history.not-rated') : tr(`set.history.feeling-${record.feeling}`) }));
  let hurt = tr('set.history.not-rated');
  if (record.hurt === false) hurt = tr('set.history.hurt-no');
  if (record.hurt === true) {
    const where = record.hurtArea === undefined ? tr('set.history.hurt-yes') : `${t(`area.${record.hurtArea}`)}${record.hurtSide === undefined ? '' : ` ${t(`side.${record.hurtSide}`)}`}`;
    hurt = record.painScore === undefined ? where : `${where}, ${tr('report.score', { score: record.painScore })}`;
  }
  lines.push(tr('set.history.hurt', { answer: hurt }));
  for (const c of record.checkIn) {
    const tightness = c.tightness === undefined ? tr('set.history.not-rated') : t(`report.tight-${c.tightness}`);
    const flags: string[] = [];
    if (c.tighterSide === 'same') flags.push(tr('set.history.sides-same'));
    else if (c.tighterSide !== undefined) flags.push(tr('set.history.tighter-side', { side: t(`side.${c.tighterSide}`) }));
    else if (sidesDiffer(c)) flags.push(tr('set.history.sides-differ'));
    if (c.newSoreness === true) flags.push(tr('set.history.new-soreness'));
    if (c.pain === true) flags.push(tr('set.history.pain'));
    lines.push(`${tr('set.history.check-in', { area: t(`area.${c.area}`), tightness })}${flags.length > 0 ? `, ${flags.join(', ')}` : ''}`);
  }
  return lines;
}

function sessionDetail(store: KeyValueStore, record: SessionRecord, note: SessionNote | undefined, painScore: number | undefined, now: number, t: Translate): SettingsNode {
  const skipped = skippedSteps(record);
  const lines: string[] = [`${t(record.routineName)}, ${sessionDate(record)}, ${statusText(record.status, skipped.length)}`];
  if (skipped.length > 0) lines.push(tr('set.history.skipped-steps', { steps: joinList(skipped.map((step) => stepLabel(step, t)), phoneLocale()) }));
  record.steps.forEach((step, index) => {
    const done = Math.round(step.doneMs / 1000);
    const planned = Math.round(step.plannedMs / 1000);
    const pain = record.status === 'pain' && record.painStepIndex === index ? tr('set.history.pain-here') : '';
    lines.push(`${t(`area.${step.area}`)} ${t(`side.${step.side}`)}: ${step.skipped ? tr('set.history.skipped') : tr('set.history.step-done', { done, planned })}${pain}`);
  });
  lines.push(...checkInLines(record, t));
  if (record.notes.length > 0) lines.push(tr('set.history.watch-notes', { notes: joinList(record.notes.map((n) => t(`note.${n}`)), phoneLocale()) }));
  const message = uiGet(store, UI.noteMessage);
  // A pain score only for sessions with pain (stopped for pain, or pain reported at the check-in);
  // it starts at the score given on the watch, and one chosen here wins.
  const scoreOptions = [{ name: tr('set.history.pain-score-none'), value: 'none' }].concat(Array.from({ length: MAX_PAIN_SCORE + 1 }, (_v, n) => ({ name: String(n), value: String(n) })));
  return View({}, [
    ...lines.map((line) => Text({ paragraph: true }, [line])),
    !hadPain(record)
      ? null
      : Select({
          label: tr('set.history.pain-score'),
          options: scoreOptions,
          value: painScore === undefined ? 'none' : String(painScore),
          onChange: (value: string) => {
            const saved = savePainScore(store, record.id, value === 'none' ? null : Number(value), now);
            if (!saved.ok) uiSet(store, { [UI.noteMessage]: tr('set.not-saved', { problem: describeProblems(saved.problems) }) });
          },
        }),
    TextInput({
      label: note === undefined ? tr('set.note.add') : tr('set.note.edit'),
      placeholder: tr('set.note.placeholder', { max: MAX_NOTE_LENGTH }),
      value: note === undefined ? '' : note.text,
      maxLength: MAX_NOTE_LENGTH,
      multiline: true,
      onChange: (text: string) => {
        const saved = saveNote(store, record.id, text, now);
        uiSet(store, { [UI.noteMessage]: saved.ok ? tr('set.note.saved') : tr('set.note.not-saved', { problem: describeProblems(saved.problems) }) });
      },
    }),
    note === undefined
      ? null
      : Button({
          label: tr('set.note.delete'),
          onClick: () => {
            const removed = deleteNote(store, record.id);
            uiSet(store, { [UI.noteMessage]: removed.ok ? tr('set.note.deleted') : tr('set.note.not-deleted', { problem: removed.error === undefined ? tr('set.unknown-error') : removed.error }) });
          },
        }),
    message === undefined ? null : Text({ paragraph: true }, [message]),
  ]);
}
