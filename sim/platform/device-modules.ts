// The @zos/* module map one watch realm sees through `__$$R$$__`.

import { alarmModule, type AlarmTable } from './alarms';
import type { FakeClock } from './clock';
import type { DisplayRecorder } from './display';
import { EventBus } from './event-bus';
import type { Translations } from './i18n';
import { LANGUAGE_CODES } from './i18n';
import { notificationModule, type NotificationCenter } from './notifications';
import type { DeviceProfile } from './profiles';
import { ScreenState, VIBRATOR_SCENES, VIBRATOR_TYPES, type VibratorLog } from './sensor';
import { fsModule, storageModule, type DeviceDisk } from './storage';
import { timerModule } from './timers';
import type { WidgetTree } from './ui';

type KeyCallback = (key: number, action: number) => boolean | void;

export interface Recorded {
  readonly time: number;
  readonly what: string;
  readonly args: readonly unknown[];
}

/** Shared, long-lived watch state the modules read and write. */
export interface WatchState {
  readonly clock: FakeClock;
  readonly profile: DeviceProfile;
  readonly designWidth: number;
  readonly appJson: AppJson;
  readonly disk: DeviceDisk;
  readonly display: DisplayRecorder;
  readonly vibrations: VibratorLog;
  readonly screen: ScreenState;
  readonly translations: Translations;
  readonly language: string;
  readonly notifications: NotificationCenter;
  readonly interactions: Recorded[];
  readonly router: Recorded[];
  readonly alarms: AlarmTable;
  readonly keyListeners: Set<KeyCallback>;
  readonly gestureListeners: Set<(gesture: number) => boolean | void>;
  permissionsGranted: boolean;
  /** Every @zos/app-service start/stop request with the code it got. */
  readonly serviceRequests: Array<{ readonly time: number; readonly what: 'start' | 'stop'; readonly file: string; readonly code: number }>;
  log(realm: string, level: string, args: readonly unknown[]): void;
}

export interface AppJson {
  readonly app: { readonly appId: number; readonly appName: string; readonly version: { readonly code: number; readonly name: string }; readonly vender?: string };
  readonly designWidth?: number;
  readonly module: {
    readonly page?: { readonly pages?: readonly string[] };
    readonly 'app-service'?: { readonly services?: readonly string[] };
  };
  readonly permissions?: readonly string[];
  readonly defaultLanguage?: string;
}

/** Per-realm hooks the lifecycle code provides. */
export interface RealmHooks {
  readonly realm: 'device' | 'service';
  readonly owner: string;
  invoke(what: string, fn: () => void): void;
  navigate(kind: 'push' | 'replace' | 'back' | 'exit' | 'home', url?: string, params?: unknown): void;
  startService(option: ServiceStartOption): number;
  stopService(option: { file?: string; complete_func?: (r: unknown) => void }): number;
  runningServices(): string[];
  exitService(): void;
  fireAlarm(url: string, param: unknown): void;
  ble: Record<string, unknown>;
  ui: WidgetTree | null;
  messageBus: EventBus;
}

export interface ServiceStartOption {
  readonly file?: string;
  readonly url?: string;
  readonly param?: unknown;
  readonly reload?: boolean;
  readonly complete_func?: (result: { file: string; result: boolean }) => void;
}

function loggerModule(state: WatchState, realm: string): Record<string, unknown> {
  const make = (name: string) => {
    const at = (level: string) => (...args: unknown[]) => state.log(realm, level, [`[${name}]`, ...args]);
    return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
  };
  return { getLogger: make, ...make('app') };
}

