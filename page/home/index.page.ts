// Home: routines (assigned first), this week against the target, sync and reminder state; hands a stored session to Session's launch recovery. Wiring only: the rules live in core/.
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { HomeLayout } from './home-layout';
import type { FlowItem } from '../kit';
import { areaName, refusalText, routineName, t } from '../text';
import { watchStore } from '../../platform/storage';
import { goTo, readParams } from '../../platform/router';
import { clock, tzOffsetMin } from '../../platform/system';
import { createScreenPort } from '../../platform/screen';
import { readPlan } from '../../core/routines/plan-store';
import { outboxStatus } from '../../core/sync/outbox';
import type { OutboxStatus } from '../../core/sync/outbox';
import type { TherapistPlan } from '../../core/routines/model';
import type { RejectedEntry } from '../../core/sync/outbox-state';
import { homeList, homeModel } from '../../core/watch/home';
import type { HomeModel } from '../../core/watch/home';
import { KEYS } from '../../core/watch/keys';
import { readItem, writeAll } from '../../core/kernel/store';
import { linkChanged, linkUpNow, planThenFlush, startPageSync } from '../../platform/sync';
import { openPageLink } from '../../platform/messaging';
import type { PageLink } from '../../platform/messaging';
import type { SyncEvent, WatchSync } from '../../core/sync/watch-sync';
import type { PhoneEvent, PhoneStatus } from '../../core/watch/phone-status';
import { initialPhoneStatus, nextPhoneStatus, phoneMessage } from '../../core/watch/phone-status';
import { rearmReminders } from '../reminder-texts';
import { decide, progressionOffer } from '../../core/routines/progression';
import { loadProgression, saveProgression } from '../../core/watch/progression-store';

const view = layout as HomeLayout;

/**
 * Home's notices, and the launch's recovery handed to the Session page: when a session is stored
 * (one key read, nothing decoded here) Session opens with {recover: true} and routes from there
 * (page/launch-recovery.ts); with none, a wake-up no longer relaunches the app. A Home that
 * recovery itself opened ({recovered: true}) does not hand over again.
 */
function recover(recovered: boolean): FlowItem[] {
  const notices: FlowItem[] = [];
  if (!recovered) {
    if (readItem(watchStore, KEYS.session).value !== undefined) goTo('session', { recover: true });
    else createScreenPort().relaunchOnWake(false);
  }
  const notice = readItem(watchStore, KEYS.notice).value;
  if (notice !== undefined) {
    notices.push({ kind: 'text', text: notice, tone: 'warning' });
    writeAll(watchStore, [[KEYS.notice, undefined]]);
  }
  return notices;
}

function header(model: HomeModel, notices: readonly FlowItem[], refused: readonly RejectedEntry[]): FlowItem[] {
  const items: FlowItem[] = [...notices];
  items.push({
    kind: 'text',
    text: model.weekTarget > 0 ? t('home.week-target', { done: model.weekDone, target: model.weekTarget }) : t('home.week', { done: model.weekDone }),
  });
  if (model.waiting > 0) items.push({ kind: 'text', text: t('home.waiting', { count: model.waiting }), tone: 'warning' });
  const newest = refused[refused.length - 1];
  if (newest !== undefined) items.push({ kind: 'text', text: t('home.refused', { count: refused.length, reason: refusalText(newest.reason) }), tone: 'warning' });
  return items;
}

/** The routines: ★ assigned first with the legend under them, then ▶ the last started, then the rest. */
function routineRows(model: HomeModel): FlowItem[] {
  const rows: FlowItem[] = [];
  const entries = homeList(model);
  entries.forEach((entry, index) => {
    const name = routineName(entry.routine);
    const open = () => goTo('before', { routineId: entry.routine.id });
    if (entry.mark === 'assigned') rows.push({ kind: 'button', text: t('home.assigned', { name }), onClick: open });
    else if (entry.mark === 'last') rows.push({ kind: 'button', text: t('home.again', { name }), tone: 'primary', onClick: open });
    else rows.push({ kind: 'button', text: name, onClick: open });
    const next = entries[index + 1];
    if (entry.mark === 'assigned' && (next === undefined || next.mark !== 'assigned')) rows.push({ kind: 'text', text: t('home.legend'), tone: 'dim' });
  });
  return rows;
}

/** What one draw read from storage, kept for the work after the first frame. */
interface Drawn {
  readonly plan: TherapistPlan | null;
}

