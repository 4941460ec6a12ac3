// The session's lifecycle on the watch, behind ports (store, clock, scheduler, vibrator, cue
// service, screen) so it runs the same on the watch and in unit tests with fakes:
// - who plays the cues: the page (API 3.6-3.x, or 4.x without background permission) or the App
//   Service (API 4.x), with ONE writer of the stored session at a time;
// - presses: on the service path the page first stops the service and waits for complete_func,
//   applies every press queued meanwhile (each at the time it was pressed), then starts the service
//   again and waits for its complete_func; a start that fails falls back to the lit page, so there
//   is never a silent gap;
// - the next wake-up (page path), keeping the screen lit and giving it back, wake-up relaunch;
// - recovery at launch and routing a finished session (pain → Summary, else Check-in).
// Every cue is played as a whole pattern; nothing here ever stops the motor.

import { lastCueGiven, nextWakeUp, sessionView, transition } from '../engine';
import type { CueName, EngineEvent, SessionState } from '../engine';
import { ackTick, hapticPattern, patternMs, thenPlay } from '../engine/haptics';
import type { HapticPattern } from '../engine/haptics';
import type { SessionRecord, WatchSettings } from '../routines/model';
import type { KeyValueStore } from '../kernel/store';
import { keepLitMs } from './api-level';
import type { CueHost } from './api-level';
import { saveFinished } from './finish';
import { remainingSessionMs } from './format';
import { runEvent, runStored } from './runner';
import type { RunnerPorts, StoredRun } from './runner';
import { loadSession, saveSession } from './session-store';
import { createMotor } from './motor';
import type { Motor } from './motor';

/** One pending wake-up at a time (page timers on the watch). */
export interface SchedulerPort {
  arm(at: number, wake: () => void): void;
  disarm(): void;
}

export interface VibratorPort {
  /** Plays a whole pattern. Never called to stop a cue. */
  play(pattern: HapticPattern): void;
}

/** The continuous App Service (API 4.0+). Both requests complete asynchronously. */
export interface CueServicePort {
  isRunning(): boolean;
  ensurePermission(done: (granted: boolean) => void): void;
  /** done(true) once the service runs; done(false) when refused at once or it failed to start. */
  start(done: (ok: boolean) => void): void;
  /** done() once the service is gone (or was not running). */
  stop(done: () => void): void;
}

export interface ScreenPort {
  /** Bright time and drop-wrist / palm screen-off pause, all for `ms`. */
  keepLit(ms: number): void;
  /** Back to the system defaults (bright time, drop-wrist, palm). */
  release(): void;
  relaunchOnWake(on: boolean): void;
}

export interface ClockPort {
  now(): number;
}

export interface ShellPorts {
  readonly store: KeyValueStore;
  readonly clock: ClockPort;
  readonly scheduler: SchedulerPort;
  readonly vibrator: VibratorPort;
  /** Runs `run` after `ms` (a page timer): a pattern asked for while a cue plays waits for it. */
  readonly later: (ms: number, run: () => void) => void;
  readonly screen: ScreenPort;
  /** null below API 4.0 (no createSysTimer for a service). */
  readonly service: CueServicePort | null;
}

export type Press = 'pause' | 'resume' | 'skip' | 'extend' | 'stop' | 'pain';

/** Presses answered with a tick (core/engine/haptics ackTick): the ones a person makes without looking. */
export function answersWithTick(press: Press): boolean {
  return press === 'skip' || press === 'extend';
}

export type Route = 'checkin' | 'summary';

export interface ShellListener {
  /** The state to show changed (or time passed): draw it. */
  changed(state: SessionState): void;
  /**
   * The session is over. On the route 'summary' the record was saved (pain, or a session storage
   * could not hold: its check-in could not be kept either), or not, as `saved` says.
   */
  finished(route: Route, record: SessionRecord, saved: boolean): void;
  notice(what: 'no-background' | 'save-failed'): void;
}

/** A cue at the chosen strength (the haptic table keeps pain strong at every setting). */
export function cuePattern(cue: CueName, settings: Pick<WatchSettings, 'intensity'>): HapticPattern {
  return hapticPattern(cue, settings.intensity);
}

