import { BasePage } from '@zeppos/zml/base-page';
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { SessionLayout } from './session-layout';
import { areaName, sideName, t } from '../text';
import { watchStore } from '../../platform/storage';
import { routineIdParam, swapTo } from '../../platform/router';
import { apiLevel, sessionId, tzOffsetMin } from '../../platform/system';
import { createCuePlayer } from '../../platform/vibrator';
import { createScreenKeeper, relaunchOnWake } from '../../platform/screen';
import { ensureBackgroundPermission, restartCueService, stopCueService } from '../../platform/cue-service';
import { nextWakeUp, sessionView } from '../../core/engine';
import type { EngineEvent, EngineState, SessionState } from '../../core/engine';
import type { SessionRecord } from '../../core/model';
import { readPlan } from '../../core/phone/plan-store';
import { planRoutine } from '../../core/plan';
import { cueHostFor, keepLitMs, supportsSceneArrays } from '../../core/watch/api-level';
import type { CueHost } from '../../core/watch/api-level';
import { formatClock, remainingSessionMs } from '../../core/watch/format';
import { findRoutine } from '../../core/watch/home';
import { KEYS } from '../../core/watch/keys';
import { runEvent, runStored } from '../../core/watch/runner';
import type { RunnerPorts, RunResult } from '../../core/watch/runner';
import { loadSession } from '../../core/watch/session-store';
import { loadSettings } from '../../core/watch/settings';
import { saveFinished } from '../../core/watch/finish';
import { writeAll } from '../../core/sync/store';

const view = layout as SessionLayout;
const RENDER_EVERY_MS = 1000;

/** The page's run-time state: one session controller per page instance (no global bag). */
class SessionController {
  private host: CueHost = 'page';
  private readonly level = apiLevel();
  private readonly player = createCuePlayer(supportsSceneArrays(this.level));
  private readonly keeper = createScreenKeeper();
  private wake: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private state: SessionState | null = null;
  private done = false;

  private readonly ports: RunnerPorts = {
    store: watchStore,
    cue: (cue, state) => this.player.play(cue, state.phase === 'idle' ? 'standard' : state.settings.intensity),
    schedule: (at) => this.arm(at),
  };

  open(routineId: string): void {
    const stored = loadSession(watchStore);
    if (stored.kind === 'active') {
      this.state = stored.state;
    } else if (routineId !== '') {
      this.begin(routineId);
    }
    if (this.state === null) {
      swapTo('home', {});
      return;
    }
    this.host = cueHostFor(this.level);
    view.renderControls(
      { pause: t('session.pause'), resume: t('session.resume'), skip: t('session.skip'), extend: t('session.extend'), stop: t('session.stop'), pain: t('session.pain') },
      {
        togglePause: () => this.send(this.state !== null && this.state.phase === 'paused' ? 'resume' : 'pause'),
        skip: () => this.send('skip'),
        extend: () => this.send('extend'),
        stop: () => this.send('stop'),
        pain: () => this.send('pain'),
      },
    );
    if (this.host === 'service') this.handOver();
    else this.arm(this.catchUp());
    this.keepLit();
    this.render();
    this.ticker = setInterval(() => this.render(), RENDER_EVERY_MS);
  }

  private begin(routineId: string): void {
    const plan = readPlan(watchStore).plan;
    const routine = findRoutine(plan, routineId);
    if (routine === null) return;
    const planned = planRoutine(routine, plan);
    if (planned.empty) return;
    const at = Date.now();
    const event: EngineEvent = {
      type: 'start',
      now: at,
      routine: planned.routine,
      settings: loadSettings(watchStore),
      sessionId: sessionId(watchStore),
      tzOffsetMin: tzOffsetMin(at),
    };
    writeAll(watchStore, [[KEYS.lastRoutine, routineId]]);
    // No timer is armed yet: open() arms it (page) or hands over to the service.
    const result = runEvent({ phase: 'idle' }, event, { ...this.ports, schedule: () => undefined });
    this.adopt(result.state);
  }

  /** On open: applies the clock once so a relaunch lands on the right step; returns the next wake-up. */
  private catchUp(): number | null {
    const result = runStored({ type: 'tick', now: Date.now() }, { ...this.ports, schedule: () => undefined });
    if (result.kind !== 'ran') return null;
    this.adopt(result.result.state);
    if (result.result.finished !== null) {
      this.finish(result.result.finished);
      return null;
    }
    return this.state === null ? null : nextWakeUp(this.state);
  }

  /** API 4.0+: the App Service plays the cues; the page only renders and sends events. */
  private handOver(): void {
    try {
      ensureBackgroundPermission((granted) => {
        if (this.done) return;
        if (granted && restartCueService()) return;
        this.fallBackToPage(t('session.no-background'));
      });
    } catch {
      this.fallBackToPage(t('session.no-background'));
    }
  }

