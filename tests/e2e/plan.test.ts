// The therapist's plan from the phone to the watch (docs/design.md §1, §5): set a weekly target, an
// assigned routine and an avoid area in the Settings App; the watch shows "this week: 0 of 3", lists
// the assigned routine first, warns before the start, and never cues the avoided area.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Routine } from '../../core/routines/model';
import { advance, cues, POLL, seeOnWatch, simErrors, startPreview, tapWatch, waitForPage, waitForWatchText, type PreviewSession } from './helpers';
import { expectedCues, ROUTINE, ROUTINE_NAME, totalMs } from './routine';

let preview: PreviewSession;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

const phone = (page: Page) => page.locator('[data-testid=phone-screen]');

describe('plan', () => {
  test('plan - target, assigned routine and avoid area set on the phone reach the watch; the avoided area is never cued', async () => {
    const page = await preview.open({ speed: '0' });
    await advance(page, 2_000);
    await waitForWatchText(page, 'Phone connected');

    await phone(page).locator('[data-component=Slider]').filter({ hasText: 'Weekly target' }).locator('input').fill('3');
    await expect.poll(() => phone(page).innerText(), POLL).toContain('Weekly target: 3 sessions');
    await phone(page).locator('[data-component=Select]').filter({ hasText: 'Neck area' }).locator('select').selectOption({ label: 'Avoid' });
    await phone(page).locator('[data-component=Toggle]').filter({ hasText: ROUTINE_NAME }).locator('input').check();

    // The side service tells the watch (ZML call), which fetches the plan while Home is open.
    await advance(page, 5_000);
    await waitForWatchText(page, 'This week: 0 of 3');
    await waitForWatchText(page, `★ ${ROUTINE_NAME}`);

    await tapWatch(page, `★ ${ROUTINE_NAME}`);
    await waitForPage(page, 'before');
    await seeOnWatch(page, 'Neck');
    await tapWatch(page, 'Start');
    await waitForPage(page, 'session');
    const withoutNeck: Routine = { ...ROUTINE, steps: ROUTINE.steps.filter((s) => s.area !== 'neck') };
    for (let t = 0; t < totalMs(ROUTINE) + 20_000; t += 5_000) await advance(page, 5_000);
    await waitForPage(page, 'checkin');
    expect((await cues(page)).filter((c) => c !== 'halfway')).toEqual(expectedCues(withoutNeck));
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  }, 180_000);
});
