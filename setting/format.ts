// Short labels the views share (dates in the session's own time zone, minutes, statuses), written
// the way the phone's language writes them (core/kernel/locale.ts).

import type { SessionStatus } from '../core/routines/model';
import type { SessionSummary } from '../core/phone/stats';
import type { StepRef } from '../core/records/session-outcome';
import type { Translate } from '../core/phone/messages';
import { formatDateTime, pluralId } from '../core/kernel/locale';
import { deviceOffsetMin } from '../core/kernel/local-time';
import { formatDuration } from '../core/records/session-time';
import { phoneLocale, tr } from './text';

export function sessionDate(s: { readonly startedAt: number; readonly tzOffsetMin: number }): string {
  return formatDateTime(s.startedAt, s.tzOffsetMin, phoneLocale());
}

const STATUS_TEXT: Readonly<Record<SessionStatus, string>> = {
  completed: 'set.status.completed',
  stopped: 'set.status.stopped',
  pain: 'set.status.pain',
};

/** "completed", "completed with 1 skipped" (never plain "completed" after a skip), "stopped early", "stopped for pain". */
export function statusText(status: SessionStatus, skippedSteps = 0): string {
  if (status === 'completed' && skippedSteps > 0) return tr(pluralId('set.status.completed-skipped', skippedSteps, phoneLocale()), { count: skippedSteps });
  return tr(STATUS_TEXT[status]);
}

/** "Forearms left", "Neck" (a step on both sides is just the area), as the watch names it. */
export function stepLabel(step: StepRef, t: Translate): string {
  return step.side === 'both' ? t(`area.${step.area}`) : `${t(`area.${step.area}`)} ${t(`side.${step.side}`)}`;
}

/** A list line: date · routine · massage time written as the watch writes it (core formatDuration) · outcome, with a pain stop's area. */
export function sessionLine(s: SessionSummary, t: Translate): string {
  const outcome = s.status === 'pain' && s.painAt !== undefined ? tr('set.status.pain-at', { step: stepLabel(s.painAt, t) }) : statusText(s.status, s.skipped.length);
  return `${sessionDate(s)} · ${t(s.routineName)} · ${formatDuration(s.massageMs)} · ${outcome}`;
}

/** A pain stop stands out in the phone's lists in its own colour, as on the watch. */
export const PAIN_STYLE = { color: '#b00020' } as const;

/** The phone's own offset in minutes east of UTC (the reader's weeks and report period). */
export const phoneOffsetMin = deviceOffsetMin;
