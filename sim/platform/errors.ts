// Everything that went wrong inside the simulated runtimes, for tests to assert on.
// The built code catches its own load errors and only logs them ('Mini Program Error'), and ZML can
// leave rejected promises nobody handles: both end up here instead of disappearing.

export type SimErrorKind =
  | 'mini-program-error' // a device file threw while loading (the wrapper logged 'Mini Program Error')
  | 'side-load-error' // a phone-side file threw while loading (its wrapper logged the error)
  | 'unhandled-rejection' // a promise was rejected and no handler was attached by the next checkpoint
  | 'callback-error' // a timer, click, lifecycle or message callback threw
  | 'runtime-error' // the simulator refused something (unknown module, missing page…)
  | 'cut-cue'; // a vibration was stopped before its pattern ended (the wrist felt less than the cue)

export type SimRealm = 'device' | 'service' | 'side' | 'settings' | 'sim';

export interface SimError {
  readonly kind: SimErrorKind;
  readonly realm: SimRealm;
  readonly message: string;
  /** `code` of the thrown/rejected value when it has a numeric one (ZML error codes 1-4). */
  readonly code: number | null;
  readonly time: number;
  readonly reason: unknown;
  /** Set by `expect()`: an error the test declared as expected. */
  expected: boolean;
}

export function describeError(reason: unknown): string {
  if (reason instanceof Error || (typeof reason === 'object' && reason !== null && 'message' in reason)) {
    const r = reason as { message?: unknown; stack?: unknown; code?: unknown };
    const code = typeof r.code === 'number' || typeof r.code === 'string' ? ` (code ${String(r.code)})` : '';
    return `${String(r.message)}${code}`;
  }
  try {
    return typeof reason === 'string' ? reason : JSON.stringify(reason);
  } catch {
    return String(reason);
  }
}

function codeOf(reason: unknown): number | null {
  if (typeof reason === 'object' && reason !== null) {
    const code = (reason as { code?: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return null;
}

export class ErrorLog {
  readonly all: SimError[] = [];
  private readonly listeners: Array<(error: SimError) => void> = [];

  constructor(private readonly now: () => number) {}

  add(kind: SimErrorKind, realm: SimRealm, reason: unknown, message?: string): SimError {
    const error: SimError = {
      kind,
      realm,
      message: message ?? describeError(reason),
      code: codeOf(reason),
      time: this.now(),
      reason,
      expected: false,
    };
    this.all.push(error);
    for (const listener of this.listeners) listener(error);
    return error;
  }

  /** Takes back an error reported too early (a cut cue that a newer cue replaced in the same instant). */
  withdraw(error: SimError): void {
    const index = this.all.indexOf(error);
    if (index >= 0) this.all.splice(index, 1);
  }

  onError(listener: (error: SimError) => void): void {
    this.listeners.push(listener);
  }

  /** Marks matching errors as expected; returns how many matched. */
  expect(match: (error: SimError) => boolean): number {
    let count = 0;
    for (const error of this.all) {
      if (!error.expected && match(error)) {
        error.expected = true;
        count += 1;
      }
    }
    return count;
  }

  unexpected(): SimError[] {
    return this.all.filter((e) => !e.expected);
  }

  clear(): void {
    this.all.length = 0;
  }
}
