// Fake clock: one time line shared by the watch, the phone and the link.
// Timers are data (due time, owner, period); `advance`/`runUntil` fire them in due order and let the
// host drain promise jobs between fires, so a ZML round trip completes inside one `advance`.

/** 'input': the system's own touch handling (a BUTTON's long press), never late like app timers. */
export type TimerKind = 'timeout' | 'interval' | 'zos-timer' | 'sys-timer' | 'alarm' | 'link' | 'input';

export interface TimerInfo {
  readonly id: number;
  readonly kind: TimerKind;
  /** Who owns the timer (an app launch, a service, the link); `cancelOwner` clears them all. */
  readonly owner: string;
  /** When the timer was asked to fire, before lateness. */
  readonly scheduledAt: number;
}

/** Extra delay (ms, ≥ 0) added to one fire; lets tests model watch timers running late. */
export type Lateness = (timer: TimerInfo) => number;

interface Timer {
  readonly id: number;
  readonly kind: TimerKind;
  readonly owner: string;
  readonly period: number | null;
  readonly callback: () => void;
  scheduledAt: number;
  due: number;
  seq: number;
}

export interface ClockOptions {
  /** Start time, ms since epoch. Default 2026-03-02T09:00:00Z. */
  readonly start?: number;
  /** Lets the host run pending promise jobs (all realms) between timer fires. */
  readonly flush?: () => Promise<void>;
  /** Called with any error a timer callback throws (the watch would log it and carry on). */
  readonly onCallbackError?: (error: unknown, timer: TimerInfo) => void;
  /**
   * Step budget: most timer fires allowed at one instant (time not moving) within one run.
   * A timer that keeps re-arming itself for "now" (an off-by-one at a boundary) would otherwise
   * spin forever inside one `advance`, and no test timeout could report it. Default 10 000.
   */
  readonly sameInstantBudget?: number;
  /** Most timer fires allowed in one `advance`/`runUntil`. Default 500 000. */
  readonly runBudget?: number;
  /** Says what the simulation was doing (e.g. the page shown), for the budget error. */
  readonly describe?: () => string;
  /** Told once when a budget is exceeded, before `advance` rejects (the simulation logs it). */
  readonly onBudgetExceeded?: (error: ClockBudgetError) => void;
}

/** A runaway timer loop: the clock stops, and every later `advance` rejects with the same error. */
export class ClockBudgetError extends Error {
  override readonly name = 'ClockBudgetError';
}

export const DEFAULT_START = Date.UTC(2026, 2, 2, 9, 0, 0);

export class FakeClock {
  private current: number;
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;
  private seq = 0;
  private lateness: Lateness = () => 0;
  private readonly flushHost: () => Promise<void>;
  private readonly onCallbackError: (error: unknown, timer: TimerInfo) => void;
  /** Run after every flush: the runtime checks unhandled rejections here. */
  readonly checkpoints: Array<() => void> = [];
  /** Number of timer callbacks fired so far. */
  fired = 0;
  private readonly sameInstantBudget: number;
  private readonly runBudget: number;
  private readonly describe: () => string;
  private readonly onBudgetExceeded: (error: ClockBudgetError) => void;
  /** Set once a budget is exceeded: the simulated runtime is stuck, nothing runs any more. */
  private halted: ClockBudgetError | null = null;

  constructor(options: ClockOptions = {}) {
    this.current = options.start ?? DEFAULT_START;
    this.flushHost = options.flush ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    this.onCallbackError = options.onCallbackError ?? ((error) => { throw error; });
    this.sameInstantBudget = options.sameInstantBudget ?? 10_000;
    this.runBudget = options.runBudget ?? 500_000;
    this.describe = options.describe ?? (() => '');
    this.onBudgetExceeded = options.onBudgetExceeded ?? (() => undefined);
  }

  now(): number {
    return this.current;
  }

  setLateness(lateness: Lateness | null): void {
    this.lateness = lateness ?? (() => 0);
  }

  /** Schedules `callback` after `delay` ms (periodic when `period` is a number). Returns the id. */
  schedule(kind: TimerKind, owner: string, delay: number, callback: () => void, period: number | null = null): number {
    const id = this.nextId++;
    const scheduledAt = this.current + Math.max(0, Number.isFinite(delay) ? delay : 0);
    const timer: Timer = { id, kind, owner, period, callback, scheduledAt, due: scheduledAt, seq: this.seq++ };
    timer.due = scheduledAt + this.extraDelay(timer);
    this.timers.set(id, timer);
    return id;
  }

