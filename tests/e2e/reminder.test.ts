// The preview shows a reminder arriving: reminders turned on in the watch Settings, the clock moved
// on to the next reminder day, the notification appears under the watch with its actions, and
// tapping Snooze takes it away.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { advance, POLL, simErrors, startPreview, tapWatch, waitForPage, type PreviewSession } from './helpers';

let preview: PreviewSession;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

const panelText = (page: Awaited<ReturnType<PreviewSession['open']>>): Promise<string> => page.locator('[data-testid=notifications]').innerText();

describe('reminder in the preview', () => {
  test('reminder - turned on in Settings, it arrives under the watch with Start, Snooze 30 min and Not today; Snooze takes it away', async () => {
    const page = await preview.open({ speed: '0' });
    await tapWatch(page, 'Settings');
    await waitForPage(page, 'settings');
    await tapWatch(page, 'Reminders: off');
    expect(await panelText(page)).toBe('');
    // Reminders come on three days a week at 18:00: within three days one has come.
    const cards = page.locator('[data-testid=notifications] .notification');
    for (let day = 0; day < 3 && (await cards.count()) === 0; day += 1) await advance(page, 24 * 60 * 60 * 1000);
    await expect.poll(() => panelText(page), POLL).toContain('Time for your self-massage');
    expect(await cards.count()).toBe(1);
    const text = await panelText(page);
    for (const action of ['Start', 'Snooze 30 min', 'Not today']) expect(text).toContain(action);
    await page.locator('[data-testid=notifications] button', { hasText: 'Snooze 30 min' }).first().click();
    await expect.poll(() => panelText(page), POLL).toBe('');
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });
});