/** Where a finished session goes: pain straight to the Summary (saved at once), else Check-in. */
export function routeFor(record: SessionRecord): Route {
  return record.status === 'pain' ? 'summary' : 'checkin';
}

/**
 * Which of the service path's states the page is in:
 * - 'page' : the page plays the cues itself (API 3.x, or the service could not run);
 * - 'service' : the service runs and is the only writer; the page only reads;
 * - 'stopping' / 'starting' : a hand-over is under way, presses are queued;
 * - 'idle' : service path, the service is not running (paused) and the page is the writer.
 */
type Writer = 'page' | 'service' | 'stopping' | 'starting' | 'idle';

interface QueuedPress {
  readonly type: Press;
  readonly at: number;
  /** Its cue was already felt at the press (so a hand-over never delays the feedback). */
  readonly felt?: boolean;
  /** Answered with a tick before any cue it causes (Skip, +30 s) when applied. */
  readonly tick?: boolean;
}

export class SessionShell {
  private state: SessionState | null = null;
  private writer: Writer = 'page';
  private host: CueHost = 'page';
  private queue: QueuedPress[] = [];
  private done = false;
  private closed = false;
  /**
   * The page's state is ahead of the stored one: storage refused a write. The page then plays
   * from memory (the stored snapshot is stale or missing) until a save succeeds again.
   */
  private unsaved = false;
  private readonly motor: Motor;

  constructor(
    private readonly ports: ShellPorts,
    private readonly listener: ShellListener,
  ) {
    this.motor = createMotor({ now: () => ports.clock.now(), vibrator: ports.vibrator, later: ports.later });
  }

  /** The state on screen (null before open or when there is no session). */
  get current(): SessionState | null {
    return this.state;
  }

  /** Who writes the stored session now (for tests and the docs' claims). */
  get writerNow(): Writer {
    return this.writer;
  }

  /**
   * Opens the Session page: resumes the stored session, or starts `start` when there is none. A
   * finished session still waiting for its check-in is saved without ratings first (a new session
   * ends the offer). Returns false when there is nothing to show.
   */
  open(start: Extract<EngineEvent, { type: 'start' }> | null): boolean {
    const { store, service } = this.ports;
    let stored = loadSession(store);
    if (stored.kind === 'active' && stored.state.record !== null && start !== null) {
      saveFinished(store, stored.state.record);
      stored = loadSession(store);
    }
    if (stored.kind === 'active') {
      this.state = stored.state;
    } else if (start !== null) {
      const result = runEvent({ phase: 'idle' }, start, { store, cue: () => undefined, schedule: () => undefined });
      if (result.state.phase !== 'idle') this.state = result.state;
      if (result.error !== undefined) {
        this.unsaved = true;
        this.listener.notice('save-failed');
      }
    }
    const state = this.state;
    if (state === null) return false;
    if (state.record !== null) {
      this.finish(state.record);
      return true;
    }
    // The page is given a service port only where one can run (API 4.0+, docs/watch.md).
    if (service !== null) {
      this.host = 'service';
      // Until the permission answer arrives, presses wait like during a hand-over.
      this.writer = 'starting';
      this.holdScreen();
      service.ensurePermission((granted) => {
        if (this.done) return;
        // A page closed meanwhile cannot play the cues, but the service still can.
        if (granted) this.takeOver();
        else if (!this.closed) this.fallBackToPage();
      });
      return true;
    }
    this.writer = 'page';
    this.catchUp();
    this.holdScreen();
    return true;
  }

  /** Service path: leave a running service as the writer, else catch up here and start it. */
  private takeOver(): void {
    const service = this.ports.service;
    if (service !== null && service.isRunning()) {
      this.writer = 'service';
      if (this.queue.length > 0) this.stopService();
      return;
    }
    this.writer = 'idle';
    const queued = this.queue;
    this.queue = [];
    this.apply(queued);
  }

