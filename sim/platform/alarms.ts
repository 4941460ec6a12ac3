// @zos/alarm (API 3.0, permission device:os.alarm) as documented: set({url, time | delay, param,
// store, repeat_type, week_days}) → id (0 = refused), cancel(id | {id}) → 0 on success,
// getAllAlarms() → this app's ids. `time` is UTC seconds and wins over `delay` (seconds from now).
// An alarm outlives the app that set it; only `store: true` ones survive a reboot (same id).
//
// Stricter than the docs where they are silent (docs/simulator.md, "Alarms and notifications"):
// a non-string `param`, a one-off `time` in the past, REPEAT_WEEK without week_days, and the
// repeat kinds / options Knead does not use (MINUTE, HOUR, MONTH, YEAR, repeat_period,
// repeat_duration, start_time, end_time) are refused with 0 and a reason in `refusals`, so an app
// that leans on an unmodelled behaviour fails in tests instead of passing by luck.

import type { FakeClock } from './clock';

/** Invented numeric values: apps must use the names. */
export const ALARM_CONSTANTS = {
  REPEAT_ONCE: 0,
  REPEAT_MINUTE: 1,
  REPEAT_HOUR: 2,
  REPEAT_DAY: 3,
  REPEAT_WEEK: 4,
  REPEAT_MONTH: 5,
  REPEAT_YEAR: 6,
  WEEK_MON: 1,
  WEEK_TUE: 2,
  WEEK_WED: 4,
  WEEK_THU: 8,
  WEEK_FRI: 16,
  WEEK_SAT: 32,
  WEEK_SUN: 64,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const ALL_WEEK_DAYS = 127;

export interface AlarmOption {
  readonly url?: unknown;
  readonly time?: unknown;
  readonly delay?: unknown;
  readonly param?: unknown;
  readonly store?: unknown;
  readonly repeat_type?: unknown;
  readonly week_days?: unknown;
  readonly [other: string]: unknown;
}

export interface SimAlarm {
  readonly id: number;
  readonly url: string;
  readonly param: string | undefined;
  readonly store: boolean;
  readonly repeat: 'once' | 'day' | 'week';
  /** Bit mask WEEK_MON (1) … WEEK_SUN (64); 127 for daily. */
  readonly weekDays: number;
  /** Next fire, UTC ms. */
  at: number;
  timer: number;
}

export interface AlarmFire {
  readonly time: number;
  readonly id: number;
  readonly url: string;
  readonly param: string | undefined;
}

type Fire = (url: string, param: string | undefined) => void;

/** Monday = 0 … Sunday = 6, in the zone the host's Date reports for `ms`. */
function localWeekday(ms: number): number {
  const offsetMin = -new Date(ms).getTimezoneOffset();
  const day = Math.floor((ms + offsetMin * 60_000) / DAY_MS);
  return (((day + 3) % 7) + 7) % 7;
}

export class AlarmTable {
  private nextId = 1;
  private readonly table = new Map<number, SimAlarm & { fire: Fire }>();
  /** Every fire, in order. */
  readonly fired: AlarmFire[] = [];
  /** Every refused set(), with the reason. */
  readonly refusals: string[] = [];

  constructor(private readonly clock: FakeClock) {}

  list(): SimAlarm[] {
    return [...this.table.values()].map(({ fire: _fire, ...alarm }) => ({ ...alarm }));
  }

  ids(): number[] {
    return [...this.table.keys()];
  }

  set(option: AlarmOption, fire: Fire): number {
    const refuse = (why: string): number => {
      this.refusals.push(why);
      return 0;
    };
    if (typeof option !== 'object' || option === null) return refuse('set() needs an option object');
    if (typeof option.url !== 'string' || option.url === '') return refuse('url is required');
    if (option.param !== undefined && typeof option.param !== 'string') return refuse('param must be a string');
    for (const unmodelled of ['repeat_period', 'repeat_duration', 'start_time', 'end_time', 'appid']) {
      if (option[unmodelled] !== undefined) return refuse(`${unmodelled} is not modelled`);
    }
    const now = this.clock.now();
    let first: number;
    if (typeof option.time === 'number' && Number.isFinite(option.time)) first = option.time * 1000;
    else if (typeof option.delay === 'number' && Number.isFinite(option.delay) && option.delay >= 0) first = now + option.delay * 1000;
    else return refuse('one of time (UTC seconds) or delay (seconds) is required');
    const type = option.repeat_type ?? ALARM_CONSTANTS.REPEAT_ONCE;
    let repeat: SimAlarm['repeat'];
    let weekDays = ALL_WEEK_DAYS;
    if (type === ALARM_CONSTANTS.REPEAT_ONCE) repeat = 'once';
    else if (type === ALARM_CONSTANTS.REPEAT_DAY) repeat = 'day';
    else if (type === ALARM_CONSTANTS.REPEAT_WEEK) {
      repeat = 'week';
      const days = option.week_days;
      if (typeof days !== 'number' || !Number.isInteger(days) || days <= 0 || days > ALL_WEEK_DAYS) return refuse('REPEAT_WEEK needs week_days (WEEK_MON | … | WEEK_SUN)');
      weekDays = days;
    } else return refuse(`repeat_type ${String(type)} is not modelled`);
    if (repeat === 'once' && first < now) return refuse('a one-off time in the past');
    const id = this.nextId++;
    const alarm = {
      id,
      url: option.url,
      param: option.param,
      store: option.store === true,
      repeat,
      weekDays,
      at: this.nextFire(first, repeat, weekDays, now),
      timer: 0,
      fire,
    };
    this.table.set(id, alarm);
    this.arm(alarm);
    return id;
  }

  /** 0 on success (as documented); -1 for an id this app does not have. */
  cancel(option: unknown): number {
    const id = typeof option === 'number' ? option : typeof option === 'object' && option !== null ? (option as { id?: unknown }).id : undefined;
    const alarm = typeof id === 'number' ? this.table.get(id) : undefined;
    if (alarm === undefined) return -1;
    this.clock.cancel(alarm.timer);
    this.table.delete(alarm.id);
    return 0;
  }

  /** A watch reboot: alarms without `store: true` are gone; stored ones keep their id and time. */
  reboot(): void {
    for (const alarm of [...this.table.values()]) {
      if (alarm.store) continue;
      this.clock.cancel(alarm.timer);
      this.table.delete(alarm.id);
    }
  }

  private arm(alarm: SimAlarm & { fire: Fire }): void {
    alarm.timer = this.clock.schedule('alarm', 'alarm', alarm.at - this.clock.now(), () => {
      this.fired.push({ time: this.clock.now(), id: alarm.id, url: alarm.url, param: alarm.param });
      if (alarm.repeat === 'once') this.table.delete(alarm.id);
      else {
        alarm.at = this.nextFire(alarm.at, alarm.repeat, alarm.weekDays, this.clock.now() + 1);
        this.arm(alarm);
      }
      alarm.fire(alarm.url, alarm.param);
    });
  }

  /** The first time at or after `notBefore` with `from`'s local time of day on an allowed week day. */
  private nextFire(from: number, repeat: SimAlarm['repeat'], weekDays: number, notBefore: number): number {
    if (repeat === 'once') return from;
    // Whole days from the anchor keep its time of day (a zone change in between is not modelled).
    let at = from;
    while (at < notBefore || (weekDays & (1 << localWeekday(at))) === 0) at += DAY_MS;
    return at;
  }
}

/** The module the watch realms see; throws like the watch when the permission is not declared. */
export function alarmModule(table: AlarmTable, declared: readonly string[], fire: Fire): Record<string, unknown> {
  const check = (): void => {
    if (declared.indexOf('device:os.alarm') < 0) throw new Error('permission denied: device:os.alarm is not declared in app.json');
  };
  return {
    ...ALARM_CONSTANTS,
    set: (option: AlarmOption) => {
      check();
      return table.set(option, fire);
    },
    cancel: (option: unknown) => {
      check();
      return table.cancel(option);
    },
    getAllAlarms: () => {
      check();
      return table.ids();
    },
  };
}
