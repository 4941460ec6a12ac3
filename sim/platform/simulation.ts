// Assembles watch, phone, link and clock into one simulation. Host-agnostic: the Node loader
// (sim/node) and a browser page supply the ScriptHost, the build files and Buffer.

import { AlarmTable } from './alarms';
import { FakeClock } from './clock';
import type { AppJson, Recorded, WatchState } from './device-modules';
import { DeviceRuntime, type PageEntry } from './device-runtime';
import { DisplayRecorder } from './display';
import { ErrorLog, type SimError } from './errors';
import { formatArgs, type BufferCtor, type BuildFiles, type LogEntry, type ScriptHost } from './host';
import { Translations } from './i18n';
import { FakeLink, type LinkOptions } from './link';
import { NotificationCenter } from './notifications';
import { getProfile, type DeviceProfile } from './profiles';
import { ScreenState, VibratorLog, type VibrationCall } from './sensor';
import { SettingsStore } from './settings-storage';
import { SideRuntime, type LaunchReasons } from './side-runtime';
import { DeviceDisk } from './storage';
import type { SimWidget } from './ui';

/** The system exits a page this long after the screen went off (unless the page keeps it lit). */
export const PAGE_EXIT_AFTER_SCREEN_OFF_MS = 10_000;

export interface SimulationOptions {
  /** Device profile id (see PROFILES). Default 'balance-3.7'. */
  readonly profile?: string;
  /** 'en-US' (default), 'de-DE', 'zh-CN'. */
  readonly language?: string;
  readonly link?: LinkOptions;
  /** Initial watch localStorage content (any values, including corrupt JSON strings). */
  readonly storage?: Readonly<Record<string, unknown>>;
  /** Initial phone settingsStorage content (strings). */
  readonly settings?: Readonly<Record<string, string>>;
  /** Clock start, ms since epoch. */
  readonly startTime?: number;
  /** Runtime permission answer (bg service etc.). Default true. */
  readonly permissionsGranted?: boolean;
  /** Mirror simulated console output to this function (e.g. console.log) as it happens. */
  readonly echo?: (entry: LogEntry) => void;
}

export interface SimulationInputs {
  readonly host: ScriptHost;
  readonly files: BuildFiles;
  readonly Buffer: BufferCtor;
}

export interface WidgetView {
  readonly id: number;
  readonly type: string;
  readonly text: string;
  readonly visible: boolean;
  readonly bounds: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly props: Readonly<Record<string, unknown>>;
  /** Answers a touch: a click_func, a longpress_func or an event listener (what `click` or `hold` accept). */
  readonly clickable: boolean;
}

function isClickable(w: SimWidget): boolean {
  return typeof w.props.click_func === 'function' || w.listeners.size > 0;
}

function answersTouch(w: SimWidget): boolean {
  return isClickable(w) || typeof w.props.longpress_func === 'function';
}

function view(w: SimWidget): WidgetView {
  return { id: w.id, type: w.type, text: w.text, visible: w.visible, bounds: w.bounds, props: { ...w.props }, clickable: answersTouch(w) };
}

