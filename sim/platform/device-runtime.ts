// The watch: app lifecycle, page stack, app services, BLE end of the link, alarms.

import type { FakeClock } from './clock';
import { buildModules, type AppJson, type RealmHooks, type ServiceStartOption, type WatchState } from './device-modules';
import type { ErrorLog } from './errors';
import { EventBus } from './event-bus';
import type { BuildFiles, Realm, ScriptHost } from './host';
import type { FakeLink } from './link';
import { installBase, type RealmBase } from './realm-setup';
import { wakeService, type ServiceWaker } from './single-execution';
import { pageTimerGlobals } from './timers';
import { WidgetTree } from './ui';

type Options = Record<string, unknown> & {
  onCreate?: (...a: unknown[]) => void;
  onDestroy?: (...a: unknown[]) => void;
  onInit?: (...a: unknown[]) => void;
  build?: (...a: unknown[]) => void;
  onEvent?: (...a: unknown[]) => void;
};

export interface PageEntry {
  readonly path: string;
  readonly params: unknown;
}

interface RunningService {
  readonly file: string;
  readonly realm: Realm;
  readonly owner: string;
  readonly options: Options | null;
  readonly checkRejections: () => void;
}

export interface DeviceDeps extends RealmBase {
  readonly host: ScriptHost;
  readonly files: BuildFiles;
  readonly link: FakeLink;
  readonly state: WatchState;
  readonly errors: ErrorLog;
  readonly clock: FakeClock;
}

let launchCounter = 0;

/**
 * How long a service start or stop takes before complete_func hears of it. The docs say only
 * "asynchronously"; 100 ms is the simulator's assumption, long enough that code which does not
 * wait for complete_func meets the documented "service status" error.
 */
export const SERVICE_SWITCH_MS = 100;

export class DeviceRuntime {
  readonly ui: WidgetTree;
  private app: { realm: Realm; owner: string; options: Options | null; stack: PageEntry[]; page: Options | null; bus: EventBus; checkRejections: () => void; detachBle: () => void } | null = null;
  private readonly services = new Map<string, RunningService>();
  /** Services with a start or stop under way (requestStart / requestStop). */
  private readonly pending = new Map<string, 'starting' | 'stopping'>();
  /** Count of app launches so far (a relaunch adds one). */
  launches = 0;

  constructor(private readonly deps: DeviceDeps) {
    this.ui = new WidgetTree(
      () => deps.clock.now(),
      (what, fn) => this.invoke('device', what, fn),
      (ms, fn) => deps.clock.schedule('input', this.app?.owner ?? 'system', ms, fn),
      (id) => deps.clock.cancel(id),
    );
    deps.clock.checkpoints.push(() => {
      this.app?.checkRejections();
      for (const s of this.services.values()) s.checkRejections();
    });
  }

  get appJson(): AppJson {
    return this.deps.state.appJson;
  }

  get running(): boolean {
    return this.app !== null;
  }

  /** Path of the page on screen, or null. */
  get currentPage(): PageEntry | null {
    const stack = this.app?.stack;
    return stack === undefined ? null : (stack[stack.length - 1] ?? null);
  }

  get pageStack(): readonly PageEntry[] {
    return this.app?.stack.slice() ?? [];
  }

  runningServices(): string[] {
    return [...this.services.keys()];
  }

  /** Starts the app (killing a running one first) and opens `page` (default: the first in app.json). */
  launch(page?: string, params?: unknown): void {
    if (this.app !== null) this.kill();
    this.launches += 1;
    const owner = `app#${++launchCounter}`;
    const realm = this.deps.host.createRealm('device');
    const bus = new EventBus();
    const ble = this.bleModule();
    const checkRejections = installBase(this.deps, realm, 'device');
    this.app = { realm, owner, options: null, stack: [], page: null, bus, checkRejections, detachBle: ble.detach };
    let appOptions: Options | null = null;
    this.installWatchGlobals(realm, owner, 'device', ble.module, bus, (o) => {
      appOptions = o;
    });
    this.runFile(realm, 'device/app.js', 'device');
    this.app.options = appOptions;
    if (appOptions === null) {
      this.deps.errors.add('runtime-error', 'device', null, 'app.js did not call App()');
      return;
    }
    const opts: Options = appOptions;
    this.invoke('device', 'App.onCreate', () => opts.onCreate?.call(opts));
    const entry = page ?? this.appJson.module.page?.pages?.[0];
    if (entry === undefined) throw new Error('app.json lists no pages');
    this.showPage(entry, params, 'push');
  }