  /** A control was pressed. */
  press(type: Press): void {
    if (this.done || this.state === null) return;
    const at = this.ports.clock.now();
    const tick = answersWithTick(type);
    const stored = loadSession(this.ports.store);
    // A cue the App Service (or this page) started may still be playing: the answer waits for it.
    if (stored.kind === 'active') this.waitForPlayingCue(stored.state);
    if (this.writer === 'page' || this.writer === 'idle') {
      this.apply([{ type, at, tick }]);
      return;
    }
    // The press is applied once the service has stopped; its cue (Skip's "next area", pain's
    // stop) is felt now, from the stored state as it is, and not played again then.
    if (stored.kind === 'active') {
      const cues = transition(stored.state, { type, now: at }).effects.flatMap((effect) => (effect.type === 'cue' ? [cuePattern(effect.cue, stored.state.settings)] : []));
      this.feel(cues, tick);
    }
    this.queue.push({ type, at, felt: true });
    if (this.writer === 'service') this.stopService();
    // 'stopping' / 'starting': the queue is applied when the hand-over completes.
  }

  /** Tells the motor how long the last cue given in the stored session still plays. */
  private waitForPlayingCue(state: SessionState): void {
    const last = lastCueGiven(state);
    if (last !== null) this.motor.busyUntil(last.at + patternMs(cuePattern(last.cue, state.settings)));
  }

  /** A press's answer: the tick (when it has one), then the cues it caused, as one pattern. */
  private feel(cues: readonly HapticPattern[], tick: boolean): void {
    const all = tick ? [ackTick(), ...cues] : cues;
    const first = all[0];
    if (first === undefined) return;
    this.motor.play(all.slice(1).reduce(thenPlay, first));
  }

  /** The page's render tick: on the service path the service writes, so read what it stored. */
  refresh(): void {
    if (this.done || this.closed) return;
    if (this.writer === 'service' || this.writer === 'starting' || this.writer === 'stopping') {
      const stored = loadSession(this.ports.store);
      if (stored.kind === 'active') this.state = stored.state;
    }
    const state = this.state;
    if (state === null) return;
    if (state.record !== null) {
      this.finish(state.record);
      return;
    }
    // The service went away without finishing (exited when paused, or the system ended it):
    // the page takes over rather than leave the session silent.
    const service = this.ports.service;
    if (this.writer === 'service' && service !== null && !service.isRunning()) {
      this.takeOver();
      return;
    }
    this.listener.changed(state);
  }

  /** The page is going away (navigation, system exit, kill). Never stops the motor. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ports.scheduler.disarm();
    if (this.done) return;
    // The screen goes back to its defaults with the page; the session, still running (in the
    // service, or waiting on the stored state), brings the app back on the next wrist raise.
    this.ports.screen.release();
    this.ports.screen.relaunchOnWake(true);
  }

  private catchUp(): void {
    this.apply([]);
  }

  /** The page is the writer: applies queued presses at their times, then the clock. */
  private apply(presses: readonly QueuedPress[]): void {
    const store = this.ports.store;
    let heard: HapticPattern[] = [];
    const cue = (name: CueName, s: { phase: string }) => {
      if (s.phase !== 'idle') heard.push(cuePattern(name, (s as SessionState).settings));
    };
    const ports = { store, cue, schedule: () => undefined };
    const silent = { store, cue: () => undefined, schedule: () => undefined };
    const events: Array<{ event: EngineEvent; felt: boolean; tick: boolean }> = presses.map((p) => ({ event: { type: p.type, now: p.at }, felt: p.felt === true, tick: p.tick === true }));
    events.push({ event: { type: 'tick', now: this.ports.clock.now() }, felt: false, tick: false });
    for (const { event, felt, tick } of events) {
      heard = [];
      const ran = this.run(event, felt ? silent : ports);
      // Not reached with a session on screen (run() falls back to the page's copy).
      if (ran.kind !== 'ran') continue;
      this.feel(heard, tick);
      if (ran.result.error !== undefined) {
        if (!this.unsaved && !this.closed) this.listener.notice('save-failed');
        this.unsaved = true;
      } else if (this.unsaved && ran.result.state.phase !== 'idle' && ran.result.finished === null) {
        // Storage took writes again: store where the session is now, so a relaunch resumes here.
        this.unsaved = !saveSession(store, ran.result.state).ok;
      }
      if (ran.result.state.phase !== 'idle') this.state = ran.result.state;
      if (ran.result.finished !== null) {
        this.finish(ran.result.finished);
        return;
      }
    }
    this.afterWrite();
  }

