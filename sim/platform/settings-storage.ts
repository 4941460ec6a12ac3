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
  private readonly interleaved: Array<{ realm: string; prefix: string; fn: () => void }> = [];
  writes = 0;

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
   * the next time `realm` reads a key starting with `prefix`, `fn` runs first, once, as another
   * context's work landing between that read and whatever the realm writes from it.
   */
  interleave(realm: string, prefix: string, fn: () => void): void {
    this.interleaved.push({ realm, prefix, fn });
  }

  private beforeRead(realm: string, key: string): void {
    const index = this.interleaved.findIndex((i) => i.realm === realm && key.indexOf(i.prefix) === 0);
    if (index < 0) return;
    const hook = this.interleaved[index];
    this.interleaved.splice(index, 1);
    hook?.fn();
  }

  /** Forgets the listeners of one realm (its runtime went away). */
  dropListeners(realm: string): void {
    for (let i = this.listeners.length - 1; i >= 0; i--) if (this.listeners[i]?.realm === realm) this.listeners.splice(i, 1);
  }

  /** The settingsStorage object handed to code running in `realm` ('side', 'settings', 'test'). */
  api(realm: string): Record<string, unknown> {
    return {
      getItem: (key: string) => {
        this.beforeRead(realm, String(key));
        return this.data.get(String(key)) ?? null;
      },
      setItem: (key: string, value: unknown) => this.set(realm, String(key), value),
      removeItem: (key: string) => this.remove(realm, String(key)),
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