/** One Home page instance: its sync and notices live here, not in the module. */
function homePage() {
  let sync: WatchSync | null = null;
  let notices: FlowItem[] = [];
  /** The phone line under the week count, kept live by link events and requests (core/watch/phone-status). */
  let phone: PhoneStatus = initialPhoneStatus(true);
  /** The work Home does not need to draw (reminders, plan fetch and flush), waiting for the first frame. */
  let afterFirstFrame: ReturnType<typeof setTimeout> | null = null;
  /** Opened by launch recovery (Session sent the app back here after recovering a session). */
  let recovered = false;
  /** This page's end of the app's messaging, while it is shown. */
  let link: PageLink | null = null;

  function onPhone(event: PhoneEvent): void {
    if (sync === null) return;
    phone = nextPhoneStatus(phone, event);
    view.showPhoneStatus(t(phoneMessage(phone, outboxStatus(watchStore).pending)));
  }

  /** The progression offer (never imposed): one more area or a little more time; Yes / Not now, remembered either way. */
  function progressionRows(at: number, model: HomeModel, plan: TherapistPlan | null, status: OutboxStatus): FlowItem[] {
    const state = loadProgression(watchStore);
    // "One not yet in the routine": the routine the person last ran, else the first on Home.
    const routine = model.last !== null ? model.last.routine : (model.rows[0]?.routine ?? null);
    const offer = progressionOffer(state, plan, status.recent, at, tzOffsetMin(at), routine);
    if (offer === null) return [];
    const answer = (choice: 'accepted' | 'declined') => () => {
      saveProgression(watchStore, decide(state, offer, choice));
      draw();
    };
    return [
      { kind: 'text', text: offer.area === null ? t('home.progress-more') : t('home.progress-area', { area: areaName(offer.area) }) },
      { kind: 'button', text: t('home.progress-accept'), tone: 'primary', onClick: answer('accepted') },
      { kind: 'button', text: t('home.progress-decline'), onClick: answer('declined') },
    ];
  }

  /** Draws Home, phone line included, from one read of the plan and one of the outbox. */
  function draw(): Drawn {
    const at = clock.now();
    const plan = readPlan(watchStore).plan;
    const status = outboxStatus(watchStore);
    const model = homeModel(plan, status.recent, status.pending, readItem(watchStore, KEYS.lastRoutine).value, at, tzOffsetMin(at));
    view.renderHome({
      title: t('app.name'),
      header: header(model, notices, status.rejected).concat(progressionRows(at, model, plan, status)),
      routines: routineRows(model),
      footer: [
        { kind: 'button', text: t('home.history'), onClick: () => goTo('history', {}) },
        { kind: 'button', text: t('home.settings'), onClick: () => goTo('settings', {}) },
      ],
    }, t(phoneMessage(phone, status.pending)));
    return { plan };
  }

  /** Redraws after sync: the plan may have changed the routine list, a flush the waiting mark. */
  function onSync(event: SyncEvent): void {
    // A reply that arrives after the page was left must not draw over the next page.
    if (sync === null) return;
    if (event.kind === 'plan') {
      // The plan's weekly target and the phone's Preferences decide the reminder days and time.
      rearmReminders(event.result.plan);
      // An answer the watch could not use (the request itself succeeded) says so on the phone line.
      if (!event.result.ok && event.result.code === undefined) phone = nextPhoneStatus(phone, { kind: 'bad-reply' });
    }
    draw();
  }

  return {
    onInit(params: unknown) {
      recovered = readParams(params)['recovered'] === true;
      link = openPageLink({
        onCall: (data) => {
          sync?.handleCall(data);
        },
        onBleChanged: (status) => linkChanged(sync, status, onPhone),
      });
    },
    build() {
      notices = recover(recovered);
      phone = initialPhoneStatus(linkUpNow());
      const current = startPageSync(link ?? openPageLink({}), onSync, onPhone);
      sync = current;
      const drawn = draw();
      // Home must appear at once: what it does not need to draw runs after the first frame. The
      // flush is not lost when Home is left before then: the outbox keeps every session for the
      // next open (or the Summary page), and onDestroy cancels this so a page that is gone sends nothing.
      afterFirstFrame = setTimeout(() => {
        afterFirstFrame = null;
        rearmReminders(drawn.plan);
        void planThenFlush(current);
      }, 0);
    },
    onDestroy() {
      if (afterFirstFrame !== null) clearTimeout(afterFirstFrame);
      afterFirstFrame = null;
      sync?.stop();
      sync = null;
      link?.close();
      link = null;
    },
  };
}

// No ZML BasePage: platform/messaging gives the page its requests and the phone's calls.
Page(homePage());
