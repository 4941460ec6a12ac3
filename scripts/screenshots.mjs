// `npm run screenshots`: PNGs of every watch page in the build, on the round 480 and the square
// 390×450 screen, and of each Settings App section, taken from the browser preview (the built
// bundles on the simulated runtime) in Debian's Chromium. Output: docs/screenshots/*.png.
//
//   node scripts/screenshots.mjs            build + package, then shoot
//   node scripts/screenshots.mjs --no-build shoot the current dist/device-js
//
// Pages are opened directly by their app.json path (no params), after the simulated clock has run
// 2 s so that ZML round trips over the fake link are done; the clock starts at the sim's fixed
// time, so the pictures only change when the app does.
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { build, ROOT } from './build.mjs';
import { packageApp } from './package.mjs';
import { bundlePreview } from '../preview/bundle.mjs';
import { launchChromium } from '../preview/chromium.mjs';
import { startPreviewServer } from '../preview/server.mjs';
import { THERAPIST_PAGE } from './therapist.mjs';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

// Functions passed to page.evaluate run in the browser.
/* global document, window, requestAnimationFrame */

const OUT = join(ROOT, 'docs', 'screenshots');
/** The packaged build to shoot (KNEAD_DEVICE_JS overrides, e.g. for a build made elsewhere). */
const DEVICE_JS = process.env.KNEAD_DEVICE_JS ?? join(ROOT, 'dist', 'device-js');
const WATCHES = [
  { profile: 'balance-3.7', shape: 'round', group: 'round-480x480' },
  { profile: 'gts4-3.6', shape: 'square', group: 'square-390x450' },
];
const SETTLE_MS = 2000;
/** The built-in routine the session scenes start (its English name on the watch). */
const ROUTINE = 'Desk reset';

const slug = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'section';

