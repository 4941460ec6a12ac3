// Local calendar arithmetic from UTC ms and a fixed offset in minutes. Records carry their own
// offset, so a session is filed under the day and week the person lived it, wherever the phone is.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 in local time. */
export function localDay(utcMs: number, tzOffsetMin: number): number {
  return Math.floor((utcMs + tzOffsetMin * 60_000) / DAY_MS);
}

/** Local day number of the Monday starting the week (1970-01-05 was a Monday). */
export function weekStartDay(day: number): number {
  return day - (((day + 3) % 7) + 7) % 7;
}

export function localWeekStart(utcMs: number, tzOffsetMin: number): number {
  return weekStartDay(localDay(utcMs, tzOffsetMin));
}

/** 'YYYY-MM-DD' for a local day number. */
export function dayLabel(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 'YYYY-MM' of the local date. */
export function localMonth(utcMs: number, tzOffsetMin: number): string {
  return dayLabel(localDay(utcMs, tzOffsetMin)).slice(0, 7);
}

/** 'HH:MM' local time. */
export function localClock(utcMs: number, tzOffsetMin: number): string {
  const d = new Date(utcMs + tzOffsetMin * 60_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The running device's offset in minutes east of UTC at `utcMs` (e.g. +60 for CET), as records
 * store it. The one place that reads the host's zone: the watch's system adapter and the Settings
 * App both call it and pass the number on, so core's rules themselves never depend on the host.
 */
export function deviceOffsetMin(utcMs: number): number {
  return -new Date(utcMs).getTimezoneOffset();
}
