// The browser preview (docs/design.md §7) in Debian's Chromium: the built watch and phone bundles on the
// simulated Zepp OS runtime, the device switch, the clock, the phone link and the haptic indicator.
// Needs `npm run build && npm run package` first (npm test does that) and /usr/bin/chromium.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hapticPattern } from '../../core/engine/haptics';
import { advance, builtPages, cues, phoneText, POLL, simErrors, startPreview, waitForPage, waitForWatchText, type PreviewSession } from './helpers';

let preview: PreviewSession;

beforeAll(async () => {
  preview = await startPreview();
});

afterAll(async () => {
  await preview?.close();
});

async function clockMs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { knead: { sim: { clock: { now(): number } } } }).knead.sim.clock.now());
}

describe('server', () => {
  test('server - serves the page, the bundle and the built device files, nothing else', async () => {
    const page = await fetch(preview.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/preview/main.js');
    expect((await fetch(`${preview.url}preview/main.js`)).status).toBe(200);
    const index = (await (await fetch(`${preview.url}device-js/round-480x480/files.json`)).json()) as { files: string[] };
    expect(index.files).toContain('device/app.js');
    expect(index.files).toContain('side/app-side.js');
    expect(index.files).toContain('side/setting.js');
    expect((await fetch(`${preview.url}device-js/round-480x480/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${preview.url}preview/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${preview.url}package.json`)).status).toBe(404);
  });
});

describe('watch', () => {
  test('watch - the built Home page renders on the round 480 screen and reaches the phone over the fake link', async () => {
    const page = await preview.open({ speed: '10' });
    await expect.poll(() => page.locator('#page-name').innerText(), POLL).toBe('page/home/index.page');
    await waitForWatchText(page, 'Knead');
    // The Home page asks the side service over ZML; the answer crossed the simulated BLE link.
    await waitForWatchText(page, 'Phone connected');
    const screen = await page.locator('[data-testid=watch-screen]').boundingBox();
    expect(screen?.width).toBe(480);
    expect(screen?.height).toBe(480);
    expect(await page.locator('[data-testid=watch-screen]').evaluate((el) => getComputedStyle(el).borderRadius)).toBe('50%');
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });

  test('watch - the shape switch shows the square 390×450 build on a GTS 4 (API 3.6)', async () => {
    const page = await preview.open();
    await page.getByRole('button', { name: 'Square 390×450' }).click();
    await page.waitForFunction(() => document.body.dataset.profile === 'gts4-3.6' && document.body.dataset.ready === '1');
    await expect.poll(() => page.locator('#device-info').innerText(), POLL).toContain('GTS 4 · API 3.6 · square 390×450');
    const screen = await page.locator('[data-testid=watch-screen]').boundingBox();
    expect([screen?.width, screen?.height]).toEqual([390, 450]);
    await waitForWatchText(page, 'Knead');
    await page.getByRole('button', { name: 'Round 480' }).click();
    await page.waitForFunction(() => document.body.dataset.profile === 'balance-3.7' && document.body.dataset.ready === '1');
    await waitForWatchText(page, 'Knead');
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });

  test('watch - the device selector lists the supported watches with their API level', async () => {
    const page = await preview.open({ profile: 'bip6-4.2' });
    const labels = await page.locator('#profile option').allInnerTexts();
    for (const expected of ['Balance · API 3.7', 'T-Rex 3 · API 4.0', 'GTS 4 · API 3.6', 'Bip 6 · API 4.2']) {
      expect(labels.some((l) => l.startsWith(expected))).toBe(true);
    }
    expect(await page.locator('#profile').inputValue()).toBe('bip6-4.2');
    await expect.poll(() => page.locator('#device-info').innerText(), POLL).toContain('Bip 6 · API 4.2');
    await page.locator('#profile').selectOption('trex3-4.0');
    await page.waitForFunction(() => document.body.dataset.profile === 'trex3-4.0' && document.body.dataset.ready === '1');
    await waitForWatchText(page, 'Knead');
    await page.close();
  });
});

describe('watch pages', () => {
  test('scroll - a routine low on Home opens Before-you-start at its top, Start in view', async () => {
    const page = await preview.open({ speed: '0' });
    await waitForWatchText(page, 'Between appointments');
    const screen = page.locator('[data-testid=watch-screen]');
    await screen.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    expect(await screen.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.locator('[data-testid=watch-screen] .w.clickable', { hasText: 'Between appointments' }).first().click();
    await waitForPage(page, 'before');
    await expect.poll(() => screen.evaluate((el) => el.scrollTop), POLL).toBe(0);
    const start = page.locator('[data-testid=watch-screen] .w.clickable', { hasText: /^\s*Start\s*$/ }).first();
    const box = await start.boundingBox();
    const view = await screen.boundingBox();
    expect(box !== null && view !== null && box.y >= view.y && box.y + box.height <= view.y + view.height).toBe(true);
    await page.close();
  });

  test('watch pages - the build has the seven pages of docs/design.md §2, on both screen groups', () => {
    const design = ['home', 'before', 'session', 'checkin', 'summary', 'history', 'settings'].map((name) => `page/${name}/index.page`);
    for (const group of ['round-480x480', 'square-390x450']) expect(builtPages(group)).toEqual(expect.arrayContaining(design));
  });

  test('watch pages - every page in the build opens on the round and the square screen without runtime errors', async () => {
    for (const { profile, group } of [
      { profile: 'balance-3.7', group: 'round-480x480' },
      { profile: 'gts4-3.6', group: 'square-390x450' },
    ]) {
      const pages = builtPages(group);
      expect(pages.length).toBeGreaterThan(0);
      const page = await preview.open({ speed: '0', profile });
      for (const path of pages) {
        await page.evaluate((p) => (window as unknown as { knead: { relaunch(page: string): Promise<void> } }).knead.relaunch(p), path);
        await advance(page, 2_000);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const shown = await page.locator('[data-testid=watch-screen] .w:not([hidden])').count();
        expect(shown, `${profile} ${path} drew nothing`).toBeGreaterThan(0);
        expect(await simErrors(page), `${profile} ${path}`).toEqual([]);
      }
      await page.close();
    }
  });
});

describe('phone', () => {
  test('phone - the built Settings App renders beside the watch: every section, button and input it built', async () => {
    const page = await preview.open();
    const built = await page.evaluate(() => {
      type Node = { type: string; attrs: Record<string, unknown>; children: Array<Node | string> };
      const sim = (window as unknown as { knead: { sim: { side: { settingsTree(): Node | null } } } }).knead.sim;
      const out: Array<{ type: string; label: string }> = [];
      const walk = (n: Node | string) => {
        if (typeof n === 'string') return;
        const label = [n.attrs.title, n.attrs.label].find((v) => typeof v === 'string' && v !== '') as string | undefined;
        if (['Section', 'Button', 'TextInput', 'Toggle', 'Select', 'Slider'].includes(n.type) && label !== undefined) out.push({ type: n.type, label });
        n.children.forEach(walk);
      };
      const tree = sim.side.settingsTree();
      if (tree !== null) walk(tree);
      return out;
    });
    expect(built.length).toBeGreaterThan(0);
    const shown = await phoneText(page);
    for (const node of built) expect(shown, `${node.type} "${node.label}"`).toContain(node.label);
    expect(await page.locator('[data-testid=phone-screen] [data-component=Section]').count()).toBe(built.filter((n) => n.type === 'Section').length);
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('phone controls', () => {
  test('phone - a Toggle and a Select call the Settings App, which stores the change and re-renders', async () => {
    const page = await preview.open({ speed: '0' });
    const storage = () => page.evaluate(() => JSON.stringify((window as unknown as { knead: { sim: { side: { settingsStorage: { toObject(): unknown } } } } }).knead.sim.side.settingsStorage.toObject()));
    const toggle = page.locator('[data-testid=phone-screen] [data-component=Toggle] input').first();
    await expect.poll(() => toggle.count(), POLL).toBe(1);
    const before = await storage();
    const was = await toggle.isChecked();
    await toggle.click();
    await expect.poll(() => page.locator('[data-testid=phone-screen] [data-component=Toggle] input').first().isChecked(), POLL).toBe(!was);
    const afterToggle = await storage();
    expect(afterToggle).not.toBe(before);
    const select = page.locator('[data-testid=phone-screen] [data-component=Select] select').first();
    const options = await select.locator('option').allInnerTexts();
    const current = await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    const other = options.find((o) => o !== current);
    expect(other).toBeDefined();
    await select.selectOption({ label: other ?? '' });
    await expect.poll(() => page.locator('[data-testid=phone-screen] [data-component=Select] select').first().evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent), POLL).toBe(other);
    expect(await storage()).not.toBe(afterToggle);
    expect(await simErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('controls', () => {
  test('clock - pause stops the simulated clock, 60× runs it, +1 min jumps exactly a minute', async () => {
    // No rate is measured against the wall clock (the machine is shared and frames come late):
    // paused, the clock does not move; +1 min is exact; at 60× it gets a simulated minute ahead.
    const page = await preview.open({ speed: '0' });
    const start = await clockMs(page);
    await page.waitForTimeout(300);
    expect(await clockMs(page)).toBe(start);
    await page.getByRole('button', { name: '+1 min' }).click();
    await expect.poll(() => clockMs(page), POLL).toBe(start + 60_000);
    await page.getByRole('button', { name: '60×' }).click();
    expect(await page.getByRole('button', { name: '60×' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => clockMs(page), POLL).toBeGreaterThanOrEqual(start + 2 * 60_000);
    await page.getByRole('button', { name: 'pause' }).click();
    await page.evaluate(() => (window as unknown as { knead: { settled(): Promise<void> } }).knead.settled());
    const paused = await clockMs(page);
    await page.waitForTimeout(300);
    expect(await clockMs(page)).toBe(paused);
    await expect.poll(() => page.locator('#clock').innerText(), POLL).toMatch(/^2026-03-02 \d\d:\d\d:\d\d$/);
    await page.close();
  });

  test('phone link - cut: Home says "Phone not connected" at once and after a relaunch; healed: it connects again', async () => {
    const page = await preview.open({ speed: '60' });
    await waitForWatchText(page, 'Phone connected');
    await page.getByLabel('Phone connected').uncheck();
    await expect.poll(() => page.locator('#link-state').innerText(), POLL).toBe('disconnected');
    // The link event itself changes the line: no relaunch, no retry timer.
    await waitForWatchText(page, 'Phone not connected');
    await page.getByRole('button', { name: 'Relaunch app' }).click();
    await waitForWatchText(page, 'Phone not connected', 20_000);
    await page.getByLabel('Phone connected').check();
    await expect.poll(() => page.locator('#link-state').innerText(), POLL).toBe('connected');
    await page.getByRole('button', { name: 'Relaunch app' }).click();
    await waitForWatchText(page, 'Phone connected');
    await page.close();
  });
});

describe('haptics', () => {
  test('haptic indicator - shows each Vibrator.start() the watch makes as named pulses, in order', async () => {
    const page = await preview.open({ speed: '0' });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.getByLabel('Sound').check();
    // Drive the simulated @zos/sensor Vibrator inside the watch app's own realm, as a page would.
    const sequences = (['lead-in-over', 'next-area', 'done'] as const).map((cue) => hapticPattern(cue, 'standard').scene);
    await page.evaluate((scenes) => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[data-realm=device]');
      const realm = frame?.contentWindow as unknown as { __$$R$$__(name: string): { Vibrator: new () => { getType(): Record<string, number>; start(a: unknown): void; stop(): void } } };
      const vibrator = new (realm.__$$R$$__('@zos/sensor').Vibrator)();
      const types = vibrator.getType();
      for (const scene of scenes) {
        vibrator.stop();
        vibrator.start(scene.map((s) => ({ type: types[s.type], duration: s.duration })));
      }
    }, sequences);
    await expect.poll(() => cues(page), POLL).toEqual(['lead-in-over', 'next-area', 'done']);
    const done = page.locator('[data-testid=haptics] li.buzz').first();
    await expect.poll(() => done.innerText(), POLL).toContain('routine done');
    expect(await done.locator('rect.pulse').count()).toBe(4);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

test('preview - a 10-minute clock jump runs every timer on the way and the page keeps up', async () => {
  const page = await preview.open({ speed: '0' });
  await advance(page, 10 * 60_000);
  expect(await clockMs(page)).toBe(Date.UTC(2026, 2, 2, 9, 10, 0));
  await expect.poll(() => page.locator('#clock').innerText(), POLL).toMatch(/:\d\d:00$/);
  await waitForWatchText(page, 'Phone connected');
  expect(await simErrors(page)).toEqual([]);
  await page.close();
});
