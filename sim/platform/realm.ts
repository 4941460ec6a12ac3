// Per-realm replacements installed as globals of each simulated JS context: a Date that follows
// the fake clock and a Promise that reports rejections nobody handled (the hosting engine would
// otherwise report them to its own process, or not at all).

type DateCtor = DateConstructor;

/** A Date class for a context whose "now" is `now()`; `base` is that context's own Date. */
export function makeFakeDate(base: DateCtor, now: () => number): DateCtor {
  // A function (not a class) so that calling Date() without new returns a string, as real Date does.
  function FakeDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new base(now()).toString();
    const value = args.length === 0 ? new base(now()) : new (base as unknown as new (...a: unknown[]) => Date)(...args);
    Object.setPrototypeOf(value, new.target.prototype as object);
    return value;
  }
  FakeDate.prototype = base.prototype;
  Object.setPrototypeOf(FakeDate, base);
  Object.defineProperty(FakeDate, 'now', { value: () => now(), writable: true, configurable: true });
  return FakeDate as unknown as DateCtor;
}

export interface RejectionTracker {
  /** The Promise class to install as the context's global `Promise`. */
  readonly Promise: PromiseConstructor;
  /** Reports rejections still unhandled; call after promise jobs have drained. */
  check(): void;
}

/**
 * A Promise subclass that remembers whether anyone attached a handler. Rejections without one are
 * reported by `check()` (called at each clock checkpoint), like an engine's unhandled-rejection hook.
 * Promises made by `async` functions are the engine's own and are not tracked: the host reports those.
 */
export function makeRejectionTracker(base: PromiseConstructor, report: (reason: unknown) => void): RejectionTracker {
  const handled = new WeakSet<object>();
  const pending: Array<{ promise: object; reason: unknown }> = [];
  let internal = false;
  const baseThen = base.prototype.then;

  class TrackedPromise<T> extends base<T> {
    constructor(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void) {
      super(executor);
      if (internal) return;
      internal = true;
      try {
        // Our own handler keeps the host from seeing the rejection; we decide at the checkpoint.
        baseThen.call(this, undefined, (reason: unknown) => {
          if (!handled.has(this)) pending.push({ promise: this, reason });
        });
      } finally {
        internal = false;
      }
    }

    override then<R1 = T, R2 = never>(
      onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
      onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
    ): Promise<R1 | R2> {
      if (!internal) handled.add(this);
      return super.then(onFulfilled, onRejected);
    }
  }

  return {
    Promise: TrackedPromise as unknown as PromiseConstructor,
    check() {
      const due = pending.splice(0, pending.length);
      for (const { promise, reason } of due) {
        if (!handled.has(promise)) report(reason);
      }
    },
  };
}