  /** Kills the app like the system does: page and app onDestroy, timers gone, memory lost. */
  kill(): void {
    const app = this.app;
    if (app === null) return;
    this.destroyPage();
    const opts = app.options;
    if (opts !== null) this.invoke('device', 'App.onDestroy', () => opts.onDestroy?.call(opts));
    app.detachBle();
    this.deps.clock.cancelOwner(app.owner);
    app.checkRejections();
    app.realm.dispose?.();
    // Key and gesture listeners belong to the app: gone with it.
    this.deps.state.keyListeners.clear();
    this.deps.state.gestureListeners.clear();
    this.app = null;
  }

  /** Navigates like @zos/router (the tests' way in: `open` = push). Only the top page is alive. */
  navigate(kind: 'push' | 'replace' | 'back' | 'exit' | 'home', url?: string, params?: unknown): void {
    const app = this.app;
    if (app === null) throw new Error('the app is not running');
    if (kind === 'exit' || kind === 'home') {
      this.kill();
      return;
    }
    if (kind === 'back') {
      this.destroyPage();
      app.stack.pop();
      const previous = app.stack.pop();
      if (previous === undefined) {
        this.kill();
        return;
      }
      this.showPage(previous.path, previous.params, 'push');
      return;
    }
    if (url === undefined) throw new Error(`router.${kind} needs a url`);
    // Either way the page on screen goes (onDestroy, its widgets cleared); push keeps its stack
    // entry so back() can build it again, replace drops it.
    this.destroyPage();
    if (kind === 'replace') app.stack.pop();
    this.showPage(url, params, 'push');
  }

  /**
   * The system starting a service at once (tests, alarms): no permission check, no latency.
   * Apps go through `requestStart` (@zos/app-service start), which is asynchronous and strict.
   */
  startService(option: ServiceStartOption): boolean {
    const file = normalizePath(option.file ?? option.url ?? '');
    if (this.services.has(file) || this.pending.has(file)) return false;
    this.runService(file, option.param);
    return this.services.has(file);
  }

  /** The system stopping a service at once (tests; the watch killing it): onDestroy, timers gone. */
  stopService(file?: string): boolean {
    const target = file === undefined ? [...this.services.keys()][0] : normalizePath(file);
    const svc = target === undefined ? undefined : this.services.get(target);
    if (svc === undefined) return false;
    const opts = svc.options;
    if (opts !== null) this.invoke('service', 'AppService.onDestroy', () => opts.onDestroy?.call(opts));
    this.deps.clock.cancelOwner(svc.owner);
    svc.checkRejections();
    svc.realm.dispose?.();
    this.services.delete(svc.file);
    return true;
  }

  /**
   * @zos/app-service start(): returns an ERROR_CODE at once (0 = accepted) and reports completion
   * through complete_func({file, result}) SERVICE_SWITCH_MS later, when the service's onInit has
   * run. Documented codes used: 1 parameter error (file not in app.json, no complete_func),
   * 2 service status error (it runs, or a start/stop of it is still under way), 3 no permission,
   * 7 service limit (only one continuous service runs system-wide).
   */
  requestStart(option: ServiceStartOption, caller: string): number {
    const file = normalizePath(option.file ?? option.url ?? '');
    const complete = option.complete_func;
    const declared = (this.appJson.module['app-service']?.services ?? []).map(normalizePath);
    const answer = (code: number): number => {
      this.deps.state.serviceRequests.push({ time: this.deps.clock.now(), what: 'start', file, code });
      if (code !== 0 && complete !== undefined) this.callBack(caller, 'start complete_func', () => complete({ file, result: false }));
      return code;
    };
    if (typeof complete !== 'function' || !declared.includes(file)) return answer(1);
    if (!this.deps.state.permissionsGranted) return answer(3);
    if (this.services.has(file) || this.pending.has(file)) return answer(2);
    if (this.services.size > 0 || this.pending.size > 0) return answer(7);
    this.pending.set(file, 'starting');
    this.deps.clock.schedule('timeout', 'system', SERVICE_SWITCH_MS, () => {
      this.pending.delete(file);
      this.runService(file, option.param);
      const ok = this.services.has(file);
      this.callBack(caller, 'start complete_func', () => complete({ file, result: ok }));
    });
    return answer(0);
  }

