// The phone's settingsStorage, shared by the side service and the Settings App.
// Decision: setItem with a non-string value throws a TypeError. The Zepp app stores strings only;
// failing loudly catches a missing JSON.stringify in tests instead of storing "[object Object]".

export interface SettingsChange {
  readonly key: string;
  readonly newValue: string | null;
  readonly oldValue: string | null;
}

type ChangeListener = (change: SettingsChange) => void;

export class SettingsStore {
  readonly data = new Map<string, string>();
  private readonly listeners: Array<{ realm: string; fn: ChangeListener }> = [];
  private readonly interleaved: Array<{ realm: string; prefix: string; fn: () => void; armed: boolean }> = [];
  writes = 0;
  /**
   * Set to make every setItem throw, like a phone whose storage is full. Assumption (the Zepp docs
   * say nothing about a full settingsStorage): the write throws and nothing is stored; removing a
   * key still works.
   */
  failWrites = false;

  constructor(
    seed: Readonly<Record<string, string>> = {},
    private readonly invoke: (realm: string, what: string, fn: () => void) => void = (_r, _w, fn) => fn(),
  ) {
    for (const [key, value] of Object.entries(seed)) this.data.set(key, value);
  }

  toObject(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of this.data) out[key] = value;
    return out;
  }

  /**
   * Models separate contexts (the Zepp app may run the side service and the Settings App apart):
   * once `realm` has read a key starting with `prefix`, `fn` runs (once) before that realm's next
   * storage access, as another context's work landing between the read and what the realm does
   * with it (typically a write computed from what it read).
   */
  interleave(realm: string, prefix: string, fn: () => void): void {
    this.interleaved.push({ realm, prefix, fn, armed: false });
  }

  private access(realm: string, readKey?: string): void {
    for (let i = 0; i < this.interleaved.length; i += 1) {
      const hook = this.interleaved[i];
      if (hook === undefined || hook.realm !== realm || !hook.armed) continue;
      this.interleaved.splice(i, 1);
      hook.fn();
      return;
    }
    if (readKey === undefined) return;
    for (const hook of this.interleaved) if (hook.realm === realm && readKey.indexOf(hook.prefix) === 0) hook.armed = true;
  }

  /** Forgets the listeners of one realm (its runtime went away). */
  dropListeners(realm: string): void {
    for (let i = this.listeners.length - 1; i >= 0; i--) if (this.listeners[i]?.realm === realm) this.listeners.splice(i, 1);
  }

  /** The settingsStorage object handed to code running in `realm` ('side', 'settings', 'test'). */
  api(realm: string): Record<string, unknown> {
    return {
      getItem: (key: string) => {
        this.access(realm);
        const value = this.data.get(String(key)) ?? null;
        this.access(realm, String(key));
        return value;
      },
      setItem: (key: string, value: unknown) => {
        this.access(realm);
        this.set(realm, String(key), value);
      },
      removeItem: (key: string) => {
        this.access(realm);
        this.remove(realm, String(key));
      },
      clear: () => {
        for (const key of [...this.data.keys()]) this.remove(realm, key);
      },
      toObject: () => this.toObject(),
      get length() {
        return 0;
      },
      addListener: (event: string, fn: ChangeListener) => {
        if (event === 'change') this.listeners.push({ realm, fn });
      },
      removeListener: (event: string, fn?: ChangeListener) => {
        if (event !== 'change') return;
        for (let i = this.listeners.length - 1; i >= 0; i--) {
          const l = this.listeners[i];
          if (l !== undefined && l.realm === realm && (fn === undefined || l.fn === fn)) this.listeners.splice(i, 1);
        }
      },
    };
  }

  set(realm: string, key: string, value: unknown): void {
    if (typeof value !== 'string') {
      throw new TypeError(`settingsStorage.setItem("${key}"): value must be a string, got ${value === null ? 'null' : typeof value}`);
    }
    if (this.failWrites) throw new Error(`settingsStorage.setItem("${key}") failed: storage full`);
    const oldValue = this.data.get(key) ?? null;
    this.data.set(key, value);
    this.writes += 1;
    this.emit(realm, { key, newValue: value, oldValue });
  }

  remove(realm: string, key: string): void {
    const oldValue = this.data.get(key) ?? null;
    if (!this.data.delete(key)) return;
    this.emit(realm, { key, newValue: null, oldValue });
  }

  /** Listeners of other realms hear a change (a writer does not hear its own writes). */
  private emit(from: string, change: SettingsChange): void {
    for (const l of [...this.listeners]) {
      if (l.realm === from) continue;
      this.invoke(l.realm, 'settingsStorage change listener', () => l.fn(change));
    }
  }
}
