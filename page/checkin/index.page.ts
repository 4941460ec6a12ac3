// Check-in: how it felt after a routine (overall, anything hurt, per-area detail on request), then Summary. Wiring only: the rules live in core/.
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { CheckinLayout, CheckinRow, Choice } from './checkin-layout';
import { areaName, t } from '../text';
import { watchStore } from '../../platform/storage';
import { swapTo } from '../../platform/router';
import { markCheckinOffered } from '../../platform/launch';
import { FEELINGS, HURT_SIDES, MAX_PAIN_SCORE, PRESET_NOTES, TIGHTER_SIDES } from '../../core/routines/model';
import type { Area, SessionRecord, Tightness } from '../../core/routines/model';
import {
  answerHurt,
  areasDone,
  chooseFeeling,
  chooseHurtArea,
  chooseHurtSide,
  choosePainScore,
  chooseTighterSide,
  chooseTightness,
  detailOf,
  draftAnswers,
  emptyDraft,
  hasSides,
  sessionAreas,
  toggleNewSoreness,
  toggleNote,
} from '../../core/watch/checkin';
import type { CheckInDraft } from '../../core/watch/checkin';
import { loadSession } from '../../core/watch/session-store';
import { saveFinished } from '../../core/watch/finish';

const view = layout as CheckinLayout;
const TIGHTNESS: readonly Tightness[] = [0, 1, 2, 3];
/** Pain scores in two rows of buttons (0-5, 6-10): any score is one tap. */
const SCORE_ROWS: readonly (readonly number[])[] = [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10].filter((n) => n <= MAX_PAIN_SCORE)];

/** One Check-in page instance: the record, the answers so far, whether detail is shown and saved. */
function checkinPage() {
  let record: SessionRecord | null = null;
  let draft: CheckInDraft = emptyDraft();
  let detail = false;
  let saved = false;

  function save(withAnswers: boolean): void {
    if (record === null || saved) return;
    saved = true;
    const answers = draftAnswers(draft);
    const outcome = withAnswers ? saveFinished(watchStore, record, answers.checkIns, answers.notes, answers.answers) : saveFinished(watchStore, record);
    swapTo('summary', outcome.queued ? {} : { saveFailed: true });
  }

  function change(next: CheckInDraft): void {
    draft = next;
    draw();
  }

  function choices(list: readonly Choice[]): CheckinRow {
    return { kind: 'choices', choices: list };
  }

  function question(text: string): CheckinRow {
    return { kind: 'question', text };
  }

  function firstScreen(rec: SessionRecord): CheckinRow[] {
    const rows: CheckinRow[] = [
      question(t('checkin.feeling')),
      choices(FEELINGS.map((f) => ({ text: t(`checkin.feeling-${f}`), chosen: draft.feeling === f, onClick: () => change(chooseFeeling(draft, f)) }))),
      question(t('checkin.hurt')),
      choices([
        { text: t('checkin.hurt-no'), chosen: draft.hurt === false, onClick: () => change(answerHurt(draft, false)) },
        { text: t('checkin.hurt-yes'), chosen: draft.hurt === true, onClick: () => change(answerHurt(draft, true)) },
      ]),
    ];
    if (draft.hurt !== true) return rows;
    rows.push(question(t('checkin.where')));
    for (const area of sessionAreas(rec)) {
      rows.push(choices([{ text: areaName(area), chosen: draft.hurtArea === area, onClick: () => change(chooseHurtArea(draft, area)) }]));
    }
    const hurtArea = draft.hurtArea;
    if (hurtArea !== undefined && hasSides(hurtArea)) {
      rows.push(choices(HURT_SIDES.map((s) => ({ text: t(`checkin.side-${s}`), chosen: draft.hurtSide === s, onClick: () => change(chooseHurtSide(draft, s)) }))));
    }
    rows.push(question(t('checkin.pain-score')));
    for (const row of SCORE_ROWS) {
      rows.push(choices(row.map((n) => ({ text: String(n), chosen: draft.painScore === n, onClick: () => change(choosePainScore(draft, n)) }))));
    }
    return rows;
  }

  function areaDetail(area: Area): CheckinRow[] {
    const current = detailOf(draft, area);
    const rows: CheckinRow[] = [
      question(t('checkin.area-tightness', { area: areaName(area) })),
      choices(TIGHTNESS.slice(0, 2).map((n) => tightnessChoice(area, n, current?.tightness))),
      choices(TIGHTNESS.slice(2).map((n) => tightnessChoice(area, n, current?.tightness))),
    ];
    if (hasSides(area)) {
      rows.push(question(t('checkin.tighter-side')));
      rows.push(choices(TIGHTER_SIDES.map((s) => ({ text: t(`checkin.tighter-${s}`), chosen: current?.tighterSide === s, onClick: () => change(chooseTighterSide(draft, area, s)) }))));
    }
    rows.push(choices([{ text: t('checkin.new-soreness'), chosen: current?.newSoreness === true, onClick: () => change(toggleNewSoreness(draft, area)) }]));
    return rows;
  }

  function tightnessChoice(area: Area, n: Tightness, chosen: Tightness | undefined): Choice {
    return { text: t(`checkin.tight-${n}`), chosen: chosen === n, onClick: () => change(chooseTightness(draft, area, n)) };
  }

  function draw(): void {
    if (record === null) return;
    const rows = firstScreen(record);
    if (detail) {
      for (const area of areasDone(record)) rows.push(...areaDetail(area));
      rows.push(question(t('checkin.notes')));
      for (const note of PRESET_NOTES) {
        rows.push(choices([{ text: t(`note.${note}`), chosen: draft.notes.indexOf(note) >= 0, onClick: () => change(toggleNote(draft, note)) }]));
      }
    }
    // Save always comes after the questions shown, so it is never above where the person is.
    rows.push(choices([{ text: t('checkin.save'), tone: 'primary', onClick: () => save(true) }]));
    const more: Choice[] = detail ? [] : [{ text: t('checkin.add-detail'), onClick: () => showDetail() }];
    rows.push(choices(more.concat([{ text: t('checkin.skip'), onClick: () => save(false) }])));
    view.renderCheckIn(rows);
  }

  function showDetail(): void {
    detail = true;
    draw();
  }

  return {
    state: {},
    build() {
      saved = false;
      detail = false;
      const stored = loadSession(watchStore);
      record = stored.kind === 'active' ? stored.state.record : null;
      if (record === null) {
        swapTo('summary', {});
        return;
      }
      // Backing out to Home is a "no thanks" (saved without ratings there); a new launch asks again.
      markCheckinOffered();
      draft = emptyDraft();
      draw();
    },
    onDestroy() {
      // Leaving without an answer (the system exits the page 10 s after screen-off, or the app is
      // killed) keeps the finished session stored: the next launch offers the check-in again
      // (core/watch/session-shell recoverAtLaunch), or saves it without ratings once that lapses.
      record = null;
    },
  };
}

// No ZML BasePage: this page neither sends nor hears messages (docs/watch.md "Size").
Page(checkinPage());
