// The phone: the Zepp app's side-service runtime (ZML side over messaging.peerSocket), the phone
// end of the BLE link (handshake answer, header wrapping), and the Settings App.

import type { AppJson } from './device-modules';
import type { BuildFiles, Realm, ScriptHost } from './host';
import { BLE_HEADER_SIZE, buildFrame, readHeader, type FakeLink } from './link';
import { installBase, type RealmBase } from './realm-setup';
import { componentGlobals, nodeText, renderText, walk, type SettingsNode } from './settings-ui';
import { SettingsStore } from './settings-storage';
import { pageTimerGlobals } from './timers';

type Options = Record<string, unknown> & {
  onInit?: (...a: unknown[]) => void;
  onRun?: (...a: unknown[]) => void;
  onDestroy?: (...a: unknown[]) => void;
  build?: (this: unknown, props: unknown) => unknown;
  state?: Record<string, unknown>;
};

export interface SideDeps extends RealmBase {
  readonly host: ScriptHost;
  readonly files: BuildFiles;
  readonly link: FakeLink;
  readonly appJson: AppJson;
  readonly settings: SettingsStore;
  /** The phone's language (BCP 47, e.g. 'de-DE'), as the Zepp app gives it in userSettings.lang. */
  readonly language?: string;
}

type LangTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The Zepp app's globals behind zpm's virtual `i18n` module: zpm inlines the setting/i18n/*.po
 * files as a table { '<lang>': { msgid: msgstr } } and calls
 * `HmUtils.gettextFactory(table, new HmUtils.Lang(HmUtils.getLanguage(userSettings)), defaultLanguage)`.
 * Lookup mirrors zpm's own gettext factory: the language's table, else the default's, else msgid.
 */
export function sideI18nGlobals(language: string): Record<string, unknown> {
  class Lang {
    constructor(readonly code: string) {}
    toString(): string {
      return this.code;
    }
  }
  const pick = (table: LangTable, code: string): Readonly<Record<string, string>> | undefined => {
    if (Object.prototype.hasOwnProperty.call(table, code)) return table[code];
    const lower = code.toLowerCase();
    const key = Object.keys(table).find((k) => k.toLowerCase() === lower);
    return key === undefined ? undefined : table[key];
  };
  return {
    userSettings: { lang: language },
    HmUtils: {
      Lang,
      getLanguage: (us: { lang?: string } | undefined) => us?.lang ?? 'en-US',
      gettextFactory: (table: LangTable, lang: unknown, fallback: string) => {
        const msgs = pick(table, String(lang)) ?? pick(table, fallback) ?? {};
        return (msgid: string): string => (Object.prototype.hasOwnProperty.call(msgs, msgid) ? (msgs[msgid] as string) : msgid);
      },
      format: (text: string) => text,
    },
  };
}

export interface LaunchReasons {
  readonly settingsChanged?: boolean;
  readonly fileTransfer?: boolean;
}

/** The port the phone answers the handshake with (any non-zero value). */
const SIDE_PORT = 4242;
let counter = 0;

export class SideRuntime {
  private service: { realm: Realm; owner: string; options: Options | null; check: () => void; peerListeners: Array<(data: ArrayBuffer) => void> } | null = null;
  private settingsApp: { realm: Realm; owner: string; options: Options | null; check: () => void; tree: SettingsNode | null } | null = null;
  /** Handshake and close frames the phone saw, for protocol tests. */
  readonly handshakes: number[] = [];
  closes = 0;
  starts = 0;

  constructor(private readonly deps: SideDeps) {
    deps.link.attach('phone', (bytes) => this.fromWatch(bytes));
    deps.clock.checkpoints.push(() => {
      this.service?.check();
      this.settingsApp?.check();
    });
  }

  get running(): boolean {
    return this.service !== null;
  }

