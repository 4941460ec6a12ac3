// The browser preview (docs/design.md §7): the BUILT watch and phone bundles (dist/device-js) running on
// the simulated Zepp OS runtime of sim/platform, the same one the integration tests use. This file
// only hosts it: iframes as realms, a requestAnimationFrame loop driving the fake clock, and DOM
// views of the widget tree, the Settings App tree and the vibrator log.
//
// URL parameters (all optional): profile=<id> (see sim/platform/profiles.ts), lang=en-US|de-DE|zh-CN,
// speed=0|1|10|60, start=<ms since epoch>|default (the sim's fixed start; default: now),
// connected=0 (start with the phone link cut), page=<page path from app.json> (open the app there).

import { Buffer } from 'buffer';
import { createSimulationCore, DEFAULT_START, getProfile, PROFILES, type Simulation } from '../../sim/platform/index';
import type { SimWidget } from '../../sim/platform/ui';
import { BuzzPlayer, CUE_LABELS, decode, pulseStrip } from './haptics';
import { fetchBuildFiles, iframeHost } from './host';
import { PhoneView } from './phone-view';
import { WatchScreen } from './watch-view';

const SPEEDS = [0, 1, 10, 60] as const;
const LANGUAGES = ['en-US', 'de-DE', 'zh-CN'] as const;
const DEFAULT_PROFILE = { round: 'balance-3.7', square: 'gts4-3.6' } as const;
const MAX_FRAME_MS = 250;
const MAX_LOG_LINES = 400;
const TOAST_MS = 2000;

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`preview page: #${id} missing`);
  return el;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function clockText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Settings {
  profile: string;
  language: string;
  speed: number;
  connected: boolean;
  /** Page to launch the app on (app.json path); null = the entry page. */
  page: string | null;
}

class Preview {
  sim: Simulation | null = null;
  readonly settings: Settings;
  bootCount = 0;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private lastFrame: number | null = null;
  private carryMs = 0;
  private seenVibrations = 0;
  /** Ids of the notifications drawn last, so the panel is rebuilt only when they change. */
  private shownNotifications = '';
  private seenLogs = 0;
  private seenErrors = 0;
  /** The page entry shown last: a new one opens at its top, as each page does on the watch. */
  private shownPage: unknown = null;
  private readonly host = iframeHost($('realms'));
  private readonly files = new Map<string, ReturnType<typeof fetchBuildFiles>>();
  private readonly player = new BuzzPlayer();
  private readonly watch: WatchScreen;
  private readonly phone: PhoneView;
  private startTime: number;

  constructor() {
    const params = new URLSearchParams(location.search);
    const profile = params.get('profile') ?? DEFAULT_PROFILE.round;
    const speed = Number(params.get('speed') ?? 1);
    const start = params.get('start');
    this.startTime = start === 'default' ? DEFAULT_START : start !== null && Number.isFinite(Number(start)) ? Number(start) : Date.now();
    this.settings = {
      profile: PROFILES.some((p) => p.id === profile) ? profile : DEFAULT_PROFILE.round,
      language: LANGUAGES.includes(params.get('lang') as (typeof LANGUAGES)[number]) ? (params.get('lang') as string) : 'en-US',
      speed: (SPEEDS as readonly number[]).includes(speed) ? speed : 1,
      connected: params.get('connected') !== '0',
      page: params.get('page'),
    };
    this.watch = new WatchScreen({
      onClick: (w) => this.act('tap', (sim) => sim.device.runtime.ui.click(w)),
      onPress: (w, what) =>
        this.act(`press ${what}`, (sim) => {
          const ui = sim.device.runtime.ui;
          if (what === 'down') ui.press(w);
          else if (ui.pressed !== null) {
            // After 'out' the finger is still down until it lifts.
            if (what === 'out') ui.moveOut();
            else ui.release();
          }
        }),
      onListItem: (w, index) => this.act('list item', (sim) => this.callWidget(sim, w, 'item_click_func', [null, index])),
      onSwitch: (w, checked) =>
        this.act('switch', (sim) => {
          w.props.checked = checked;
          this.callWidget(sim, w, 'checked_change_func', [null, checked]);
        }),
      assetUrl: (src) => `/device-js/${getProfile(this.settings.profile).group}/device/assets/${src.replace(/^\//, '')}`,
    });
    this.phone = new PhoneView({
      call: (what, fn) =>
        this.act(what, (sim) => {
          try {
            fn();
          } catch (error) {
            sim.errors.add('callback-error', 'settings', error, `${what} threw: ${errorText(error)}`);
          }
          sim.side.runtime.renderSettings();
        }),
    });
    $('watch-frame').appendChild(this.watch.element);
    $('phone-frame').appendChild(this.phone.element);
    this.controls();
  }