export function buildModules(state: WatchState, hooks: RealmHooks): Map<string, unknown> {
  const { clock, profile } = state;
  const now = () => clock.now();
  const modules = new Map<string, unknown>();
  const rec = (list: Recorded[], what: string, args: unknown[]) => list.push({ time: now(), what, args });

  modules.set('@zos/utils', {
    px: (value: number) => (value * profile.width) / state.designWidth,
    log: loggerModule(state, hooks.realm),
    EventBus,
    assets: (dir: string) => (path: string) => `${dir}/${path}`,
  });
  modules.set('@zos/timer', timerModule(clock, hooks.owner, profile.apiLevel));
  modules.set('@zos/ble', hooks.ble);
  modules.set(
    '@zos/ble/TransferFile',
    class TransferFile {
      readonly inbox = new EventBus() as EventBus & { getNextFile?: () => null };
      readonly outbox = {
        enqueueFile: (path: string) => {
          rec(state.interactions, 'transferFile.enqueueFile', [path]);
          return { on: () => undefined };
        },
      };
      constructor() {
        this.inbox.getNextFile = () => null;
      }
    },
  );
  modules.set('@zos/app', {
    getPackageInfo: () => ({
      appId: state.appJson.app.appId,
      name: state.appJson.app.appName,
      version: state.appJson.app.version,
      vender: state.appJson.app.vender ?? '',
      type: 'app',
    }),
    exit: () => hooks.navigate('exit'),
    onMessage: (key: string, cb: (...args: unknown[]) => void) => hooks.messageBus.on(key, cb),
    offMessage: (key: string, cb?: (...args: unknown[]) => void) => hooks.messageBus.off(key, cb),
    postMessage: (key: string, ...args: unknown[]) => hooks.messageBus.emit(key, key, ...args),
    queryPermission: (option: { permissions?: readonly string[] }) => (option.permissions ?? []).map(() => (state.permissionsGranted ? 2 : 0)),
    requestPermission: (option: { permissions?: readonly string[]; callback?: (result: number[]) => void }) => {
      const result = (option.permissions ?? []).map(() => (state.permissionsGranted ? 2 : 0));
      const cb = option.callback;
      if (cb !== undefined) clock.schedule('timeout', hooks.owner, 0, () => cb(result));
      return 0;
    },
    launchApp: (option: unknown) => rec(state.router, 'launchApp', [option]),
  });
  modules.set('@zos/router', {
    push: (option: { url: string; params?: unknown }) => hooks.navigate('push', option.url, option.params),
    replace: (option: { url: string; params?: unknown }) => hooks.navigate('replace', option.url, option.params),
    back: () => hooks.navigate('back'),
    exit: () => hooks.navigate('exit'),
    home: () => hooks.navigate('home'),
    launchApp: (option: unknown) => rec(state.router, 'launchApp', [option]),
    checkSystemApp: () => false,
  });
  modules.set('@zos/app-service', {
    // Both answer at once with an ERROR_CODE (0 = accepted; the docs' tables say so, though the
    // typings say boolean) and report completion later through complete_func({file, result}).
    start: (option: ServiceStartOption): number => hooks.startService(option),
    stop: (option: { file?: string; url?: string; complete_func?: (r: unknown) => void }): number => {
      const file = option.file ?? option.url;
      return hooks.stopService({ ...(file !== undefined ? { file } : {}), ...(option.complete_func ? { complete_func: option.complete_func } : {}) });
    },
    getAllAppServices: () => hooks.runningServices(),
    exit: () => hooks.exitService(),
  });
  modules.set('@zos/alarm', alarmModule(state.alarms, state.appJson.permissions ?? [], (url, param) => hooks.fireAlarm(url, param)));
  modules.set('@zos/device', {
    getDeviceInfo: () => ({
      width: profile.width,
      height: profile.height,
      screenShape: profile.shape === 'round' ? 0 : 1,
      deviceName: profile.name,
      deviceSource: profile.deviceSource,
      deviceColor: 0,
      productId: 0,
      productVer: 0,
      skuId: 0,
      keyNumber: profile.keys,
    }),
    getDiskInfo: () => ({ total: 256 * 2 ** 20, free: 128 * 2 ** 20, app: 16 * 2 ** 20, watchface: 8 * 2 ** 20, music: 0, system: 64 * 2 ** 20 }),
    SCREEN_SHAPE_ROUND: 0,
    SCREEN_SHAPE_SQUARE: 1,
  });
  modules.set('@zos/i18n', {
    getText: (key: string) => state.translations.getText(key),
    getLanguage: () => state.language,
  });
  modules.set('@zos/settings', {
    getLanguage: () => LANGUAGE_CODES[state.language] ?? 2,
    getTimeFormat: () => 1,
    getDateFormat: () => 0,
    getDistanceUnit: () => 0,
    getWeightUnit: () => 0,
    getSystemInfo: () => ({ osVersion: String(profile.apiLevel), firmwareVersion: '0.0.0', minAPI: String(profile.apiLevel) }),
    TIME_FORMAT_24: 1,
    TIME_FORMAT_12: 0,
  });
  const Vibrator = state.vibrations.vibratorClass(hooks.realm);
  modules.set('@zos/sensor', {
    Vibrator,
    Screen: state.screen.sensorClass(),
    Time: class Time {
      getTime(): number {
        return now();
      }
      onPerMinute(): void {}
      offPerMinute(): void {}
    },
    ...VIBRATOR_SCENES,
    VIBRATOR_TYPES: { ...VIBRATOR_TYPES },
  });
  modules.set('@zos/storage', storageModule(state.disk));
  modules.set('@zos/fs', fsModule(state.disk));
  modules.set('@zos/display', state.display.module());
  modules.set('@zos/notification', notificationModule(state.notifications, state.appJson.permissions ?? []));
  modules.set('@zos/interaction', {
    showToast: (option: { content?: unknown }) => {
      hooks.ui?.recorder.toasts.push({ time: now(), content: String(option.content ?? '') });
      rec(state.interactions, 'showToast', [option]);
    },
    createModal: (option: unknown) => {
      rec(state.interactions, 'createModal', [option]);
      return { show: (visible: boolean) => rec(state.interactions, 'modal.show', [visible]) };
    },
    // "Only one event is allowed to be registered": a second onKey replaces the first (docs).
    onKey: (option: KeyCallback | { callback: KeyCallback }) => {
      rec(state.interactions, 'onKey', []);
      state.keyListeners.clear();
      state.keyListeners.add(typeof option === 'function' ? option : option.callback);
    },
    offKey: () => {
      rec(state.interactions, 'offKey', []);
      state.keyListeners.clear();
    },
    onGesture: (option: { callback: (gesture: number) => boolean | void }) => state.gestureListeners.add(option.callback),
    offGesture: () => state.gestureListeners.clear(),
    onWristMotion: () => undefined,
    offWristMotion: () => undefined,
    KEY_BACK: 1,
    KEY_SELECT: 2,
    KEY_HOME: 3,
    KEY_UP: 4,
    KEY_DOWN: 5,
    KEY_SHORTCUT: 6,
    KEY_EVENT_CLICK: 1,
    KEY_EVENT_LONG_PRESS: 2,
    KEY_EVENT_DOUBLE_CLICK: 3,
    KEY_EVENT_PRESS: 4,
    KEY_EVENT_RELEASE: 5,
    GESTURE_UP: 1,
    GESTURE_DOWN: 2,
    GESTURE_LEFT: 3,
    GESTURE_RIGHT: 4,
  });
  modules.set('@zos/page', {
    setScrollMode: () => undefined,
    setScrollLock: () => undefined,
    scrollTo: () => undefined,
    getScrollTop: () => 0,
    swipeToIndex: () => undefined,
  });
  if (hooks.ui !== null) modules.set('@zos/ui', hooks.ui.module());
  return modules;
}