export function createSimulationCore(inputs: SimulationInputs, options: SimulationOptions = {}) {
  const profile: DeviceProfile = getProfile(options.profile ?? 'balance-3.7');
  const language = options.language ?? 'en-US';
  const logs: LogEntry[] = [];
  let clockRef: FakeClock | null = null;
  const now = () => clockRef?.now() ?? 0;
  const errors = new ErrorLog(now);
  const clock = new FakeClock({
    flush: () => inputs.host.flush(),
    onCallbackError: (error, timer) => errors.add('callback-error', timer.owner.startsWith('side') ? 'side' : timer.owner.startsWith('service') ? 'service' : 'device', error, `${timer.kind} callback (${timer.owner}) threw: ${String((error as { message?: unknown } | null)?.message ?? error)}`),
    ...(options.startTime === undefined ? {} : { start: options.startTime }),
    // The budget error names the page on screen and the running services, then lands in the error log.
    describe: () => describeRunning(),
    onBudgetExceeded: (error) => errors.add('runtime-error', 'sim', error, error.message),
  });
  let describeRunning = (): string => '';
  clockRef = clock;
  const log = (realm: string, level: string, args: readonly unknown[]) => {
    const entry = { time: clock.now(), realm, level, text: formatArgs(args) };
    logs.push(entry);
    options.echo?.(entry);
  };

  const appJsonText = inputs.files.text('device/app.json');
  if (appJsonText === null) throw new Error(`device/app.json missing for ${profile.group}`);
  const appJson = JSON.parse(appJsonText) as AppJson;
  const translations = loadTranslations(inputs.files, language, appJson.defaultLanguage ?? 'en-US');
  const disk = new DeviceDisk(options.storage ?? {});
  const display = new DisplayRecorder(now);
  const vibrations = new VibratorLog(now, (cut) => {
    const error = errors.add('cut-cue', cut.realm === 'service' ? 'service' : 'device', null, `a ${cut.lengthMs} ms cue started at ${cut.startedAt} was cut by stop() after ${cut.cutAt - cut.startedAt} ms`);
    return () => errors.withdraw(error);
  });
  const screen = new ScreenState();
  const state: WatchState = {
    clock,
    profile,
    designWidth: appJson.designWidth ?? (profile.shape === 'round' ? 480 : 390),
    appJson,
    disk,
    display,
    vibrations,
    screen,
    translations,
    language,
    notifications: new NotificationCenter(now),
    interactions: [],
    router: [],
    alarms: new AlarmTable(clock),
    keyListeners: new Set(),
    gestureListeners: new Set(),
    permissionsGranted: options.permissionsGranted ?? true,
    serviceRequests: [],
    log,
  };
  const invokeAny = (realm: string, what: string, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      errors.add('callback-error', realm === 'side' || realm === 'settings' || realm === 'device' ? realm : 'sim', error, `${what} threw: ${String((error as { message?: unknown } | null)?.message ?? error)}`);
    }
  };
  const link = new FakeLink(clock, options.link ?? {}, (what, fn) => invokeAny(what.endsWith('to watch') ? 'device' : what.endsWith('to phone') ? 'side' : 'sim', what, fn));
  const settings = new SettingsStore(options.settings ?? {}, invokeAny);
  const base = { clock, errors, Buffer: inputs.Buffer, log };
  const device = new DeviceRuntime({ ...base, host: inputs.host, files: inputs.files, link, state });
  state.notifications.dispatch = (file, param) => device.runNotificationAction(file, param);
  const side = new SideRuntime({ ...base, host: inputs.host, files: inputs.files, link, appJson, settings, language });

  describeRunning = () => {
    const page = device.running ? (device.currentPage?.path ?? 'no page') : 'app not running';
    const services = device.runningServices();
    return `watch: ${page}${services.length > 0 ? `; services: ${services.join(', ')}` : ''}`;
  };
  let screenOffExit: number | null = null;
  const widgets = () => device.ui.list().map(view);
  const findAll = (text: string) => widgets().filter((w) => w.visible && w.text.includes(text));

  return {
    profile,
    language,
    clock,
    link,
    errors,
    logs,
    /** Marks errors as expected (e.g. ZML's code-2 rejection on a cut link); returns how many matched. */
    expectErrors: (match: (e: SimError) => boolean) => errors.expect(match),
    unexpectedErrors: () => errors.unexpected(),
    /** Runs pending promise jobs and due timers at the current time. */
    settle: () => clock.advance(0),
    device: {
      runtime: device,
      launch: (page?: string, params?: unknown) => device.launch(page, params),
      kill: () => device.kill(),
      relaunch: (page?: string, params?: unknown) => {
        device.kill();
        device.launch(page, params);
      },
      open: (page: string, params?: unknown) => device.navigate('push', page, params),
      back: () => device.navigate('back'),
      get running() {
        return device.running;
      },
      currentPage: (): PageEntry | null => device.currentPage,
      pageStack: () => device.pageStack,
      widgets,
      texts: () => widgets().filter((w) => w.visible && w.text !== '').map((w) => w.text),
      findByText: findAll,
      hasText: (text: string) => findAll(text).length > 0,
      click: (text: string) => {
        const target = device.ui.list().find((w) => w.visible && w.text.includes(text) && isClickable(w));
        if (target === undefined) throw new Error(`nothing clickable with text "${text}"; on screen: ${JSON.stringify(widgets().filter((w) => w.visible).map((w) => w.text))}`);
        device.ui.click(target);
      },
      /** A finger goes down on the widget showing `text` and stays (see release, moveOut, hold). */
      press: (text: string) => {
        const target = device.ui.list().find((w) => w.visible && w.text.includes(text) && answersTouch(w));
        if (target === undefined) throw new Error(`nothing to press with text "${text}"; on screen: ${JSON.stringify(widgets().filter((w) => w.visible).map((w) => w.text))}`);
        device.ui.press(target);
      },
      release: () => device.ui.release(),
      moveOut: () => device.ui.moveOut(),
      /** Presses `text`, keeps the finger there for `ms` fake ms, lifts it. */
      hold: async (text: string, ms: number) => {
        const target = device.ui.list().find((w) => w.visible && w.text.includes(text) && answersTouch(w));
        if (target === undefined) throw new Error(`nothing to hold with text "${text}"; on screen: ${JSON.stringify(widgets().filter((w) => w.visible).map((w) => w.text))}`);
        device.ui.press(target);
        await clock.advance(ms);
        device.ui.release();
      },
      clickWidget: (id: number) => {
        const target = device.ui.list().find((w) => w.id === id);
        if (target === undefined) throw new Error(`no widget ${id}`);
        device.ui.click(target);
      },
      /** Visible widgets whose bounds leave the screen rectangle. */
      offScreen: () =>
        // Below the bottom edge is fine: a page taller than the screen scrolls (the system default).
        widgets().filter((w) => w.visible && (w.bounds.x < 0 || w.bounds.y < 0 || w.bounds.x + w.bounds.w > profile.width)),
      toasts: () => device.ui.recorder.toasts.slice(),
      vibrations: (): VibrationCall[] => vibrations.calls.slice(),
      buzzes: (): VibrationCall[] => vibrations.starts(),
      display,
      screen: {
        get status() {
          return screen.status;
        },
        /**
         * The wrist drops / the bright time runs out ('off', 'aod') or the wrist is raised ('on').
         * A page that keeps itself lit (setPageBrightTime + pauseDropWristScreenOff) keeps the screen
         * on: returns false. Off for PAGE_EXIT_AFTER_SCREEN_OFF_MS exits the app; 'on' with
         * setWakeUpRelaunch(true) in force launches it again.
         */
        set: (status: 'on' | 'off' | 'aod'): boolean => {
          if (status !== 'on' && display.state.pageBrightTime !== null && display.dropWristPaused()) return false;
          if (screenOffExit !== null) clock.cancel(screenOffExit);
          screenOffExit = null;
          screen.set(status, (what, fn) => device.invoke('device', what, fn));
          if (status === 'on') {
            if (!device.running && display.state.wakeUpRelaunch) device.launch();
            return true;
          }
          screenOffExit = clock.schedule('timeout', 'system', PAGE_EXIT_AFTER_SCREEN_OFF_MS, () => {
            screenOffExit = null;
            if (device.running) device.kill();
          });
          return true;
        },
      },
      storage: () => disk.snapshot(),
      disk,
      /** Notifications still in the notification centre. */
      notifications: () => state.notifications.list(),
      /** Every notification delivered so far, and the refused notify() calls' reasons. */
      notificationCenter: state.notifications,
      /** The person taps an action of the newest notification (or of `id`). */
      tapNotification: (actionText: string, id?: number) => state.notifications.tap(actionText, id),
      interactions: (): Recorded[] => state.interactions.slice(),
      router: (): Recorded[] => state.router.slice(),
      /** This app's alarms (id, url, param, next fire `at`, repeat, week-day mask, store). */
      alarms: () => state.alarms.list(),
      /** Every alarm fire and refused set(). */
      alarmTable: state.alarms,
      /** A watch reboot: the app and services end, alarms without store: true are gone. */
      reboot: () => {
        device.kill();
        for (const file of device.runningServices()) device.stopService(file);
        state.alarms.reboot();
      },
      services: () => device.runningServices(),
      /** Every start/stop the app asked for, with the ERROR_CODE it got (0 = accepted). */
      serviceRequests: () => state.serviceRequests.slice(),
      startService: (file: string, param?: unknown) => device.startService({ file, param }),
      stopService: (file?: string) => device.stopService(file),
      gesture: (g: number) => device.gesture(g),
      key: (k: number, action?: number) => device.key(k, action),
      setPermissions: (granted: boolean) => {
        state.permissionsGranted = granted;
      },
    },
    side: {
      runtime: side,
      start: (reasons?: LaunchReasons, launchArgs?: unknown) => side.start(reasons, launchArgs),
      stop: () => side.stop(),
      restart: (reasons?: LaunchReasons) => side.start(reasons),
      reload: (reasons?: LaunchReasons) => side.reload(reasons),
      get running() {
        return side.running;
      },
      settingsStorage: settings.api('test') as {
        getItem(key: string): string | null;
        setItem(key: string, value: string): void;
        removeItem(key: string): void;
        clear(): void;
        toObject(): Record<string, string>;
      },
      settings,
      openSettings: () => side.openSettings(),
      closeSettings: () => side.closeSettings(),
      settingsTree: () => side.settingsTree(),
      settingsText: () => side.settingsText(),
      findSettings: (text: string, type?: string) => side.findSettings(text, type),
      clickSettings: (label: string) => side.clickSettings(label),
      changeSettings: (label: string, value: unknown) => side.changeSettings(label, value),
    },
  };
}

export type Simulation = ReturnType<typeof createSimulationCore>;

function loadTranslations(files: BuildFiles, language: string, fallback: string): Translations {
  const tid = files.bytes('device/assets/raw/locale/TID.btxt');
  const lang = files.bytes(`device/assets/raw/locale/${language}.btxt`) ?? files.bytes(`device/assets/raw/locale/${fallback}.btxt`);
  if (tid === null || lang === null) return new Translations([], []);
  return Translations.fromBtxt(tid, lang);
}
