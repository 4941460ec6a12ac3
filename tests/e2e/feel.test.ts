// "Feel each cue" on the watch's Settings page plays every cue of the haptic language; the haptic
// indicator names each one, in the order they were played.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { advance, cues, POLL, simErrors, startPreview, tapWatch, waitForPage, type PreviewSession } from './helpers';

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
      ['Done', 'done'],
      ['Stopped for pain', 'pain-stop'],
    ];
    for (const [label] of buttons) {
      await tapWatch(page, label);
      await advance(page, 2_000);
    }
    await expect.poll(() => cues(page), POLL).toEqual(buttons.map(([, cue]) => cue));
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });
});
