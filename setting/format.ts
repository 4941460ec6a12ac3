// Short labels the views share (dates in the session's own time zone, minutes, statuses), written
// the way the phone's language writes them (core/locale.ts).

import type { SessionStatus } from '../core/model';
import type { SessionSummary } from '../core/phone/stats';
import type { Translate } from '../core/phone/messages';
import { formatDateTime, formatDecimal } from '../core/locale';
import { deviceOffsetMin } from '../core/local-time';
import { phoneLocale, tr } from './text';

export function sessionDate(s: { readonly startedAt: number; readonly tzOffsetMin: number }): string {
  return formatDateTime(s.startedAt, s.tzOffsetMin, phoneLocale());
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
  return `${sessionDate(s)} · ${t(s.routineName)} · ${tr('set.min', { minutes: formatDecimal(s.minutes, 1, phoneLocale()) })} · ${statusText(s.status)}`;
}

/** The phone's own offset in minutes east of UTC (the reader's weeks and report period). */
export const phoneOffsetMin = deviceOffsetMin;
