// A routine on the watch in the browser preview, as a person does it: pick it on Home, start,
// feel every cue in order (haptic indicator), finish, check in, see the summary; or stop for pain.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cues, holdWatch, POLL, seeOnWatch, simErrors, startPreview, tapWatch, waitForPage, type PreviewSession } from './helpers';
import { expectedCues, ROUTINE, runRoutine, startRoutine } from './routine';

let preview: PreviewSession;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

describe('session', () => {
  test('session - start Desk reset from Home, feel every cue in order, finish, check in, see it completed', async () => {
    const page = await preview.open({ speed: '0' });
    await runRoutine(page);
    expect((await cues(page)).filter((c) => c !== 'halfway')).toEqual(expectedCues(ROUTINE));
    await tapWatch(page, 'Save');
    await waitForPage(page, 'summary');
    await seeOnWatch(page, 'Completed');
    await seeOnWatch(page, 'Saved');
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  }, 120_000);

  test('session - "Pain — stop now" held for the long press stops with the pain cue and the summary says so; a tap does not', async () => {
    const page = await preview.open({ speed: '0', profile: 'gts4-3.6' });
    await startRoutine(page);
    await tapWatch(page, 'Pain — stop now');
    await seeOnWatch(page, 'Hold to stop for pain');
    await holdWatch(page, 'Pain — stop now');
    await expect.poll(async () => (await cues(page)).at(-1), POLL).toBe('pain-stop');
    await seeOnWatch(page, 'Stopped for pain');
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });
});