  cancel(id: number): boolean {
    return this.timers.delete(id);
  }

  /** Cancels every timer of an owner (an app being killed). Returns how many. */
  cancelOwner(owner: string): number {
    let count = 0;
    for (const [id, timer] of this.timers) {
      if (timer.owner === owner) {
        this.timers.delete(id);
        count += 1;
      }
    }
    return count;
  }

  pending(owner?: string): TimerInfo[] {
    return [...this.timers.values()]
      .filter((t) => owner === undefined || t.owner === owner)
      .sort((a, b) => a.due - b.due || a.seq - b.seq)
      .map((t) => ({ id: t.id, kind: t.kind, owner: t.owner, scheduledAt: t.scheduledAt }));
  }

  /** Due time (after lateness) of the next timer, or null. */
  nextDue(): number | null {
    const next = this.nextTimer(Number.POSITIVE_INFINITY);
    return next === null ? null : next.due;
  }

  /** Moves time forward by `ms`, firing every timer that falls due (in order). */
  advance(ms: number): Promise<void> {
    return this.runUntil(this.current + Math.max(0, ms));
  }

  /** Fires timers due up to `time`, then sets the clock to `time`. */
  async runUntil(time: number): Promise<void> {
    if (this.halted !== null) throw this.halted;
    await this.flush();
    let firesThisRun = 0;
    let firesThisInstant = 0;
    for (;;) {
      const timer = this.nextTimer(time);
      if (timer === null) break;
      firesThisInstant = timer.due > this.current ? 1 : firesThisInstant + 1;
      firesThisRun += 1;
      if (firesThisInstant > this.sameInstantBudget) throw this.halt(`${this.sameInstantBudget} timer fires at ${new Date(this.current).toISOString()} without time moving`, timer);
      if (firesThisRun > this.runBudget) throw this.halt(`${this.runBudget} timer fires in one advance (to ${new Date(time).toISOString()})`, timer);
      this.current = Math.max(this.current, timer.due);
      this.fire(timer);
      await this.flush();
    }
    this.current = Math.max(this.current, time);
    await this.flush();
  }

  /** Drains promise jobs and runs the checkpoints, without moving time. */
  async flush(): Promise<void> {
    await this.flushHost();
    for (const checkpoint of this.checkpoints) checkpoint();
  }

  private halt(what: string, timer: Timer): ClockBudgetError {
    const context = this.describe();
    this.halted = new ClockBudgetError(
      `fake clock step budget exceeded: ${what}; the last was a ${timer.kind} timer of ${timer.owner}` +
        `${context === '' ? '' : ` (${context})`}. A timer keeps re-arming itself without reaching its target ` +
        '(an off-by-one at a boundary?); the simulation is stopped.',
    );
    this.onBudgetExceeded(this.halted);
    return this.halted;
  }

  private fire(timer: Timer): void {
    if (timer.period === null) {
      this.timers.delete(timer.id);
    } else {
      // Periodic timers re-arm from the actual fire time, so lateness accumulates like drift.
      timer.scheduledAt = this.current + Math.max(1, timer.period);
      timer.due = timer.scheduledAt + this.extraDelay(timer);
      timer.seq = this.seq++;
    }
    this.fired += 1;
    try {
      timer.callback();
    } catch (error) {
      this.onCallbackError(error, { id: timer.id, kind: timer.kind, owner: timer.owner, scheduledAt: timer.scheduledAt });
    }
  }

  private extraDelay(timer: Timer): number {
    if (timer.kind === 'link' || timer.kind === 'input') return 0;
    const extra = this.lateness({ id: timer.id, kind: timer.kind, owner: timer.owner, scheduledAt: timer.scheduledAt });
    return Number.isFinite(extra) && extra > 0 ? extra : 0;
  }

  private nextTimer(limit: number): Timer | null {
    let best: Timer | null = null;
    for (const timer of this.timers.values()) {
      if (timer.due > limit) continue;
      if (best === null || timer.due < best.due || (timer.due === best.due && timer.seq < best.seq)) best = timer;
    }
    return best;
  }
}
