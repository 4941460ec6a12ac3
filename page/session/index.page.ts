// The Session page: wiring only. The lifecycle (who plays the cues, presses, hand-over between
// page and App Service, wake-ups, screen, routing the finished session) is core/watch/session-shell.

import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { SessionLayout } from './session-layout';
import { areaName, hintText, sideName, t } from '../text';
import { watchStore } from '../../platform/storage';
import { readParams, routineIdParam, swapTo } from '../../platform/router';
import { recoverHere } from '../launch-recovery';
import { apiLevel, clock, sessionId, tzOffsetMin } from '../../platform/system';
import { createVibratorPort } from '../../platform/vibrator';
import { createScreenPort } from '../../platform/screen';
import { createCueServicePort } from '../../platform/cue-service';
import { listenSessionKeys, stopSessionKeys } from '../../platform/keys';
import { pressForKey } from '../../core/watch/session-keys';
import { techniqueFor } from '../../core/routines/plan';
import type { Area, TherapistPlan } from '../../core/routines/model';
import { sessionView } from '../../core/engine';
import type { EngineEvent, SessionState } from '../../core/engine';
import { readPlan } from '../../core/routines/plan-store';
import { routineForRun } from '../../core/watch/run-routine';
import { cueHostFor, supportsSceneArrays } from '../../core/watch/api-level';
import { formatClock } from '../../core/watch/format';
import { findRoutine } from '../../core/watch/home';
import { KEYS } from '../../core/watch/keys';
import { SessionShell } from '../../core/watch/session-shell';
import type { Press, SchedulerPort } from '../../core/watch/session-shell';
import { loadSettings } from '../../core/settings/watch-settings';
import { writeAll } from '../../core/kernel/store';

const view = layout as SessionLayout;
const RENDER_EVERY_MS = 1000;

/** The start event for a routine id, or null when it is unknown or the plan leaves nothing. */
function startEvent(routineId: string): Extract<EngineEvent, { type: 'start' }> | null {
  if (routineId === '') return null;
  const plan = readPlan(watchStore).plan;
  const routine = findRoutine(plan, routineId);
  if (routine === null) return null;
  const planned = routineForRun(routine, plan, loadSettings(watchStore), watchStore);
  if (planned.empty) return null;
  const at = clock.now();
  writeAll(watchStore, [[KEYS.lastRoutine, routineId]]);
  // The plan's own times go with the run only when adaptation or progression changed them.
  const changed = planned.routine.steps.some((step, index) => planned.baseSeconds[index] !== step.seconds);
  return { type: 'start', now: at, routine: planned.routine, ...(changed ? { baseSeconds: planned.baseSeconds } : {}), settings: loadSettings(watchStore), sessionId: sessionId(watchStore), tzOffsetMin: tzOffsetMin(at) };
}

function pageScheduler(): SchedulerPort {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const disarm = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    arm(at, wake) {
      disarm();
      // The shell re-reads the clock when it fires: time comes from timestamps, never tick counts.
      timer = setTimeout(() => {
        timer = null;
        wake();
      }, Math.max(0, at - clock.now()));
    },
    disarm,
  };
}

/** The step's hint and, when the plan has one for the area, the therapist's technique note. */
function stepHint(plan: TherapistPlan | null, hint: string, area: Area): string {
  const technique = techniqueFor(plan, area);
  const parts = [hintText(hint), technique === '' ? '' : t('session.technique', { technique })];
  return parts.filter((part) => part !== '').join(' ');
}

/** How long a message (a tap on Stop / Pain) holds the "next" line. */
const MESSAGE_MS = 3000;

/** `showNext` false: a message holds the "next" line, leave it. */
function render(state: SessionState, plan: TherapistPlan | null, showNext: boolean): void {
  const v = sessionView(state, clock.now());
  if (v.phase === 'finished') return;
  const step = v.step;
  view.renderStep({
    area: v.inLeadIn ? t('session.get-ready') : areaName(step.area),
    detail: v.inLeadIn
      ? `${areaName(step.area)} · ${sideName(step.side)}`
      : `${sideName(step.side)} · ${t('session.step', { index: v.stepIndex + 1, count: v.stepCount })}`,
    remaining: v.phase === 'paused' ? `${formatClock(v.remainingMs)} ‖` : formatClock(v.remainingMs),
    next: !showNext ? null : v.next === null ? t('session.last-step') : t('session.next', { area: areaName(v.next.area), side: sideName(v.next.side) }),
    hint: stepHint(plan, step.hint, step.area),
    stepProgress: v.stepProgress,
    routineProgress: v.routineProgress,
    paused: v.phase === 'paused',
  });
}

/** One Session page instance: its shell and render ticker live here, not in the module. */
function sessionPage() {
  let shell: SessionShell | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;

  let plan: TherapistPlan | null = null;
  /** A message shown in place of "next" until this time. */
  let messageUntil = 0;
  /** From the route: the routine to run, and whether Home opened this page to recover a session. */
  let routineId = '';
  let recover = false;

  function stopTicker(): void {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  }

  function say(text: string): void {
    messageUntil = clock.now() + MESSAGE_MS;
    view.showMessage(text);
  }

  function open(routineId: string): void {
    const level = apiLevel();
    plan = readPlan(watchStore).plan;
    const current = new SessionShell(
      {
        store: watchStore,
        clock,
        scheduler: pageScheduler(),
        vibrator: createVibratorPort(supportsSceneArrays(level)),
        later: (ms, run) => {
          setTimeout(run, ms);
        },
        screen: createScreenPort(),
        service: cueHostFor(level) === 'service' ? createCueServicePort() : null,
      },
      {
        changed: (state) => render(state, plan, clock.now() >= messageUntil),
        finished(route, _record, saved) {
          stopTicker();
          swapTo(route, saved ? {} : { saveFailed: true });
        },
        notice: (what) => say(t(what === 'no-background' ? 'session.no-background' : 'session.save-failed')),
      },
    );
    shell = current;
    const send = (press: Press) => () => current.press(press);
    view.renderControls(
      { pause: t('session.pause'), resume: t('session.resume'), skip: t('session.skip'), extend: t('session.extend'), stop: t('session.stop'), pain: t('session.pain') },
      {
        togglePause: () => current.press(current.current !== null && current.current.phase === 'paused' ? 'resume' : 'pause'),
        skip: send('skip'),
        extend: send('extend'),
        stop: send('stop'),
        pain: send('pain'),
        stopTapped: () => say(t('session.hold-stop')),
        painTapped: () => say(t('session.hold-pain')),
      },
    );
    listenSessionKeys((key) => {
      const press = pressForKey(key, current.current !== null && current.current.phase === 'paused');
      if (press !== null) current.press(press);
    });
    if (!current.open(startEvent(routineId))) {
      swapTo('home', {});
      return;
    }
    current.refresh();
    ticker = setInterval(() => current.refresh(), RENDER_EVERY_MS);
  }

  return {
    onInit(params: unknown) {
      routineId = routineIdParam(params);
      recover = readParams(params)['recover'] === true;
    },
    build() {
      // Opened by Home at launch with a stored session: recovery picks where it goes (maybe here).
      if (recover && !recoverHere()) return;
      open(routineId);
    },
    onDestroy() {
      stopTicker();
      stopSessionKeys();
      if (shell !== null) shell.close();
      shell = null;
    },
  };
}

// No ZML BasePage: this page neither sends nor hears messages (docs/watch.md "Size").
Page(sessionPage());
