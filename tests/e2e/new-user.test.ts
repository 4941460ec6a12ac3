// A new user in the browser preview (the built bundles): picks a routine on Home, runs it whole,
// checks in within ten taps (how it felt, what hurt, where and how much), and finds the same
// massage time on the watch's Summary and in the phone's History, with the check-in in the report.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { advance, POLL, simErrors, startPreview, tapWatch, waitForPage, watchTexts, type PreviewSession } from './helpers';
import { ROUTINE_NAME, runRoutine, sessionLinesOnPhone } from './routine';

const FLOW_MS = 180_000;
const MAX_CHECKIN_TAPS = 10;

let preview: PreviewSession;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

/** Seconds of a watch duration "m:ss". */
function clockSeconds(text: string): number {
  const m = /(\d+):(\d{2})/.exec(text);
  if (m === null) throw new Error(`no m:ss in "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The massage time as the phone's History row shows it ("… · 5.3 min · …" or "… · 5:20 · …"),
 * and the same seconds written the phone's way, so the two texts are compared, not re-derived.
 */
function phoneDuration(row: string, watchSeconds: number): { readonly shown: string; readonly watchAsPhone: string } {
  const clock = /· (\d+:\d{2}) ·/.exec(row);
  if (clock !== null) return { shown: clock[1] as string, watchAsPhone: `${Math.floor(watchSeconds / 60)}:${String(watchSeconds % 60).padStart(2, '0')}` };
  const minutes = /· (\d+(?:\.\d)?) min ·/.exec(row);
  if (minutes === null) throw new Error(`no duration in the phone's row "${row}"`);
  return { shown: minutes[1] as string, watchAsPhone: (Math.round(watchSeconds / 6) / 10).toFixed(1) };
}

describe('a new user', () => {
  test('new user - runs Desk reset, checks in within ten taps, and sees the same massage time on the watch and the phone', async () => {
    const page: Page = await preview.open({ speed: '0' });
    await runRoutine(page);

    // The check-in: every tap counted.
    let taps = 0;
    const tap = async (text: string): Promise<void> => {
      taps += 1;
      await tapWatch(page, text);
    };
    await tap('Better');
    await tap('Yes');
    await tap('Neck');
    await tap('4');
    await tap('Save');
    expect(taps).toBeLessThanOrEqual(MAX_CHECKIN_TAPS);

    await waitForPage(page, 'summary');
    await advance(page, 5_000);
    const massageLine = (await watchTexts(page)).find((t) => t.startsWith('Massage:'));
    expect(massageLine, JSON.stringify(await watchTexts(page))).toBeDefined();
    const watchSeconds = clockSeconds(massageLine as string);

    await expect.poll(() => sessionLinesOnPhone(page), POLL).toBe(1);
    const row = await page.locator('[data-testid=phone-screen] [data-component=Button]').filter({ hasText: ROUTINE_NAME }).first().innerText();
    const phone = phoneDuration(row, watchSeconds);
    expect(phone.shown, `watch "${massageLine}", phone "${row}"`).toBe(phone.watchAsPhone);

    // The check-in reached the therapist's report: feeling and pain with its area and score.
    const report = page.locator('[data-testid=phone-screen] [data-component=TextInput] textarea').first();
    await expect.poll(() => report.inputValue(), POLL).toContain('pain 4/10');
    const text = await report.inputValue();
    expect(text, text).toContain('better 1');
    expect(text, text).toMatch(/pain at check-in: Neck/);
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  }, FLOW_MS);
});
