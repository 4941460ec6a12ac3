// Installs what every simulated realm shares: console capture, fake Date, tracked Promise, Buffer.

import type { FakeClock } from './clock';
import type { ErrorLog, SimRealm } from './errors';
import type { BufferCtor, Realm } from './host';
import { makeFakeDate, makeRejectionTracker } from './realm';

export interface RealmBase {
  readonly clock: FakeClock;
  readonly errors: ErrorLog;
  readonly Buffer: BufferCtor;
  log(realm: string, level: string, args: readonly unknown[]): void;
}

/** Sets up `realm` and returns a function that reports its unhandled rejections. */
export function installBase(base: RealmBase, realm: Realm, name: SimRealm): () => void {
  const g = realm.global;
  const tracker = makeRejectionTracker(g.Promise as PromiseConstructor, (reason) => base.errors.add('unhandled-rejection', name, reason));
  g.Promise = tracker.Promise;
  g.Date = makeFakeDate(g.Date as DateConstructor, () => base.clock.now());
  g.Buffer = base.Buffer;
  g.globalThis = g;
  const capture = (level: string) => (...args: unknown[]) => {
    base.log(name, level, args);
    if (args[0] === 'Mini Program Error') base.errors.add('mini-program-error', name, args[1], `Mini Program Error: ${String((args[1] as { message?: unknown } | undefined)?.message ?? args[1])}`);
  };
  g.console = { log: capture('log'), info: capture('info'), warn: capture('warn'), error: capture('error'), debug: capture('debug') };
  return () => tracker.check();
}