  /** @zos/app-service stop(): 0 when a running service will stop (then complete_func), else 2. */
  requestStop(option: { file?: string; complete_func?: (r: unknown) => void }, caller: string): number {
    const file = normalizePath(option.file ?? '');
    const complete = option.complete_func;
    const answer = (code: number): number => {
      this.deps.state.serviceRequests.push({ time: this.deps.clock.now(), what: 'stop', file, code });
      if (code !== 0 && complete !== undefined) this.callBack(caller, 'stop complete_func', () => complete({ file, result: false }));
      return code;
    };
    if (typeof complete !== 'function' || file === '') return answer(1);
    if (!this.services.has(file) || this.pending.has(file)) return answer(2);
    this.pending.set(file, 'stopping');
    this.deps.clock.schedule('timeout', 'system', SERVICE_SWITCH_MS, () => {
      this.pending.delete(file);
      const ok = this.stopService(file);
      this.callBack(caller, 'stop complete_func', () => complete({ file, result: ok }));
    });
    return answer(0);
  }

  /** Calls back into the realm that asked, if it still exists (a killed app hears nothing). */
  private callBack(caller: string, what: string, fn: () => void): void {
    this.deps.clock.schedule('timeout', 'system', 0, () => {
      const alive = this.app?.owner === caller || [...this.services.values()].some((s) => s.owner === caller);
      if (!alive) return;
      this.invoke(caller.startsWith('service') ? 'service' : 'device', what, fn);
    });
  }

  /** Fires a gesture / key to the listeners registered with @zos/interaction. */
  /**
   * A swipe: listeners first (one returning true consumes it); otherwise the system default, and a
   * swipe right (GESTURE_RIGHT = 4) goes back, as on the watch.
   */
  gesture(gesture: number): void {
    let consumed = false;
    for (const listener of [...this.deps.state.gestureListeners]) {
      this.invoke('device', 'onGesture callback', () => {
        if (listener(gesture) === true) consumed = true;
      });
    }
    if (!consumed && gesture === 4 && this.app !== null) this.navigate('back');
  }

  /**
   * A physical key. `action` is a KEY_EVENT_* value; a click (1, the default) is delivered as the
   * docs describe it: PRESS (4), RELEASE (5), then CLICK (1), each to the one onKey listener. A key
   * the watch does not have throws: four-key watches have SELECT, BACK, UP and DOWN; every watch can
   * go back (KEY_BACK, 1). An unconsumed click of KEY_BACK goes back.
   */
  key(key: number, action = 1): void {
    const keys = this.deps.state.profile.keys;
    const fourKey = [1, 2, 4, 5];
    if (key !== 1 && (keys < 4 || fourKey.indexOf(key) < 0)) {
      throw new Error(`${this.deps.state.profile.name} has ${String(keys)} physical key(s): no key ${String(key)} to press (four-key watches have SELECT, BACK, UP, DOWN)`);
    }
    const events = action === 1 ? [4, 5, 1] : [action];
    let consumed = false;
    for (const event of events) {
      for (const listener of [...this.deps.state.keyListeners]) {
        this.invoke('device', 'onKey callback', () => {
          if (listener(key, event) === true && event === 1) consumed = true;
        });
      }
    }
    if (!consumed && key === 1 && action === 1 && this.app !== null) this.navigate('back');
  }