  /** Runs `fn` after everything queued before it (clock steps never overlap), then settles. */
  run(what: string, fn: (sim: Simulation) => void | Promise<void>): Promise<void> {
    this.pending += 1;
    const next = this.queue.then(async () => {
      const sim = this.sim;
      if (sim === null) return;
      try {
        await fn(sim);
      } catch (error) {
        this.log('preview', 'error', `${what}: ${errorText(error)}`);
      }
    });
    this.queue = next.finally(() => {
      this.pending -= 1;
    });
    return this.queue;
  }

  /** A user action: performs it, then lets its promises and due timers run at the current time. */
  act(what: string, fn: (sim: Simulation) => void): Promise<void> {
    return this.run(what, async (sim) => {
      fn(sim);
      await sim.settle();
    });
  }

  async boot(): Promise<void> {
    const previous = this.sim;
    this.sim = null;
    this.bootCount += 1;
    document.body.dataset.ready = '0';
    const profile = getProfile(this.settings.profile);
    $('status').textContent = `loading the build for ${profile.group}…`;
    // A new watch model keeps your data (watch storage, phone storage, time) so you can compare.
    let carry: { storage: Record<string, unknown>; files: Map<string, Uint8Array>; settings: Record<string, string>; time: number } | null = null;
    if (previous !== null) {
      await this.queue;
      carry = {
        storage: previous.device.storage(),
        files: new Map(previous.device.disk.files),
        settings: previous.side.settingsStorage.toObject(),
        time: previous.clock.now(),
      };
      previous.device.kill();
      previous.side.closeSettings();
      previous.side.stop();
      this.hapticSeparator(`switched to ${profile.name}`);
    }
    try {
      let files = this.files.get(profile.group);
      if (files === undefined) {
        files = fetchBuildFiles(profile.group);
        this.files.set(profile.group, files);
      }
      const loaded = await files;
      const sim = createSimulationCore(
        { host: this.host, files: loaded, Buffer },
        {
          profile: profile.id,
          language: this.settings.language,
          startTime: carry?.time ?? this.startTime,
          ...(carry === null ? {} : { storage: carry.storage, settings: carry.settings }),
        },
      );
      if (carry !== null) for (const [path, bytes] of carry.files) sim.device.disk.files.set(path, bytes);
      if (!this.settings.connected) sim.link.cut();
      this.seenVibrations = 0;
      this.seenLogs = 0;
      this.seenErrors = 0;
      this.watch.setSize(profile.shape, profile.width, profile.height);
      this.sim = sim;
      this.lastFrame = null;
      await this.run('start', async (s) => {
        s.side.start();
        const entry = this.settings.page;
        // The page parameter applies to the first start only; later restarts open the entry page.
        this.settings.page = null;
        if (entry !== null && entry !== '') s.device.launch(entry);
        else s.device.launch();
        s.side.openSettings();
        await s.settle();
      });
      $('status').textContent = '';
      $('device-info').textContent = `${profile.name} · API ${profile.apiLevel.toFixed(1)} · ${profile.shape} ${profile.width}×${profile.height}`;
      document.body.dataset.ready = '1';
      document.body.dataset.profile = profile.id;
    } catch (error) {
      $('status').textContent = `could not start: ${errorText(error)}`;
      this.log('preview', 'error', `could not start: ${errorText(error)}`);
    }
  }

  /** The clock loop: real time × speed, one step per animation frame. */
  frame(now: number): void {
    const sim = this.sim;
    if (sim !== null && this.lastFrame !== null && this.settings.speed > 0 && this.pending === 0) {
      const ms = Math.min(now - this.lastFrame, MAX_FRAME_MS) * this.settings.speed + this.carryMs;
      const whole = Math.floor(ms);
      this.carryMs = ms - whole;
      if (whole > 0) void this.run('clock', (s) => s.clock.advance(whole));
    }
    this.lastFrame = now;
    this.render();
    requestAnimationFrame((t) => this.frame(t));
  }

  /** Moves the fake clock forward at once (the "+1 min" control; also used by tests). */
  advance(ms: number): Promise<void> {
    return this.run('skip', (sim) => sim.clock.advance(ms));
  }

