// Page timers (setTimeout…) and @zos/timer, all on the fake clock, owned by one realm so that
// killing the app (or stopping a service) cancels them.

import type { FakeClock } from './clock';

type Callback = (...args: unknown[]) => void;

export function pageTimerGlobals(clock: FakeClock, owner: string): Record<string, unknown> {
  return {
    setTimeout: (cb: Callback, ms?: number, ...args: unknown[]) => clock.schedule('timeout', owner, ms ?? 0, () => cb(...args)),
    setInterval: (cb: Callback, ms?: number, ...args: unknown[]) =>
      clock.schedule('interval', owner, ms ?? 0, () => cb(...args), Math.max(1, ms ?? 0)),
    clearTimeout: (id: unknown) => {
      if (typeof id === 'number') clock.cancel(id);
    },
    clearInterval: (id: unknown) => {
      if (typeof id === 'number') clock.cancel(id);
    },
  };
}

/** @zos/timer. `createSysTimer` exists only from API 4.0, like on the watch. */
export function timerModule(clock: FakeClock, owner: string, apiLevel: number): Record<string, unknown> {
  const mod: Record<string, unknown> = {
    ...pageTimerGlobals(clock, owner),
    /** createTimer(delay, period, callback, option): first fire after `delay`, then every `period` (0 = once). */
    createTimer: (delay: number, period: number, callback: (option: unknown) => void, option?: unknown) =>
      clock.schedule('zos-timer', owner, delay, () => callback(option), period > 0 ? period : null),
    stopTimer: (id: unknown) => {
      if (typeof id === 'number') clock.cancel(id);
    },
  };
  if (apiLevel >= 4) {
    mod.createSysTimer = (periodic: boolean, ms: number, callback: () => void) =>
      clock.schedule('sys-timer', owner, ms, () => callback(), periodic ? Math.max(1, ms) : null);
  }
  return mod;
}