  /**
   * Applies one event to the stored session, or to the page's own state when storage refused its
   * last write (the stored snapshot is behind, or was never written) or the stored session is gone
   * while the page still runs one. Only the page writes here (the service is stopped or not used),
   * and the only way a running session leaves storage meanwhile is a damaged snapshot set aside
   * by the load: the page's copy then carries on, rather than leave the session silent.
   */
  private run(event: EngineEvent, ports: RunnerPorts): StoredRun {
    const own = this.state;
    if (own !== null && this.unsaved) return { kind: 'ran', result: runEvent(own, event, ports) };
    const stored = loadSession(ports.store);
    if (stored.kind === 'active') return { kind: 'ran', result: runEvent(stored.state, event, ports) };
    return own !== null ? { kind: 'ran', result: runEvent(own, event, ports) } : stored;
  }

  /** After the page wrote: arm its own wake-up, or hand the cues to the service. */
  private afterWrite(): void {
    const state = this.state;
    if (state === null || this.done) return;
    // The service plays what is stored, and storage holds none of this session's progress: the
    // page keeps the cues (as when the service cannot run).
    if (this.unsaved && this.writer !== 'page') {
      this.host = 'page';
      this.writer = 'page';
    }
    if (!this.closed) this.listener.changed(state);
    this.holdScreen();
    if (this.writer === 'page') {
      this.armPageWake();
      return;
    }
    // Service path: a running session goes (back) to the service; a paused one waits here.
    if (state.phase === 'paused') {
      this.writer = 'idle';
      return;
    }
    this.startService();
  }

  private armPageWake(): void {
    const state = this.state;
    const at = state === null ? null : nextWakeUp(state);
    if (at === null || this.closed) {
      this.ports.scheduler.disarm();
      return;
    }
    this.ports.scheduler.arm(at, () => {
      if (this.done || this.closed || this.writer !== 'page') return;
      this.apply([]);
    });
  }

  private stopService(): void {
    const service = this.ports.service;
    if (service === null) return;
    this.writer = 'stopping';
    // Once asked, a hand-over completes even if the page closes meanwhile: the presses it holds
    // were felt, so they are applied, and the service is started again to play the cues.
    service.stop(() => {
      if (this.done) return;
      this.writer = 'idle';
      const queued = this.queue;
      this.queue = [];
      this.apply(queued);
    });
  }

  private startService(): void {
    const service = this.ports.service;
    if (service === null) return;
    this.writer = 'starting';
    service.start((ok) => {
      if (this.done) return;
      if (!ok) {
        // A closed page cannot take the cues over; the next wrist raise reopens it (relaunch is on).
        if (!this.closed) this.fallBackToPage();
        return;
      }
      this.writer = 'service';
      // Presses made while it started: hand over again to apply them.
      if (this.queue.length > 0) this.stopService();
    });
  }

  /** No background service: the page plays the cues and keeps itself lit (as on API 3.x). */
  private fallBackToPage(): void {
    this.host = 'page';
    this.writer = 'page';
    const queued = this.queue;
    this.queue = [];
    this.apply(queued);
    this.listener.notice('no-background');
  }

  private holdScreen(): void {
    const state = this.state;
    if (state === null || this.done || this.closed) return;
    const { screen, clock } = this.ports;
    if (this.host === 'page' || state.settings.screen === 'keep-on') {
      const view = sessionView(state, clock.now());
      screen.keepLit(keepLitMs(remainingSessionMs(view, state.routine.steps.map((s) => s.seconds))));
    }
    screen.relaunchOnWake(true);
  }

