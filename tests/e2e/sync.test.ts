// Sync in the browser preview (docs/design.md §5): a finished session reaches the phone's History and
// Report, a note added on the phone stays; offline: cut the link, finish another session,
// reconnect, and it arrives exactly once.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { advance, phoneText, POLL, seeOnWatch, simErrors, startPreview, tapWatch, waitForWatchText, type PreviewSession } from './helpers';
import { ROUTINE_NAME, runRoutine, sessionLinesOnPhone } from './routine';

/** Whole routines on the simulated clock: longer than the default test timeout on a busy machine. */
const FLOW_MS = 180_000;

let preview: PreviewSession;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

describe('sync', () => {
  test('sync - check in on the watch; the session reaches the phone: "on phone" on the watch, in History and the Report with the check-in; a note added on the phone stays', async () => {
    const page = await preview.open({ speed: '0' });
    await runRoutine(page);
    // Check in with detail: the first area (neck) mildly tight, and a preset note.
    await tapWatch(page, 'Add detail');
    await waitForWatchText(page, 'Neck: how tight?');
    await tapWatch(page, 'Mild');
    await tapWatch(page, 'Felt good');
    await tapWatch(page, 'Save');
    await advance(page, 5_000);
    await seeOnWatch(page, 'on phone');
    await expect.poll(() => sessionLinesOnPhone(page), POLL).toBe(1);
    const report = page.locator('[data-testid=phone-screen] [data-component=TextInput] textarea').first();
    await expect.poll(() => report.inputValue(), POLL).toContain('1 session, ');
    const text = await report.inputValue();
    expect(text, text).toContain('Felt good');
    expect(text, text).toMatch(/Neck[^\n]*\n[^\n]*tightness by week: [^\n]*mild/);
    await page.locator('[data-testid=phone-screen] [data-component=Button]').filter({ hasText: ROUTINE_NAME }).first().click();
    const note = page.locator('[data-testid=phone-screen] [data-component=TextInput]').filter({ hasText: 'Add a note' }).locator('input, textarea');
    await note.fill('Left side tighter than last week');
    await note.press('Enter');
    await note.evaluate((el) => (el as HTMLElement).blur());
    await expect.poll(() => phoneText(page), POLL).toContain('Your note (edit to change)');
    await expect.poll(() => page.locator('[data-testid=phone-screen] input, [data-testid=phone-screen] textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), POLL).toContain('Left side tighter than last week');
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  }, FLOW_MS);

  test('sync - cut the link, finish a session, reconnect: it arrives on the phone exactly once', async () => {
    const page = await preview.open({ speed: '0' });
    await runRoutine(page);
    await tapWatch(page, 'Save');
    await advance(page, 5_000);
    await expect.poll(() => sessionLinesOnPhone(page), POLL).toBe(1);

    await page.getByLabel('Phone connected').uncheck();
    await page.getByRole('button', { name: 'Relaunch app' }).click();
    await runRoutine(page);
    await tapWatch(page, 'Save');
    await advance(page, 10_000);
    await seeOnWatch(page, 'waiting for phone');
    expect(await sessionLinesOnPhone(page)).toBe(1);

    await page.getByLabel('Phone connected').check();
    // Sent on reconnect, by the page on screen: no relaunch allowed here.
    await advance(page, 10_000);
    await expect.poll(() => sessionLinesOnPhone(page), POLL).toBe(2);
    await advance(page, 60_000);
    expect(await sessionLinesOnPhone(page)).toBe(2);
    await page.close();
  }, FLOW_MS);
});
