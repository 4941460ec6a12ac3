// Short labels the views share (dates in the session's own time zone, minutes, statuses).

import type { SessionStatus } from '../core/model';
import type { SessionSummary } from '../core/phone/stats';
import type { Translate } from '../core/phone/messages';
import { dayLabel, localClock, localDay } from '../core/local-time';
import { tr } from './text';

export function sessionDate(s: { readonly startedAt: number; readonly tzOffsetMin: number }): string {
  return `${dayLabel(localDay(s.startedAt, s.tzOffsetMin))} ${localClock(s.startedAt, s.tzOffsetMin)}`;
}

const STATUS_TEXT: Readonly<Record<SessionStatus, string>> = {
  completed: 'set.status.completed',
  stopped: 'set.status.stopped',
  pain: 'set.status.pain',
};

export function statusText(status: SessionStatus): string {
  return tr(STATUS_TEXT[status]);
}

export function sessionLine(s: SessionSummary, t: Translate): string {
  return `${sessionDate(s)} · ${t(s.routineName)} · ${tr('set.min', { minutes: s.minutes })} · ${statusText(s.status)}`;
}

/** The phone's own offset in minutes east of UTC (the reader's weeks and report period). */
export function phoneOffsetMin(now: number): number {
  return -new Date(now).getTimezoneOffset();
}