  private finish(record: SessionRecord): void {
    if (this.done) return;
    this.done = true;
    this.queue = [];
    const { screen, scheduler, store } = this.ports;
    scheduler.disarm();
    screen.release();
    screen.relaunchOnWake(false);
    // The check-in reads the finished session from storage: a session whose progress storage did
    // not take goes to the Summary instead, saved now if storage takes it after all.
    const route = this.unsaved ? 'summary' : routeFor(record);
    const saved = route === 'summary' ? saveFinished(store, record).queued : true;
    // A page already gone leaves the finished record stored: the next launch offers the check-in.
    if (!this.closed) this.listener.finished(route, record, saved);
  }
}

export interface ServiceWake {
  /** The next wake-up (UTC ms), or null: nothing more to play, exit. */
  readonly next: number | null;
  /** The service should stay alive this much longer so the cue it just started plays whole. */
  readonly playingMs: number;
}

/** One wake of the App Service: apply the clock to the stored session, play what is due. */
export function serviceWake(ports: Pick<ShellPorts, 'store' | 'clock' | 'vibrator'>): ServiceWake {
  let playingMs = 0;
  const ran = runStored(
    { type: 'tick', now: ports.clock.now() },
    {
      store: ports.store,
      cue: (name, s) => {
        if (s.phase === 'idle') return;
        const pattern = cuePattern(name, s.settings);
        playingMs = Math.max(playingMs, patternMs(pattern));
        ports.vibrator.play(pattern);
      },
      schedule: () => undefined,
    },
  );
  if (ran.kind !== 'ran') return { next: null, playingMs };
  // Paused or finished: no wake-up (nextWakeUp is null), the service exits.
  return { next: nextWakeUp(ran.result.state), playingMs };
}

/** Where a launch goes, decided from the stored session (Home's recovery). */
export type LaunchRoute =
  | { readonly go: 'home'; readonly corrupt: boolean; readonly saveFailed: boolean }
  | { readonly go: 'session' }
  | { readonly go: 'checkin' }
  | { readonly go: 'summary'; readonly saveFailed: boolean };

/** A finished session waits this long for its check-in before it is saved without ratings. */
export const CHECKIN_OFFER_MS = 12 * 60 * 60 * 1000;

/**
 * Recovery at launch. A running session goes to the Session page (the service, when it runs, is
 * the writer and is left alone; otherwise the page catches up). A session that ended while the app
 * was closed is caught up silently (its cues are past) and offered for check-in, once per launch
 * and for CHECKIN_OFFER_MS after it ended; after that, or when declined (back to Home), it is saved
 * without ratings. Screen and wake-up relaunch go back to the defaults when nothing runs.
 */
export function recoverAtLaunch(
  ports: Pick<ShellPorts, 'store' | 'clock' | 'screen' | 'service'>,
  offeredThisLaunch: boolean,
): LaunchRoute {
  const { store, clock, screen, service } = ports;
  const stored = loadSession(store);
  if (stored.kind !== 'active') {
    // Nothing runs (a corrupt snapshot was set aside): a wrist raise no longer needs the app.
    screen.relaunchOnWake(false);
    return { go: 'home', corrupt: stored.kind === 'corrupt', saveFailed: false };
  }
  let state = stored.state;
  let record = state.record;
  if (record === null) {
    if (service !== null && service.isRunning()) return { go: 'session' };
    // Only a session that ended while the app was closed is caught up here (its cues are past);
    // a running one is left as stored, so the Session page plays what is due.
    const caught = transition(state, { type: 'tick', now: clock.now() }).state;
    if (caught.phase === 'idle' || caught.record === null) return { go: 'session' };
    state = caught;
    record = caught.record;
  }
  screen.relaunchOnWake(false);
  if (record.status !== 'pain' && !offeredThisLaunch && clock.now() - record.endedAt < CHECKIN_OFFER_MS) {
    // Persisted finished: the check-in page reads the record from here.
    saveSession(store, state);
    return { go: 'checkin' };
  }
  const saved = saveFinished(store, record);
  if (offeredThisLaunch) return { go: 'home', corrupt: false, saveFailed: !saved.queued };
  return { go: 'summary', saveFailed: !saved.queued };
}