  private fallBackToPage(message: string): void {
    this.host = 'page';
    view.showMessage(message);
    this.keepLit();
    this.arm(this.catchUp());
  }

  private send(type: 'pause' | 'resume' | 'skip' | 'extend' | 'stop' | 'pain'): void {
    if (this.done) return;
    // The service also writes the stored session: stop it first so the two never interleave a
    // read-modify-write; it is started again (re-reading the result) below.
    if (this.host === 'service') stopCueService();
    const ports: RunnerPorts = this.host === 'page' ? this.ports : { ...this.ports, schedule: () => undefined };
    const result = runStored({ type, now: Date.now() }, ports);
    if (result.kind !== 'ran') return;
    this.afterRun(result.result);
    if (this.done) return;
    if (this.host === 'service') restartCueService();
    this.keepLit();
  }

  private afterRun(result: RunResult): void {
    this.adopt(result.state);
    if (result.error !== undefined) view.showMessage(t('session.save-failed'));
    if (result.finished !== null) this.finish(result.finished);
    else this.render();
  }

  private adopt(state: EngineState): void {
    if (state.phase !== 'idle') this.state = state;
  }

  private arm(at: number | null): void {
    if (this.wake !== null) clearTimeout(this.wake);
    this.wake = null;
    if (at === null || this.done || this.host !== 'page') return;
    // Re-read the clock when it fires: the engine works from timestamps, never from tick counts.
    this.wake = setTimeout(() => {
      this.wake = null;
      const result = runStored({ type: 'tick', now: Date.now() }, this.ports);
      if (result.kind === 'ran') this.afterRun(result.result);
    }, Math.max(0, at - Date.now()));
  }

  private keepLit(): void {
    if (this.state === null || this.done) return;
    const settings = this.state.settings;
    if (this.host === 'page' || settings.screen === 'keep-on') {
      const v = sessionView(this.state, Date.now());
      this.keeper.keepLit(keepLitMs(remainingSessionMs(v, this.state.routine.steps.map((s) => s.seconds))));
    } else {
      relaunchOnWake(true);
    }
  }

  private render(): void {
    if (this.done) return;
    if (this.host === 'service') {
      const stored = loadSession(watchStore);
      if (stored.kind === 'active') this.adopt(stored.state);
    }
    const state = this.state;
    if (state === null) return;
    if (state.record !== null) {
      this.finish(state.record);
      return;
    }
    const v = sessionView(state, Date.now());
    if (v.phase === 'finished') {
      // The clock passed the end between wake-ups; the next wake (page or service) records it.
      if (this.host === 'page') this.arm(Date.now());
      return;
    }
    const step = v.step;
    view.renderStep({
      area: v.inLeadIn ? t('session.get-ready') : areaName(step.area),
      detail: v.inLeadIn
        ? `${areaName(step.area)} · ${sideName(step.side)}`
        : `${sideName(step.side)} · ${t('session.step', { index: v.stepIndex + 1, count: v.stepCount })}`,
      remaining: v.phase === 'paused' ? `${formatClock(v.remainingMs)} ‖` : formatClock(v.remainingMs),
      next: v.next === null ? t('session.last-step') : t('session.next', { area: areaName(v.next.area), side: sideName(v.next.side) }),
      stepProgress: v.stepProgress,
      routineProgress: v.routineProgress,
      paused: v.phase === 'paused',
    });
  }

  private finish(record: SessionRecord): void {
    if (this.done) return;
    this.done = true;
    this.stopTimers();
    if (this.host === 'service') stopCueService();
    if (record.status === 'pain') {
      saveFinished(watchStore, record);
      swapTo('summary', { pain: true });
      return;
    }
    swapTo('checkin', {});
  }

  private stopTimers(): void {
    if (this.wake !== null) clearTimeout(this.wake);
    if (this.ticker !== null) clearInterval(this.ticker);
    this.wake = null;
    this.ticker = null;
  }

  close(): void {
    this.stopTimers();
    this.player.stop();
    const running = !this.done && this.state !== null && this.state.record === null;
    this.keeper.reset();
    // A session still running (the system closed the page) should come back when the wrist wakes.
    if (running) relaunchOnWake(true);
  }
}

let controller: SessionController | null = null;

Page(
  BasePage({
    state: { routineId: '' },
    onInit(params: unknown) {
      this.state.routineId = routineIdParam(params);
    },
    build() {
      controller = new SessionController();
      controller.open(String(this.state.routineId));
    },
    onDestroy() {
      if (controller !== null) controller.close();
      controller = null;
    },
  }),
);
