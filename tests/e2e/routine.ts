// Shared steps of the product flows: which routine, the cues it should give, and running it on
// the watch in the preview.

import type { Page } from 'playwright-core';
import { DESK_RESET, LIBRARY_MESSAGES } from '../../core/routines/library';
import type { Routine } from '../../core/routines/model';
import { advance, tapWatch, waitForPage, waitForWatchText } from './helpers';

export const ROUTINE = DESK_RESET;
/** The name the watch shows for it (English). */
export const ROUTINE_NAME = LIBRARY_MESSAGES[DESK_RESET.name] ?? DESK_RESET.name;

/** The cues the haptic language gives for a routine, without the optional halfway ticks. */
export function expectedCues(routine: Routine): string[] {
  const out: string[] = ['lead-in-over'];
  routine.steps.forEach((step, i) => {
    const previous = routine.steps[i - 1];
    if (previous === undefined) return;
    out.push(previous.area === step.area && previous.side !== step.side ? 'switch-side' : 'next-area');
  });
  out.push('done');
  return out;
}

export function totalMs(routine: Routine): number {
  return routine.steps.reduce((sum, s) => sum + s.seconds * 1000, 0);
}

/** Home → the routine → Before you start → Start: the session page is showing. */
export async function startRoutine(page: Page): Promise<void> {
  await tapWatch(page, ROUTINE_NAME);
  await waitForPage(page, 'before');
  await tapWatch(page, 'Start');
  await waitForPage(page, 'session');
  await waitForWatchText(page, 'Pain — stop now');
}

/** Starts the routine and lets the whole of it run on the simulated clock, up to the Check-in. */
export async function runRoutine(page: Page): Promise<void> {
  await startRoutine(page);
  // Lead-in (≤ 15 s) + every step + margin, in 5 s steps so the page re-renders along the way.
  const end = totalMs(ROUTINE) + 20_000;
  for (let t = 0; t < end; t += 5_000) await advance(page, 5_000);
  await waitForPage(page, 'checkin');
}

/** Session lines for the routine in the phone's History. */
export async function sessionLinesOnPhone(page: Page): Promise<number> {
  return page.locator('[data-testid=phone-screen] [data-component=Button]').filter({ hasText: ROUTINE_NAME }).count();
}
