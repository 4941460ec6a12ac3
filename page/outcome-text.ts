// How the Summary and History pages word a session's outcome (core/records/session-outcome.ts): one place,
// so a skipped step or a pain stop reads the same on both.
import type { StepRef } from '../core/records/session-outcome';
import type { SessionStatus } from '../core/routines/model';
import type { Tone } from './kit';
import { areaName, listText, sideName, t, tn } from './text';

/** "Forearms left", "Neck" (a step on both sides is just the area). */
export function stepName(step: StepRef): string {
  return step.side === 'both' ? areaName(step.area) : t('step.sided', { area: areaName(step.area), side: sideName(step.side) });
}

/** "Skipped: Forearms left, Feet" or null when nothing was skipped. */
export function skippedText(skipped: readonly StepRef[]): string | null {
  return skipped.length === 0 ? null : t('summary.areas-skipped', { areas: listText(skipped.map(stepName)) });
}

/**
 * The outcome in a few words and its tone: "Completed", "Completed with 1 skipped" (never plain
 * "Completed" after a skip), "Stopped", "Stopped for pain: Neck" in the danger colour.
 */
export function outcomeText(status: SessionStatus, skipped: readonly StepRef[], painAt: StepRef | null): { readonly text: string; readonly tone: Tone } {
  if (status === 'pain') return { text: painAt === null ? t('summary.status.pain') : t('summary.pain-stopped', { area: stepName(painAt) }), tone: 'danger' };
  if (status === 'stopped') return { text: t('summary.status.stopped'), tone: 'dim' };
  if (skipped.length > 0) return { text: tn('summary.status.completed-skipped', skipped.length, { count: skipped.length }), tone: 'dim' };
  return { text: t('summary.status.completed'), tone: 'dim' };
}