/** Short page name: 'page/home/index.page' → 'home'. */
const pageName = (path) => path.replace(/^page\//, '').replace(/\/index\.page$/, '').replace(/[^a-z0-9]+/gi, '-');

async function openPreview(context, url, query) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}?${new URLSearchParams({ start: 'default', speed: '0', ...query })}`);
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 30_000 }).catch(() => {
    throw new Error(`the preview did not start (${JSON.stringify(query)}): ${errors.join('; ') || 'no page error'}`);
  });
  await page.evaluate((ms) => window.knead.advance(ms), SETTLE_MS);
  // Let the animation-frame render catch up with the sim.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page;
}

/** The watch screen alone, with transparent corners outside a round screen. */
async function shootWatch(page, path) {
  const style = await page.addStyleTag({ content: 'body,.watch-frame{background:transparent!important;border-color:transparent!important}' });
  await page.locator('[data-testid=watch-screen]').screenshot({ path, omitBackground: true });
  await style.evaluate((el) => el.remove());
}

const currentPage = (page) => page.locator('#page-name').innerText();

/** Taps the first visible clickable watch widget whose text contains `text`; false when none. */
async function tap(page, text) {
  const target = page.locator('[data-testid=watch-screen] .w.clickable:not([hidden])').filter({ hasText: text });
  if ((await target.count()) === 0) return false;
  await target.first().click();
  await page.evaluate(() => window.knead.settled());
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return true;
}

/**
 * Home → a routine → Before you start → Session (20 s in) → Check-in → Summary, one shot per page
 * reached. Returns the pages shot; a step that does not work is reported and the rest is skipped.
 */
async function sessionScenes(context, url, watch, pages, made, warnings) {
  const shot = new Set();
  const page = await openPreview(context, url, { profile: watch.profile });
  const snap = async (path) => {
    // The simulator's router.push keeps the previous page's widgets on screen (reported); a page
    // reached by push is reopened on its own, with the same params, so the picture shows it alone.
    await page.evaluate(async () => {
      const device = window.knead.sim.device;
      const here = device.currentPage();
      if (here !== null && device.pageStack().length > 1) await window.knead.relaunch(here.path, here.params);
    });
    await page.evaluate((ms) => window.knead.advance(ms), 500);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const file = `watch-${watch.shape}-${pageName(path)}.png`;
    await shootWatch(page, join(OUT, file));
    made.push(file);
    shot.add(path);
  };
  const steps = [
    { page: 'page/before/index.page', go: () => tap(page, ROUTINE) },
    { page: 'page/session/index.page', go: () => tap(page, 'Start'), then: () => page.evaluate(() => window.knead.advance(25_000)) },
    { page: 'page/checkin/index.page', go: () => page.evaluate(() => window.knead.advance(20 * 60_000)).then(() => true) },
    { page: 'page/summary/index.page', go: () => tap(page, 'Save') },
  ];
  try {
    for (const step of steps) {
      if (!pages.includes(step.page)) break;
      if (!(await step.go())) {
        warnings.push(`${watch.shape}: could not reach ${step.page} from ${await currentPage(page)}; shot it opened directly`);
        break;
      }
      await step.then?.();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      if ((await currentPage(page)) !== step.page) {
        warnings.push(`${watch.shape}: expected ${step.page}, the app is on ${await currentPage(page)}; shot it opened directly`);
        break;
      }
      await snap(step.page);
    }
    if (shot.has('page/summary/index.page') && watch.shape === 'round') {
      // The whole preview after a routine: the haptic list shows every cue it gave.
      await page.screenshot({ path: join(OUT, 'preview-after-session.png') });
      made.push('preview-after-session.png');
    }
    for (const problem of await simProblems(page)) warnings.push(`${watch.shape} session scenes: ${problem}`);
  } finally {
    await page.close();
  }
  return shot;
}

async function simProblems(page) {
  return page.evaluate(() => window.knead.sim.unexpectedErrors().map((e) => `${e.realm} ${e.kind}: ${e.message}`));
}

/** The seeded phone storage, from core and the report fixtures (TypeScript, bundled on the fly). */
async function phoneSeed() {
  const out = await esbuild.build({ entryPoints: [join(ROOT, 'scripts', 'phone-seed.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return module.phoneSeed();
}

/** Fills the therapist page the way a therapist would, shoots it and returns the code it shows. */
async function shootTherapistPage(context, path) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(pathToFileURL(THERAPIST_PAGE).href);
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  await page.locator('#target').fill('3');
  await page.locator('[data-area=neck][data-field=role]').selectOption('focus');
  await page.locator('[data-area=neck][data-field=tool]').selectOption('hands');
  await page.locator('[data-area=neck][data-field=technique]').fill('Light strokes, never on the front of the neck');
  await page.locator('[data-area=upper-trapezius][data-field=tool]').selectOption('massage-ball');
  await page.locator('[data-area=upper-trapezius][data-field=technique]').fill('Hold tender spots 20 s, breathe out');
  await page.locator('[data-area=lower-back][data-field=role]').selectOption('avoid');
  await page.locator('[data-assign=desk-reset]').check();
  await page.locator('#add-routine').click();
  const routine = page.locator('#routines .routine').first();
  await routine.locator('[data-field=name]').fill('Neck after work');
  const first = routine.locator('tr.step').first();
  await first.locator('[data-field=seconds]').fill('90');
  await first.locator('[data-field=hint]').fill('Slow circles below the skull');
  await routine.locator('.add-step').click();
  const second = routine.locator('tr.step').nth(1);
  await second.locator('[data-field=area]').selectOption('upper-trapezius');
  await second.locator('[data-field=side]').selectOption('left');
  await second.locator('[data-field=tool]').selectOption('massage-ball');
  await page.locator('#note').fill('Right shoulder is tighter: give it a little more time. See you in three weeks.');
  await page.locator('#make-code').click();
  const code = await page.locator('#code').inputValue();
  if (!code.startsWith('KNEAD1.')) throw new Error('the therapist page made no code');
  await page.screenshot({ path, fullPage: true });
  await page.close();
  return code;
}

export async function takeScreenshots({ log = console.log } = {}) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await bundlePreview({ log: () => undefined });
  const server = await startPreviewServer({ port: 0, deviceJsDir: DEVICE_JS });
  const chromium = await launchChromium();
  const made = [];
  const warnings = [];
  try {
    const { context } = chromium;
    // Whole preview, as a newcomer sees it.
    const overview = await openPreview(context, server.url, { profile: WATCHES[0].profile });
    await overview.screenshot({ path: join(OUT, 'preview.png') });
    made.push('preview.png');
    await overview.close();

    for (const watch of WATCHES) {
      const appJson = JSON.parse(readFileSync(join(DEVICE_JS, watch.group, 'device', 'app.json'), 'utf8'));
      const pages = appJson.module?.page?.pages ?? [];
      // Pages that need a session to show anything are reached the way a person does.
      const scened = await sessionScenes(context, server.url, watch, pages, made, warnings);
      for (const path of pages) {
        if (scened.has(path)) continue;
        const page = await openPreview(context, server.url, { profile: watch.profile, page: path });
        const file = `watch-${watch.shape}-${pageName(path)}.png`;
        await shootWatch(page, join(OUT, file));
        made.push(file);
        for (const problem of await simProblems(page)) warnings.push(`${file}: ${problem}`);
        await page.close();
      }
    }

    // Each Settings App section on its own, with the phone frame tall enough to show it whole,
    // over four weeks of history (scripts/phone-seed.ts) so the report has something to say.
    const seed = await phoneSeed();
    const phone = await openPreview(context, server.url, { profile: WATCHES[0].profile, start: String(seed.now) });
    await phone.evaluate((storage) => {
      for (const [key, value] of Object.entries(storage)) window.knead.sim.side.settingsStorage.setItem(key, value);
    }, seed.storage);
    await phone.evaluate(() => window.knead.settled());
    await phone.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await phone.setViewportSize({ width: 1440, height: 4000 });
    await phone.addStyleTag({ content: '.phone-frame{height:auto!important}.phone-screen{height:auto!important;overflow:visible!important}' });
    const sections = phone.locator('[data-testid=phone-screen] section.ps-section');
    const count = await sections.count();
    const titles = new Map();
    for (let i = 0; i < count; i++) {
      const section = sections.nth(i);
      const title = (await section.locator('h2').first().innerText().catch(() => '')) || `section-${i + 1}`;
      const base = slug(title);
      const n = (titles.get(base) ?? 0) + 1;
      titles.set(base, n);
      const file = `phone-${String(i + 1).padStart(2, '0')}-${base}${n > 1 ? `-${n}` : ''}.png`;
      await section.screenshot({ path: join(OUT, file) });
      made.push(file);
    }
    if (count === 0) {
      await phone.locator('[data-testid=phone-screen]').screenshot({ path: join(OUT, 'phone.png') });
      made.push('phone.png');
    }
    for (const problem of await simProblems(phone)) warnings.push(`phone: ${problem}`);
    await phone.close();

    // The therapist loop: the therapist page with a plan and its code, then the code pasted in
    // the Settings App (what changes, Accept / Decline) and a damaged code refused.
    const code = await shootTherapistPage(context, join(OUT, 'therapist-page.png'));
    made.push('therapist-page.png');
    const paste = await openPreview(context, server.url, { profile: WATCHES[0].profile });
    await paste.setViewportSize({ width: 1440, height: 4000 });
    await paste.addStyleTag({ content: '.phone-frame{height:auto!important}.phone-screen{height:auto!important;overflow:visible!important}' });
    const section = paste.locator('[data-testid=phone-screen] section.ps-section').filter({ hasText: 'Paste a plan code' });
    const box = () => section.locator('textarea').first();
    const damaged = code.slice(0, 40) + (code[40] === 'x' ? 'y' : 'x') + code.slice(41);
    await box().fill(damaged);
    await box().blur();
    await paste.waitForFunction(() => document.body.innerText.includes('This code cannot be used'));
    await section.screenshot({ path: join(OUT, 'phone-paste-refused.png') });
    made.push('phone-paste-refused.png');
    await box().fill(code);
    await box().blur();
    await paste.waitForFunction(() => document.body.innerText.includes('Accepting this code changes'));
    await section.screenshot({ path: join(OUT, 'phone-paste-changes.png') });
    made.push('phone-paste-changes.png');
    await paste.close();
  } finally {
    await chromium.close();
    await server.close();
  }
  log(`wrote ${made.length} screenshots to ${OUT}:\n  ${readdirSync(OUT).sort().join('\n  ')}`);
  for (const warning of warnings) log(`warning: ${warning}`);
  return { made, warnings };
}

try {
  if (!process.argv.includes('--no-build')) {
    await build();
    packageApp();
  }
  await takeScreenshots();
} catch (error) {
  console.error(`screenshots failed: ${error.message}`);
  process.exit(1);
}