  invoke(realm: 'device' | 'service', what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.deps.errors.add('callback-error', realm, error, `${what} threw: ${describe(error)}`);
    }
  }

  private runService(file: string, param: unknown): void {
    const realm = this.deps.host.createRealm('service');
    const owner = `service#${++launchCounter}:${file}`;
    const checkRejections = installBase(this.deps, realm, 'service');
    const bus = new EventBus();
    const ble = this.bleModule();
    ble.detach();
    this.installWatchGlobals(realm, owner, 'service', ble.module, bus, () => undefined);
    realm.global.__$$module$$__ = { id: file, module: undefined };
    this.runFile(realm, `device/${file}.js`, 'service');
    const options = ((realm.global.__$$module$$__ as { module?: unknown }).module ?? null) as Options | null;
    this.services.set(file, { file, realm, owner, options, checkRejections });
    if (options === null) {
      this.deps.errors.add('runtime-error', 'service', null, `${file}.js did not call AppService()`);
      return;
    }
    this.invoke('service', 'AppService.onInit', () => options.onInit?.call(options, param));
  }

  private showPage(path: string, params: unknown, _mode: 'push'): void {
    const app = this.app;
    if (app === null) return;
    const file = `device/${normalizePath(path)}.js`;
    const moduleRef: { id: string; module: unknown } = { id: normalizePath(path), module: undefined };
    app.realm.global.__$$module$$__ = moduleRef;
    // Each page its own globals object: what one page leaves there, the next does not see.
    (app.realm.global.__$$hmAppManager$$__ as { currentApp: { current: unknown } }).currentApp.current = { __globals__: { __$$G$$__: Object.create(null) as object } };
    app.stack.push({ path: normalizePath(path), params });
    if (!this.runFile(app.realm, file, 'device')) return;
    const page = (moduleRef.module ?? null) as Options | null;
    app.page = page;
    if (page === null) {
      this.deps.errors.add('runtime-error', 'device', null, `${file} did not produce a Page()`);
      return;
    }
    this.invoke('device', `${path} onInit`, () => page.onInit?.call(page, params));
    this.invoke('device', `${path} build`, () => page.build?.call(page, params));
  }

  private destroyPage(): void {
    const app = this.app;
    if (app === null) return;
    const page = app.page;
    if (page !== null) this.invoke('device', 'Page.onDestroy', () => page.onDestroy?.call(page));
    app.page = null;
    this.ui.clear();
    this.deps.state.display.pageDestroyed();
  }

  private runFile(realm: Realm, path: string, where: 'device' | 'service'): boolean {
    const code = this.deps.files.text(path);
    if (code === null) {
      this.deps.errors.add('runtime-error', where, null, `missing built file ${path}`);
      return false;
    }
    try {
      realm.run(code, path);
    } catch (error) {
      this.deps.errors.add('mini-program-error', where, error, `${path} threw outside its wrapper: ${describe(error)}`);
      return false;
    }
    return true;
  }

  private installWatchGlobals(
    realm: Realm,
    owner: string,
    kind: 'device' | 'service',
    ble: Record<string, unknown>,
    bus: EventBus,
    onApp: (options: Options) => void,
  ): void {
    const g = realm.global;
    const hooks: RealmHooks = {
      realm: kind,
      owner,
      invoke: (what, fn) => this.invoke(kind, what, fn),
      navigate: (k, url, params) => {
        this.deps.state.router.push({ time: this.deps.clock.now(), what: k, args: url === undefined ? [] : [url, params] });
        // The watch navigates after the current callback returns.
        this.deps.clock.schedule('timeout', owner, 0, () => {
          if (kind === 'service') {
            if (k === 'exit') this.stopService(this.serviceFileOf(owner));
            return;
          }
          if (this.app?.owner === owner) this.navigate(k, url, params);
        });
      },
      startService: (o) => this.requestStart(o, owner),
      stopService: (o) => this.requestStop(o, owner),
      runningServices: () => this.runningServices(),
      exitService: () => {
        const file = this.serviceFileOf(owner);
        if (file !== undefined) this.deps.clock.schedule('timeout', owner, 0, () => this.stopService(file));
      },
      fireAlarm: (url, param) => this.fireAlarm(url, param),
      ble,
      ui: kind === 'device' ? this.ui : null,
      messageBus: bus,
    };
    const modules = buildModules(this.deps.state, hooks);
    const G: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    // The app instance exists once app.js has called App(): before that getApp() has nothing to
    // give (docs/simulator.md "App and pages").
    let appInstance: Record<string, unknown> | undefined;
    Object.assign(g, {
      __$$R$$__: (name: string) => {
        if (!modules.has(name)) {
          const error = new Error(`module "${name}" is not available here (${kind})`);
          this.deps.errors.add('runtime-error', kind, error);
          throw error;
        }
        return modules.get(name);
      },
      DeviceRuntimeCore: { LifeCycle: {}, HmLogger: (modules.get('@zos/utils') as { log: unknown }).log },
      // app.js and each page get their own globals object (a page is given a fresh one in showPage).
      __$$hmAppManager$$__: { currentApp: { __globals__: { __$$G$$__: G }, current: { __globals__: { __$$G$$__: Object.create(null) as object } } } },
      __$$app$$__: { __globals__: { __scopedGlobals__: {} } },
      __$$module$$__: { id: '', module: undefined },
      module: { exports: {} },
    });
    if (kind === 'service') {
      // An App Service runs without the app (nothing documents that it sees app.js or getApp()).
      Object.assign(g, { AppService: (options: Options) => options });
      return;
    }
    Object.assign(g, {
      getApp: () => appInstance,
      App: (options: Options) => {
        if (appInstance !== undefined) throw new Error('App() can only be called once, in app.js');
        appInstance = { _options: options, globalData: options.globalData };
        onApp(options);
        return options;
      },
      Page: (options: Options) => options,
    });
    Object.assign(g, pageTimerGlobals(this.deps.clock, owner));
  }

  private serviceFileOf(owner: string): string | undefined {
    for (const s of this.services.values()) if (s.owner === owner) return s.file;
    return undefined;
  }

  private fireAlarm(url: string, param: unknown): void {
    const path = normalizePath(url);
    if (this.isService(path)) {
      wakeService(this.serviceWaker(), path, 'alarm', param);
      return;
    }
    this.launch(path, param);
  }

  /** A tapped notification action: a service runs once with `param` in onEvent; a page opens the app. */
  runNotificationAction(file: string, param: unknown): void {
    const path = normalizePath(file);
    if (this.isService(path)) wakeService(this.serviceWaker(), path, 'action', param);
    else this.launch(path, param);
  }

  private isService(path: string): boolean {
    return (this.appJson.module['app-service']?.services ?? []).map(normalizePath).includes(path);
  }

  private serviceWaker(): ServiceWaker {
    return {
      clock: this.deps.clock,
      running: (file) => {
        const svc = this.services.get(file);
        return svc === undefined ? null : { owner: svc.owner, onEvent: (p) => this.invoke('service', 'AppService.onEvent', () => svc.options?.onEvent?.call(svc.options, p)) };
      },
      start: (file, param) => {
        this.runService(file, param);
        return this.services.get(file)?.owner ?? null;
      },
      stop: (file) => this.stopService(file),
    };
  }

  /** @zos/ble for one realm, wired to the watch end of the link. */
  private bleModule(): { module: Record<string, unknown>; detach: () => void } {
    const link = this.deps.link;
    const statusListeners: Array<(connected: boolean) => void> = [];
    let receiver: ((index: number, data: ArrayBuffer, size: number) => void) | null = null;
    const offStatus = link.onStatus((connected) => {
      for (const l of [...statusListeners]) l(connected);
    });
    const attach = () =>
      link.attach('watch', (bytes) => {
        const r = receiver;
        if (r === null) return;
        const copy = bytes.slice();
        r(0, copy.buffer, copy.byteLength);
      });
    let attached = false;
    const detach = () => {
      offStatus();
      statusListeners.length = 0;
      receiver = null;
      if (attached) link.attach('watch', null);
      attached = false;
    };
    const module = {
      connectStatus: () => link.connected,
      addListener: (cb: (connected: boolean) => void) => {
        statusListeners.push(cb);
      },
      removeListener: () => {
        statusListeners.length = 0;
      },
      createConnect: (cb: (index: number, data: ArrayBuffer, size: number) => void) => {
        receiver = cb;
        attached = true;
        attach();
      },
      disConnect: () => {
        receiver = null;
      },
      send: (buffer: ArrayBuffer, length?: number) => {
        const bytes = new Uint8Array(buffer, 0, length ?? buffer.byteLength);
        return link.send('watch', bytes);
      },
    };
    return { module, detach };
  }
}

export function normalizePath(path: string): string {
  return path.replace(/^\//, '').replace(/\.js$/, '');
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