  /** Starts the side service (stopping a running one first). */
  start(reasons: LaunchReasons = {}, launchArgs?: unknown): void {
    if (this.service !== null) this.stop();
    this.starts += 1;
    const owner = `side#${++counter}`;
    const realm = this.deps.host.createRealm('side');
    const check = installBase(this.deps, realm, 'side');
    const peerListeners: Array<(data: ArrayBuffer) => void> = [];
    let options: Options | null = null;
    const g = realm.global;
    const logger = (name: string) => {
      const at = (level: string) => (...args: unknown[]) => this.deps.log('side', level, [`[${name}]`, ...args]);
      return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug'), scope: name, name };
    };
    Object.assign(g, pageTimerGlobals(this.deps.clock, owner), {
      messaging: {
        peerSocket: {
          addListener: (event: string, cb: (data: ArrayBuffer) => void) => {
            if (event === 'message') peerListeners.push(cb);
          },
          removeListener: (_event: string, cb?: (data: ArrayBuffer) => void) => {
            if (cb === undefined) peerListeners.length = 0;
            else peerListeners.splice(peerListeners.indexOf(cb) >>> 0, 1);
          },
          send: (data: ArrayBuffer) => this.toWatch(data),
        },
      },
      Logger: { getLogger: logger },
      sideService: {
        appInfo: { app: { appId: this.deps.appJson.app.appId, appName: this.deps.appJson.app.appName } },
        launchReasons: { settingsChanged: reasons.settingsChanged === true, fileTransfer: reasons.fileTransfer === true },
        launchArgs,
      },
      settings: { settingsStorage: this.deps.settings.api('side') },
      transferFile: undefined,
      image: { convert: () => Promise.reject(new Error('image.convert is not simulated')) },
      network: { downloader: { downloadFile: () => Promise.reject(new Error('network is not simulated')) } },
      fetch: () => Promise.reject(new Error('fetch is not simulated')),
      getApp: () => ({ port2: SIDE_PORT }),
      AppSideService: (o: Options) => {
        options = o;
        return o;
      },
    });
    this.service = { realm, owner, options: null, check, peerListeners };
    this.runFile(realm, 'side/app-side.js', 'side');
    this.service.options = options;
    if (options === null) {
      this.deps.errors.add('runtime-error', 'side', null, 'app-side.js did not call AppSideService()');
      return;
    }
    const opts: Options = options;
    this.invoke('side', 'AppSideService.onInit', () => opts.onInit?.call(opts));
    this.invoke('side', 'AppSideService.onRun', () => opts.onRun?.call(opts));
  }

  stop(): void {
    const svc = this.service;
    if (svc === null) return;
    const opts = svc.options;
    if (opts !== null) this.invoke('side', 'AppSideService.onDestroy', () => opts.onDestroy?.call(opts));
    this.deps.clock.cancelOwner(svc.owner);
    this.deps.settings.dropListeners('side');
    svc.check();
    svc.realm.dispose?.();
    this.service = null;
  }

  /** The Zepp app restarts: side service and Settings App go away; settings data stays. */
  reload(reasons: LaunchReasons = {}): void {
    const wasRunning = this.service !== null;
    const settingsOpen = this.settingsApp !== null;
    this.stop();
    this.closeSettings();
    if (wasRunning) this.start(reasons);
    if (settingsOpen) this.openSettings();
  }

  // ---- Settings App ----

  openSettings(): SettingsNode | null {
    this.closeSettings();
    const owner = `settings#${++counter}`;
    const realm = this.deps.host.createRealm('settings');
    const check = installBase(this.deps, realm, 'settings');
    let options: Options | null = null;
    Object.assign(realm.global, pageTimerGlobals(this.deps.clock, owner), componentGlobals(), sideI18nGlobals(this.deps.language ?? 'en-US'), {
      AppSettingsPage: (o: Options) => {
        options = o;
        return o;
      },
    });
    this.settingsApp = { realm, owner, options: null, check, tree: null };
    this.runFile(realm, 'side/setting.js', 'settings');
    this.settingsApp.options = options;
    if (options === null) {
      this.deps.errors.add('runtime-error', 'settings', null, 'setting.js did not call AppSettingsPage()');
      return null;
    }
    const storage = this.deps.settings.api('settings');
    (storage.addListener as (e: string, fn: () => void) => void)('change', () => this.renderSettings());
    return this.renderSettings();
  }

  closeSettings(): void {
    const app = this.settingsApp;
    if (app === null) return;
    this.deps.clock.cancelOwner(app.owner);
    this.deps.settings.dropListeners('settings');
    app.realm.dispose?.();
    this.settingsApp = null;
  }

  /** Re-runs build(props) and returns the tree (null when the Settings App is closed or failed). */
  renderSettings(): SettingsNode | null {
    const app = this.settingsApp;
    const opts = app?.options;
    if (app === null || opts === null || opts === undefined) return null;
    if (opts.state === undefined) opts.state = {};
    const props = { settingsStorage: this.deps.settings.api('settings'), settings: this.deps.settings.toObject() };
    let tree: SettingsNode | null = null;
    this.invoke('settings', 'AppSettingsPage.build', () => {
      tree = (opts.build?.call(opts, props) ?? null) as SettingsNode | null;
    });
    app.tree = tree;
    return tree;
  }

