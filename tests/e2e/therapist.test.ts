// The therapist loop in Chromium: the therapist opens therapist/index.html from disk (file://, no
// server, no network), builds a plan and gets a code; the client pastes it into the Settings App
// of the preview, sees what changes, accepts, and the watch's Home lists the therapist's routine
// first. A code with one wrong character is refused with its reason.

import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodePlanCode } from '../../core/routines/plan-code';
import { THERAPIST_PAGE } from '../../scripts/therapist.mjs';
import { advance, POLL, simErrors, startPreview, waitForWatchText, type PreviewSession } from './helpers';

let preview: PreviewSession;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

const phone = (page: Page) => page.locator('[data-testid=phone-screen]');

/** Builds a plan on the therapist page the way a therapist would and returns the code shown. */
async function therapistMakesCode(): Promise<{ code: string; requests: string[] }> {
  const page = await preview.context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(THERAPIST_PAGE).href);
  await page.waitForFunction(() => document.body.dataset['ready'] === '1');
  await page.locator('#target').fill('2');
  await page.locator('[data-area=neck][data-field=role]').selectOption('focus');
  await page.locator('[data-area=neck][data-field=tool]').selectOption('hands');
  await page.locator('[data-area=neck][data-field=technique]').fill('Light strokes, never on the front');
  await page.locator('[data-area=lower-back][data-field=role]').selectOption('avoid');
  await page.locator('[data-assign=tired-feet]').check();
  await page.locator('#add-routine').click();
  const routine = page.locator('#routines .routine').first();
  await routine.locator('[data-field=name]').fill('Calf care');
  const first = routine.locator('tr.step').first();
  await first.locator('[data-field=area]').selectOption('calves');
  await first.locator('[data-field=side]').selectOption('left');
  await first.locator('[data-field=seconds]').fill('45');
  await routine.locator('.add-step').click();
  const second = routine.locator('tr.step').nth(1);
  await second.locator('[data-field=area]').selectOption('calves');
  await second.locator('[data-field=side]').selectOption('right');
  await second.locator('[data-field=seconds]').fill('45');
  await page.locator('#note').fill('Gentle on the right calf.');
  await page.locator('#make-code').click();
  const code = await page.locator('#code').inputValue();
  await page.close();
  return { code, requests };
}

describe('therapist page', () => {
  test('therapist page - from file:// it builds a plan and shows a code holding exactly that plan, without any request', async () => {
    const { code, requests } = await therapistMakesCode();
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    const decoded = decodePlanCode(code);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.plan).toMatchObject({
      focusAreas: ['neck'],
      avoidAreas: ['lower-back'],
      weeklyTarget: 2,
      assignedRoutineIds: ['tired-feet', 'therapist-1'],
      customRoutines: [{ id: 'therapist-1', name: 'Calf care', steps: [{ area: 'calves', side: 'left', seconds: 45, tool: 'hands', hint: '' }, { area: 'calves', side: 'right', seconds: 45, tool: 'hands', hint: '' }] }],
      advice: [{ area: 'neck', tool: 'hands', technique: 'Light strokes, never on the front' }],
      note: 'Gentle on the right calf.',
    });
  }, 60_000);

  test('therapist page - a plan it cannot encode gets the problem in words and no code', async () => {
    const page = await preview.context.newPage();
    await page.goto(pathToFileURL(THERAPIST_PAGE).href);
    await page.locator('#add-routine').click();
    await page.locator('#make-code').click();
    await expect.poll(() => page.locator('#problems').innerText()).toContain('Routine 1 name must not be empty');
    expect(await page.locator('#code').inputValue()).toBe('');
    await page.close();
  }, 60_000);

  test('paste flow - the code pasted in the Settings App changes the watch routines; a corrupted one is refused with its reason', async () => {
    const { code } = await therapistMakesCode();
    const page = await preview.open({ speed: '0' });
    await advance(page, 2_000);
    await waitForWatchText(page, 'Phone connected');
    const box = phone(page).locator('[data-component=TextInput]').filter({ hasText: 'Plan code' }).locator('textarea');

    const i = code.lastIndexOf('.') - 4;
    await box.fill(code.slice(0, i) + (code[i] === 'x' ? 'y' : 'x') + code.slice(i + 1));
    await box.blur();
    await expect.poll(() => phone(page).innerText(), POLL).toContain('This code cannot be used. The check digits do not match');

    await phone(page).locator('[data-component=TextInput]').filter({ hasText: 'Plan code' }).locator('textarea').fill(code);
    await phone(page).locator('[data-component=TextInput]').filter({ hasText: 'Plan code' }).locator('textarea').blur();
    await expect.poll(() => phone(page).innerText(), POLL).toContain('Accepting this code changes:');
    expect(await phone(page).innerText()).toContain('New routine "Calf care" (2 steps · 1:30: Calves)');
    await phone(page).getByRole('button', { name: 'Accept the plan' }).click();
    await expect.poll(() => phone(page).innerText(), POLL).toContain('Plan accepted.');

    await advance(page, 5_000);
    await waitForWatchText(page, '★ Tired feet');
    await waitForWatchText(page, '★ Calf care');
    await waitForWatchText(page, 'This week: 0 of 2');
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  }, 180_000);
});
