// "Feel each cue" on the watch's Settings page plays every cue of the haptic language; the haptic
// indicator names each one, in the order they were played.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { advance, cues, POLL, simErrors, startPreview, tapWatch, waitForPage, waitForWatchText, type PreviewSession } from './helpers';

let preview: PreviewSession;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

describe('feel each cue', () => {
  test('feel each cue - each button on the watch Settings page plays its cue, named in the haptic indicator', async () => {
    const page = await preview.open({ speed: '0' });
    await tapWatch(page, 'Settings');
    await waitForPage(page, 'settings');
    const buttons: Array<[string, string]> = [
      ['First area', 'lead-in-over'],
      ['Next area', 'next-area'],
      ['Switch side', 'switch-side'],
      ['Halfway', 'halfway'],
      ['Change coming', 'change-coming'],
      ['Done', 'done'],
      ['Stopped for pain', 'pain-stop'],
    ];
    for (const [label] of buttons) {
      await tapWatch(page, label);
      // The page names the cue it is playing.
      await waitForWatchText(page, `Cue: ${label}`);
      await advance(page, 2_000);
    }
    await expect.poll(() => cues(page), POLL).toEqual(buttons.map(([, cue]) => cue));
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });

  test('feel each cue - each strength change plays a whole sample, even two taps in a row', async () => {
    const page = await preview.open({ speed: '0' });
    await tapWatch(page, 'Settings');
    await waitForPage(page, 'settings');
    await tapWatch(page, 'Cue strength: standard');
    await waitForWatchText(page, 'Cue strength: strong');
    await tapWatch(page, 'Cue strength: strong');
    await waitForWatchText(page, 'Cue strength: gentle');
    await advance(page, 3_000);
    // Two samples of "next area" (strong, then gentle); the second waited for the first to play whole:
    // next area is 120 on, 150 gap, 120 on = 390 ms (docs/core.md), so it starts at least that later.
    await expect.poll(() => cues(page), POLL).toEqual(['next-area', 'next-area']);
    const times = await page.locator('[data-testid=haptics] li.buzz').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.time)).reverse());
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(390);
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });
});
