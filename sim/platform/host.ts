// What the platform needs from whoever hosts it (Node vm, a browser iframe, QuickJS).
// Nothing here names a Node API: the Node loader in sim/node implements these.

/** A JS realm (global object + script evaluation) for one simulated runtime. */
export interface Realm {
  /** The realm's global object; the platform installs its globals here before running code. */
  readonly global: Record<string, unknown>;
  /** Evaluates a classic (sloppy-mode) script; `filename` names it in stack traces. */
  run(code: string, filename: string): unknown;
  /** Frees the realm (optional). */
  dispose?(): void;
}

export interface ScriptHost {
  /** A fresh realm; `kind` is informative ('device', 'service', 'side', 'settings'). */
  createRealm(kind: string): Realm;
  /** Lets pending promise jobs of every realm run (used between timer fires). */
  flush(): Promise<void>;
}

/** Read access to one dist/device-js/<group>/ folder (paths relative to it, e.g. 'device/app.js'). */
export interface BuildFiles {
  text(path: string): string | null;
  bytes(path: string): Uint8Array | null;
}

/** The `Buffer` the built code expects as a global (Node's, or the `buffer` package in browsers). */
export type BufferCtor = unknown;

export interface LogEntry {
  readonly time: number;
  readonly realm: string;
  readonly level: string;
  readonly text: string;
}

export function formatArgs(args: readonly unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (a instanceof Error) return `${a.name}: ${a.message}`;
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');
}