  settingsTree(): SettingsNode | null {
    return this.settingsApp?.tree ?? null;
  }

  settingsText(): string {
    return renderText(this.settingsTree());
  }

  /** Nodes whose visible text contains `text`. */
  findSettings(text: string, type?: string): SettingsNode[] {
    const tree = this.settingsTree();
    const out: SettingsNode[] = [];
    if (tree !== null) walk(tree, (n) => {
      if ((type === undefined || n.type === type) && nodeText(n).includes(text)) out.push(n);
    });
    return out;
  }

  /** Clicks the Button whose label contains `label`, then re-renders. */
  clickSettings(label: string): void {
    const button = this.only(label, 'Button');
    const onClick = button.attrs.onClick;
    if (typeof onClick !== 'function') throw new Error(`Button "${label}" has no onClick`);
    this.invoke('settings', `Button "${label}" onClick`, () => (onClick as () => void)());
    this.renderSettings();
  }

  /** Changes the TextInput / Toggle / Select / Slider labelled `label`, then re-renders. */
  changeSettings(label: string, value: unknown): void {
    const tree = this.settingsTree();
    let target: SettingsNode | null = null;
    if (tree !== null) walk(tree, (n) => {
      if (target === null && ['TextInput', 'Toggle', 'Select', 'Slider'].includes(n.type) && nodeText(n).includes(label)) target = n;
    });
    const node = target as SettingsNode | null;
    if (node === null) throw new Error(`no input labelled "${label}" in:\n${this.settingsText()}`);
    const onChange = node.attrs.onChange;
    if (typeof onChange !== 'function') throw new Error(`${node.type} "${label}" has no onChange`);
    this.invoke('settings', `${node.type} "${label}" onChange`, () => (onChange as (v: unknown) => void)(value));
    this.renderSettings();
  }

  private only(text: string, type: string): SettingsNode {
    const found = this.findSettings(text, type);
    const first = found[0];
    if (first === undefined) throw new Error(`no ${type} "${text}" in:\n${this.settingsText()}`);
    return first;
  }

  // ---- phone end of the link ----

  private fromWatch(bytes: Uint8Array): void {
    if (bytes.byteLength < BLE_HEADER_SIZE) return;
    const header = readHeader(bytes);
    if (header.type === 1) {
      // Handshake: the Zepp app answers with the side service's port (0 when it is not running).
      this.handshakes.push(this.deps.clock.now());
      const port2 = this.service === null ? 0 : SIDE_PORT;
      this.deps.link.send('phone', buildFrame({ ...header, port2 }, bytes.subarray(BLE_HEADER_SIZE)));
      return;
    }
    if (header.type === 2) {
      this.closes += 1;
      return;
    }
    if (header.type === 4 || header.type === 5) {
      const svc = this.service;
      if (svc === null) return;
      const payload = bytes.slice(BLE_HEADER_SIZE);
      for (const listener of [...svc.peerListeners]) this.invoke('side', 'peerSocket message listener', () => listener(payload.buffer));
    }
  }

  private toWatch(data: ArrayBuffer): void {
    const payload = new Uint8Array(data.slice(0));
    const frame = buildFrame({ flag: 1, version: 1, type: 4, port1: 20, port2: SIDE_PORT, appId: this.deps.appJson.app.appId, extra: 0 }, payload);
    this.deps.link.send('phone', frame);
  }

  private runFile(realm: Realm, path: string, where: 'side' | 'settings'): void {
    const code = this.deps.files.text(path);
    if (code === null) {
      this.deps.errors.add('runtime-error', where, null, `missing built file ${path}`);
      return;
    }
    // The phone-side wrapper catches load errors and console.logs them: treat an Error logged
    // while loading as a load failure.
    const errorsBefore = this.deps.errors.all.length;
    const g = realm.global as { console: { log: (...a: unknown[]) => void } };
    const log = g.console.log;
    g.console.log = (...args: unknown[]) => {
      if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null && 'stack' in args[0]) {
        this.deps.errors.add('side-load-error', where, args[0], `${path} failed to load: ${String((args[0] as { message?: unknown }).message)}`);
      }
      log(...args);
    };
    try {
      realm.run(code, path);
    } catch (error) {
      if (this.deps.errors.all.length === errorsBefore) this.deps.errors.add('side-load-error', where, error);
    } finally {
      g.console.log = log;
    }
  }

  private invoke(realm: 'side' | 'settings', what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.deps.errors.add('callback-error', realm, error, `${what} threw: ${String((error as { message?: unknown } | null)?.message ?? error)}`);
    }
  }
}
