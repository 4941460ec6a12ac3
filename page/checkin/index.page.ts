// Check-in: how it felt after a routine (overall, anything hurt, per-area detail on request), then Summary. Wiring only: the rules live in core/.
import { BasePage } from '@zeppos/zml/base-page';
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { CheckinLayout } from './checkin-layout';
import type { FlowItem } from '../kit';
import { areaName, t } from '../text';
import { watchStore } from '../../platform/storage';
import { swapTo } from '../../platform/router';
import { markCheckinOffered } from '../../platform/launch';
import { PRESET_NOTES } from '../../core/model';
import type { SessionRecord } from '../../core/model';
import { cycleTightness, emptyDraft, toggleFlag, toggleNote } from '../../core/watch/checkin';
import type { CheckInDraft, Flag } from '../../core/watch/checkin';
import { loadSession } from '../../core/watch/session-store';
import { saveFinished } from '../../core/watch/finish';

const view = layout as CheckinLayout;
const FLAGS: readonly Flag[] = ['newSoreness', 'sidesDiffer', 'pain'];
const FLAG_TEXT: Readonly<Record<Flag, string>> = { newSoreness: 'checkin.new-soreness', sidesDiffer: 'checkin.sides-differ', pain: 'checkin.pain' };

/** One Check-in page instance: the record, the answers so far and whether they were saved. */
function checkinPage() {
  let record: SessionRecord | null = null;
  let draft: CheckInDraft = { areas: [], notes: [] };
  let saved = false;

  function save(withAnswers: boolean): void {
    if (record === null || saved) return;
    saved = true;
    saveFinished(watchStore, record, withAnswers ? draft.areas : [], withAnswers ? draft.notes : []);
    swapTo('summary', {});
  }

  function draw(): void {
    const items: FlowItem[] = [
      { kind: 'button', text: t('checkin.save'), tone: 'primary', onClick: () => save(true) },
      { kind: 'button', text: t('checkin.skip'), onClick: () => save(false) },
    ];
    draft.areas.forEach((a, index) => {
      items.push({ kind: 'text', text: areaName(a.area) });
      items.push({ kind: 'button', text: t('checkin.tightness', { value: a.tightness }), onClick: () => change(cycleTightness(draft, index)) });
      for (const flag of FLAGS) {
        items.push({ kind: 'button', text: `${a[flag] ? '☑' : '☐'} ${t(FLAG_TEXT[flag])}`, onClick: () => change(toggleFlag(draft, index, flag)) });
      }
    });
    items.push({ kind: 'text', text: t('checkin.notes'), tone: 'dim' });
    for (const note of PRESET_NOTES) {
      items.push({ kind: 'button', text: `${draft.notes.indexOf(note) >= 0 ? '☑' : '☐'} ${t(`note.${note}`)}`, onClick: () => change(toggleNote(draft, note)) });
    }
    view.renderCheckIn(t('checkin.title'), items);
  }

  function change(next: CheckInDraft): void {
    draft = next;
    draw();
  }

  return {
    state: {},
    build() {
      saved = false;
      const stored = loadSession(watchStore);
      record = stored.kind === 'active' ? stored.state.record : null;
      if (record === null) {
        swapTo('summary', {});
        return;
      }
      // Backing out to Home is a "no thanks" (saved without ratings there); a new launch asks again.
      markCheckinOffered();
      draft = emptyDraft(record);
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

Page(BasePage(checkinPage()));
