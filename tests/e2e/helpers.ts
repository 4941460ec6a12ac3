// Browser end-to-end helpers: bundle the preview, serve it on a free loopback port, open it in
// Debian's Chromium (playwright-core, never a downloaded browser), and read the watch / phone /
// haptic views from the DOM the way a person sees them.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { bundlePreview } from '../../preview/bundle.mjs';
import { launchChromium } from '../../preview/chromium.mjs';
import { startPreviewServer } from '../../preview/server.mjs';

export interface PreviewSession {
  readonly url: string;
  readonly context: BrowserContext;
  /** Opens the preview (query: profile, speed, start, lang, page, connected) and waits until the sim runs. */
  open(query?: Record<string, string>): Promise<Page>;
  close(): Promise<void>;
}

/** expect.poll options: the browser and the simulation share a loaded machine with other suites. */
export const POLL = { timeout: 15_000, interval: 50 } as const;

/**
 * One bundle per test process, in its own temporary folder: test files run in parallel workers and
 * must not rewrite build/preview under each other's server.
 */
let bundled: Promise<string> | null = null;

/** The packaged build the preview serves: KNEAD_DEVICE_JS, or dist/device-js. */
export function deviceJsDir(): string {
  return process.env.KNEAD_DEVICE_JS ?? join(import.meta.dirname, '..', '..', 'dist', 'device-js');
}

/** Page paths listed in the built app.json of one group ('round-480x480'…). */
export function builtPages(group: string): string[] {
  const appJson = JSON.parse(readFileSync(join(deviceJsDir(), group, 'device', 'app.json'), 'utf8')) as { module?: { page?: { pages?: string[] } } };
  return appJson.module?.page?.pages ?? [];
}

export async function startPreview(): Promise<PreviewSession> {
  bundled ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'knead-preview-'));
    await bundlePreview({ outDir, log: () => undefined });
    return outDir;
  })();
  const previewDir = await bundled;
  // KNEAD_DEVICE_JS points the server at another packaged build (default: dist/device-js).
  const server = await startPreviewServer({ port: 0, previewDir, deviceJsDir: deviceJsDir() });
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  try {
    chromium = await launchChromium();
  } catch (error) {
    await server.close();
    bundled = null;
    rmSync(previewDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    context: chromium.context,
    async open(query = {}) {
      const page = await chromium.context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      const params = new URLSearchParams({ start: 'default', ...query });
      await page.goto(`${server.url}?${params.toString()}`);
      try {
        await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 30_000 });
      } catch (error) {
        const status = await page.locator('#status').innerText().catch(() => '');
        throw new Error(`the preview did not start: ${status || String(error)}; page errors: ${problems.join('; ') || 'none'}`);
      }
      return page;
    },
    async close() {
      await chromium.close();
      await server.close();
      bundled = null;
      rmSync(previewDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the watch shows the page `name` ('home', 'before', 'session'…). */
export async function waitForPage(page: Page, name: string, timeout = 15_000): Promise<void> {
  const path = `page/${name}/index.page`;
  try {
    await page.waitForFunction((p) => document.querySelector('#page-name')?.textContent === p, path, { timeout });
  } catch {
    throw new Error(`the watch never showed ${path}; it is on ${await page.locator('#page-name').innerText()} showing ${JSON.stringify(await watchTexts(page))}`);
  }
}

/** Visible texts of the watch screen, top to bottom. */
export async function watchTexts(page: Page): Promise<string[]> {
  return page.locator('[data-testid=watch-screen] .w:not([hidden])').evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).dataset.text !== '')
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((el) => (el as HTMLElement).dataset.text ?? ''),
  );
}

/** Waits until some visible watch widget's text contains `text`. */
export async function waitForWatchText(page: Page, text: string, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(
      (t) => [...document.querySelectorAll<HTMLElement>('[data-testid=watch-screen] .w:not([hidden])')].some((el) => (el.dataset.text ?? '').includes(t)),
      text,
      { timeout },
    );
  } catch {
    throw new Error(`the watch never showed "${text}"; it shows: ${JSON.stringify(await watchTexts(page))} on ${await page.locator('#page-name').innerText()}`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Taps the clickable watch widget whose text is `text` — the whole text if one matches ("Halfway"
 * the cue, not "Halfway tick: on"), else the first that contains it. A page taller than the
 * screen scrolls, and the click scrolls the widget into view first.
 */
export async function tapWatch(page: Page, text: string, { timeout = 15_000 } = {}): Promise<void> {
  const clickable = (t: string | RegExp) => page.locator('[data-testid=watch-screen] .w.clickable:not([hidden])').filter({ hasText: t });
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const exact = clickable(new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`));
    const target = (await exact.count()) > 0 ? exact : clickable(text);
    if ((await target.count()) > 0) {
      await target.first().click();
      return;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`nothing to tap with "${text}" on the watch; it shows: ${JSON.stringify(await watchTexts(page))} on ${await page.locator('#page-name').innerText()}`);
}

/**
 * Holds the watch control showing `text` (Stop, Pain) for the long press: the pointer goes down,
 * the simulated clock runs 700 ms (the BUTTON long press of the Zepp OS docs), the pointer lifts.
 */
export async function holdWatch(page: Page, text: string): Promise<void> {
  const target = page.locator('[data-testid=watch-screen] .w.clickable:not([hidden])').filter({ hasText: text }).first();
  await target.waitFor({ timeout: 15_000 });
  await target.hover();
  await page.mouse.down();
  await advance(page, 700);
  await page.mouse.up();
}

/** Waits until `text` shows anywhere on the watch page (scrolled out of view counts). */
export async function seeOnWatch(page: Page, text: string, { timeout = 15_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeout;
  const shows = () =>
    page.evaluate(
      (t) => [...document.querySelectorAll<HTMLElement>('[data-testid=watch-screen] .w:not([hidden])')].some((el) => (el.dataset.text ?? '').includes(t)),
      text,
    );
  while (Date.now() < deadline) {
    if (await shows()) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the watch never showed "${text}"; it shows: ${JSON.stringify(await watchTexts(page))} on ${await page.locator('#page-name').innerText()}`);
}

/** The cue names the haptic indicator shows, oldest first. */
export async function cues(page: Page): Promise<string[]> {
  const newestFirst = await page.locator('[data-testid=haptics] li.buzz').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.cue ?? ''));
  return newestFirst.reverse();
}

export async function phoneText(page: Page): Promise<string> {
  return page.locator('[data-testid=phone-screen]').innerText();
}

/** Unexpected errors the simulated runtimes reported (load errors, thrown callbacks, rejections). */
export async function simErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sim = (window as unknown as { knead: { sim: { unexpectedErrors(): Array<{ kind: string; realm: string; message: string }> } | null } }).knead.sim;
    return sim === null ? ['no simulation'] : sim.unexpectedErrors().map((e) => `${e.realm} ${e.kind}: ${e.message}`);
  });
}

/** Moves the simulated clock forward by `ms` at once (what the "+1 min" button does, any amount). */
export async function advance(page: Page, ms: number): Promise<void> {
  await page.evaluate((n) => (window as unknown as { knead: { advance(ms: number): Promise<void> } }).knead.advance(n), ms);
}