  render(): void {
    const sim = this.sim;
    if (sim === null) return;
    const now = sim.clock.now();
    const toasts = sim.device.toasts();
    const toast = toasts.length > 0 && now - (toasts[toasts.length - 1]?.time ?? 0) < TOAST_MS ? (toasts[toasts.length - 1]?.content ?? null) : null;
    this.watch.render(sim.device.runtime.ui.list(), toast);
    const page = sim.device.currentPage();
    if (page !== this.shownPage) {
      // One scrolling element shows every page: without this, a page opened from low on Home
      // would open scrolled as far down as Home was (Before-you-start past its Start).
      this.shownPage = page;
      this.watch.scrollToTop();
    }
    $('page-name').textContent = page === null ? 'Knead is not running' : page.path;
    $('launch').hidden = sim.device.running;
    this.phone.render(sim.side.settingsTree(), sim.side.running ? null : 'The side service is not running.');
    $('clock').textContent = clockText(now);
    $('link-state').textContent = sim.link.connected ? 'connected' : 'disconnected';
    document.body.dataset.connected = sim.link.connected ? '1' : '0';
    this.drainVibrations(sim);
    this.renderNotifications(sim);
    this.drainLogs(sim);
  }

  /** The watch's notification centre (a reminder arriving), with its actions as buttons. */
  private renderNotifications(sim: Simulation): void {
    const shown = sim.device.notifications();
    const key = shown.map((n) => n.id).join(',');
    if (key === this.shownNotifications) return;
    this.shownNotifications = key;
    const panel = $('notifications');
    panel.replaceChildren();
    for (const n of shown) {
      const card = document.createElement('div');
      card.className = 'notification';
      const title = document.createElement('strong');
      title.textContent = n.title;
      const content = document.createElement('p');
      content.textContent = n.content;
      card.append(title, content);
      for (const action of n.actions) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = action.text;
        button.addEventListener('click', () => void this.run('notification', (s) => {
          s.device.tapNotification(action.text, n.id);
          return s.settle();
        }));
        card.append(button);
      }
      panel.append(card);
    }
  }

  private callWidget(sim: Simulation, w: SimWidget, name: string, args: unknown[]): void {
    const fn = w.props[name];
    if (typeof fn !== 'function') return;
    sim.device.runtime.invoke('device', `${name} of ${w.type}`, () => (fn as (...a: unknown[]) => void)(...args));
  }

  private drainVibrations(sim: Simulation): void {
    const calls = sim.device.vibrations();
    if (calls.length === this.seenVibrations) return;
    const list = $('haptic-list');
    for (const call of calls.slice(this.seenVibrations)) {
      const buzz = decode(call);
      if (buzz === null) continue;
      const item = document.createElement('li');
      item.className = 'buzz';
      item.dataset.cue = buzz.cue ?? 'unknown';
      item.dataset.time = String(buzz.time);
      const time = document.createElement('time');
      time.textContent = clockText(buzz.time).slice(11);
      const label = document.createElement('span');
      label.className = 'buzz-label';
      label.textContent = buzz.cue === null ? buzz.source.toLowerCase() : CUE_LABELS[buzz.cue];
      const detail = document.createElement('span');
      detail.className = 'buzz-detail';
      const on = buzz.pulses.filter((p) => p.strength > 0);
      detail.textContent = `${on.length} pulse${on.length === 1 ? '' : 's'}, ${buzz.pulses.reduce((s, p) => s + p.ms, 0)} ms${buzz.intensity === null ? '' : ` · ${buzz.intensity}`} · ${buzz.realm}`;
      item.append(time, label, pulseStrip(buzz.pulses), detail);
      list.prepend(item);
      this.player.play(buzz.pulses);
      const lamp = $('haptic-lamp');
      lamp.classList.remove('on');
      void lamp.offsetWidth;
      lamp.classList.add('on');
    }
    this.seenVibrations = calls.length;
    $('haptic-count').textContent = String(list.querySelectorAll('li.buzz').length);
  }

  private hapticSeparator(text: string): void {
    const item = document.createElement('li');
    item.className = 'separator';
    item.textContent = text;
    $('haptic-list').prepend(item);
  }

  private drainLogs(sim: Simulation): void {
    for (const entry of sim.logs.slice(this.seenLogs)) this.log(entry.realm, entry.level, entry.text, entry.time);
    this.seenLogs = sim.logs.length;
    const errors = sim.errors.all;
    for (const error of errors.slice(this.seenErrors)) this.log(error.realm, 'error', `${error.kind}: ${error.message}`, error.time);
    this.seenErrors = errors.length;
    const badge = $('error-count');
    badge.textContent = String(errors.length);
    badge.classList.toggle('has-errors', errors.length > 0);
  }

  log(realm: string, level: string, text: string, time?: number): void {
    const box = $('log');
    const line = document.createElement('div');
    line.className = `log-line ${level}`;
    line.textContent = `${time === undefined ? '' : `${clockText(time).slice(11)} `}[${realm}] ${text}`;
    box.appendChild(line);
    while (box.childElementCount > MAX_LOG_LINES) box.firstElementChild?.remove();
    box.scrollTop = box.scrollHeight;
  }

  private controls(): void {
    const profileSelect = $('profile') as HTMLSelectElement;
    for (const shape of ['round', 'square'] as const) {
      const group = document.createElement('optgroup');
      group.label = shape === 'round' ? 'Round' : 'Square';
      for (const p of PROFILES.filter((x) => x.shape === shape)) {
        const option = document.createElement('option');
        option.value = p.id;
        option.textContent = `${p.name.replace(/^Amazfit /, '')} · API ${p.apiLevel.toFixed(1)} · ${p.width}×${p.height}`;
        group.appendChild(option);
      }
      profileSelect.appendChild(group);
    }
    const syncShape = () => {
      const shape = getProfile(this.settings.profile).shape;
      profileSelect.value = this.settings.profile;
      $('shape-round').setAttribute('aria-pressed', String(shape === 'round'));
      $('shape-square').setAttribute('aria-pressed', String(shape === 'square'));
    };
    const switchTo = (id: string) => {
      if (id === this.settings.profile) return;
      this.settings.profile = id;
      syncShape();
      void this.boot();
    };
    profileSelect.addEventListener('change', () => switchTo(profileSelect.value));
    $('shape-round').addEventListener('click', () => {
      if (getProfile(this.settings.profile).shape !== 'round') switchTo(DEFAULT_PROFILE.round);
    });
    $('shape-square').addEventListener('click', () => {
      if (getProfile(this.settings.profile).shape !== 'square') switchTo(DEFAULT_PROFILE.square);
    });
    syncShape();

    const lang = $('language') as HTMLSelectElement;
    for (const l of LANGUAGES) lang.add(new Option(l, l, false, l === this.settings.language));
    lang.addEventListener('change', () => {
      this.settings.language = lang.value;
      void this.boot();
    });

    const speeds = $('speed');
    for (const s of SPEEDS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = s === 0 ? 'pause' : `${s}×`;
      button.dataset.speed = String(s);
      button.setAttribute('aria-pressed', String(s === this.settings.speed));
      button.addEventListener('click', () => this.setSpeed(s));
      speeds.appendChild(button);
    }
    $('skip').addEventListener('click', () => void this.advance(60_000));

    const link = $('connected') as HTMLInputElement;
    link.checked = this.settings.connected;
    link.addEventListener('change', () => {
      this.settings.connected = link.checked;
      void this.act(link.checked ? 'reconnect' : 'disconnect', (sim) => (link.checked ? sim.link.heal() : sim.link.cut()));
    });

    const sound = $('sound') as HTMLInputElement;
    sound.addEventListener('change', () => this.player.enableSound(sound.checked));

    const relaunch = () => void this.act('relaunch', (sim) => sim.device.relaunch());
    $('relaunch').addEventListener('click', relaunch);
    $('launch').addEventListener('click', relaunch);
    $('reopen-settings').addEventListener('click', () => void this.act('reopen settings', (sim) => void sim.side.openSettings()));
  }

  setSpeed(speed: number): void {
    this.settings.speed = speed;
    for (const b of $('speed').querySelectorAll('button')) b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === speed));
  }
}

const preview = new Preview();
// For the browser tests and the console: the live simulation and the controls.
(window as unknown as { knead: unknown }).knead = {
  get sim() {
    return preview.sim;
  },
  get bootCount() {
    return preview.bootCount;
  },
  advance: (ms: number) => preview.advance(ms),
  setSpeed: (speed: number) => preview.setSpeed(speed),
  settled: () => preview.run('settle', (sim) => sim.settle()),
  /** Kills the watch app and launches it on `page` (an app.json path; default: the entry page). */
  relaunch: (page?: string, params?: unknown) => preview.act('relaunch', (sim) => sim.device.relaunch(page, params)),
};
void preview.boot().then(() => requestAnimationFrame((t) => preview.frame(t)));
