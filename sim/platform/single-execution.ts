// An App Service woken by an alarm or a notification action runs as a "single execution": the
// system ends it when its code is done, and at the latest after 600 ms. The simulator ends it at
// exactly 600 fake ms (onDestroy, its timers gone), so a wake that needs a timer, a later promise
// or a reply from the phone to finish its work loses it, as it would on the watch.
//
// Where the docs are silent (docs/simulator.md): an alarm's `param` reaches onInit(param); an
// action's `param` reaches onEvent(param) after onInit() without one; a service that is already
// running (continuous, or still inside its single run) gets either wake as onEvent(param).

import type { FakeClock } from './clock';

export const SINGLE_EXECUTION_CAP_MS = 600;

export interface ServiceWaker {
  readonly clock: FakeClock;
  /** The running instance of `file`, if any. */
  running(file: string): { readonly owner: string; onEvent(param: unknown): void } | null;
  /** Starts `file` (onInit(param)); returns the instance's owner id, null when it did not start. */
  start(file: string, param: unknown): string | null;
  stop(file: string): boolean;
}

export function wakeService(waker: ServiceWaker, file: string, how: 'alarm' | 'action', param: unknown): void {
  const running = waker.running(file);
  if (running !== null) {
    running.onEvent(param);
    return;
  }
  const owner = waker.start(file, how === 'alarm' ? param : undefined);
  if (owner === null) return;
  if (how === 'action') waker.running(file)?.onEvent(param);
  waker.clock.schedule('timeout', 'system', SINGLE_EXECUTION_CAP_MS, () => {
    const still = waker.running(file);
    if (still !== null && still.owner === owner) waker.stop(file);
  });
}
