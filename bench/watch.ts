// Watch rows: what each page costs on the watch, beside the least any ZML app can cost.
// - Size: the bytecode each page and app.js ship as in the real .zab (what the watch stores and
//   loads), and the non-bytecode JS of the same build, against ZML's own page / app runtime, which
//   every ZML page / app carries whatever it does. app.js carries the modules the pages share
//   (scripts/shared.mjs): its row is the price of that library, paid once per launch.
// - Targets (issue 15): the largest page's bytecode against a bare page compiled by the same qjsc
//   in this run (target ≤ 40 KB), and the device code each .zpk carries compressed (every .bin,
//   deflated as zpm zips it) against a bare ZML app (BaseApp only) with as many bare pages
//   (target ≤ 120 KB).
// - QuickJS time, against a baseline holding none of Knead's code: a bare ZML app.js (BaseApp
//   only, built and wrapped here the way zpm wraps app.js) + a bare page (same wrapper, one TEXT
//   widget, no ZML, no core), evaluated by the same harness in the same run. Rows: a cold launch
//   (app.js + the page's build()) of Home (target ≤ 1.5×), Session and Summary; Knead's app.js
//   with the bare page (what the shared library costs at launch); and Session opened inside the
//   running app after Home, against the bare page opened after Home. Median of several runs after
//   a warm-up (the first QuickJS context is slow), Knead's and the baseline's runs interleaved.
//   A launch is timed from inside the check in the process's CPU ms (the wall clock of this shared
//   machine jumps by whole milliseconds), without the simulator's own setup (creating the
//   simulated watch, which no watch does), and each file's compile apart from its run: these rows evaluate JS source, while the watch loads the bytecode zpm compiled, so the
//   target is judged on the running-only row (loading bytecode is not measured: this harness
//   cannot load qjsc's bytecode).
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { checkWithQuickJs, runQuickJsScenario } from '../sim/quickjs/index';
import type { CheckTiming } from '../sim/quickjs/index';
import { compileWithQjsc } from '../scripts/qjsc.mjs';
import { readZab } from '../scripts/zab.mjs';
import { ratioOf } from './table';
import type { BenchRow } from './table';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const GROUP = 'round-480x480';
const PROFILE = 'balance-3.7';
const RUNS = 7;

const BARE_PAGE = `try {
  ((() => {
    const {beforeModuleCreate = () => {}, afterModuleCreate = () => {}} = DeviceRuntimeCore.LifeCycle;
    beforeModuleCreate();
    const {beforePageCreate = () => {}, afterPageCreate = () => {}} = DeviceRuntimeCore.LifeCycle;
    beforePageCreate();
    const __$$G$$__ = __$$hmAppManager$$__.currentApp.current.__globals__.__$$G$$__;
    !function (context) {
      with (context) {
        const ui = __$$R$$__('@zos/ui');
        __$$module$$__.module = Page({
          build() {
            ui.createWidget(ui.widget.TEXT, { x: 110, y: 200, w: 260, h: 80, text: '0:40', text_size: 64, color: 0xffffff });
          }
        });
      }
    }.bind(__$$G$$__)(__$$G$$__);
    afterPageCreate();
    afterModuleCreate();
  })());
} catch (e) {
  console.log('Mini Program Error', e);
}
`;

const BARE_APP_SOURCE = "import { BaseApp } from '@zeppos/zml/base-app';\nApp(BaseApp({ globalData: { messaging: null } }));\n";

let bareAppJs: string | null = null;

/**
 * A ZML app that does nothing of its own (BaseApp only, what every ZML app carries): bundled
 * and minified as scripts/build.mjs does, then wrapped the way zpm wraps app.js.
 */
export async function bareZmlApp(): Promise<string> {
  if (bareAppJs !== null) return bareAppJs;
  const bundle = await rollup({
    input: 'bare-app',
    external: (id) => id.startsWith('@zos/'),
    plugins: [
      { name: 'bare-app', resolveId: (id) => (id === 'bare-app' ? id : null), load: (id) => (id === 'bare-app' ? BARE_APP_SOURCE : null) },
      nodeResolve({ exportConditions: ['default', 'module', 'import'] }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunk = output[0];
  if (chunk.imports.length > 0) throw new Error(`the bare ZML app imports ${chunk.imports.join(', ')}: wrap them like zpm does`);
  const { code } = await transform(chunk.code, { minify: true, target: 'es2020', format: 'esm' });
  bareAppJs = `try {
  ((() => {
    const {beforeAppCreate = () => {}, afterAppCreate = () => {}} = DeviceRuntimeCore.LifeCycle;
    beforeAppCreate();
    const __$$G$$__ = __$$hmAppManager$$__.currentApp.__globals__.__$$G$$__;
    !function (context) {
      with (context) {
        const __$$RQR$$__ = __$$R$$__;
${code}
      }
    }.bind(__$$G$$__)(__$$G$$__);
    afterAppCreate();
  })());
} catch (e) {
  console.log('Mini Program Error', e);
}
`;
  return bareAppJs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function zmlBytes(file: string): number {
  return statSync(join(ROOT, 'node_modules', '@zeppos', 'zml', 'dist', file)).size;
}

/** `js` compiled the way zpm compiles every page and app.js (scripts/qjsc.mjs). */
function compiled(js: string): Uint8Array {
  return compileWithQjsc(js, 'bare.js') as Uint8Array;
}

/** Bytes after deflate at level 6, what zpm's zip (JSZip, DEFLATE level 6) stores. */
function deflated(bytes: Uint8Array): number {
  return deflateRawSync(bytes, { level: 6 }).byteLength;
}

async function targetRows(device: Readonly<Record<string, Uint8Array>>): Promise<BenchRow[]> {
  const bare = compiled(BARE_PAGE);
  const bareApp = compiled(await bareZmlApp());
  const bins = Object.entries(device).filter(([name]) => name.endsWith('.bin'));
  const pages = bins.filter(([name]) => name.startsWith('page/'));
  const largest = pages.reduce<[string, number]>((best, [name, b]) => (b.byteLength > best[1] ? [name, b.byteLength] : best), ['', 0]);
  const code = bins.reduce((sum, [, b]) => sum + deflated(b), 0);
  const app = device['app.bin']?.byteLength ?? 0;
  const bareCode = deflated(bareApp) + pages.length * deflated(bare);
  const group = 'watch size target';
  return [
    { group, metric: `largest page bytecode (${largest[0].replace(/^page\/|\/index\.page\.bin$/g, '')})`, knead: largest[1], baseline: bare.byteLength, ratio: ratioOf(largest[1], bare.byteLength), unit: 'bytes', note: `target ≤ 40960 (${ratioOf(largest[1], 40960)} of it); baseline: bare page, same qjsc` },
    { group, metric: 'app.bin bytecode (the modules pages share)', knead: app, baseline: bareApp.byteLength, ratio: ratioOf(app, bareApp.byteLength), unit: 'bytes', note: 'loaded once per launch, not a page; baseline: bare ZML app (BaseApp only), same qjsc' },
    { group, metric: 'device code per .zpk, compressed', knead: code, baseline: bareCode, ratio: ratioOf(code, bareCode), unit: 'bytes', note: `target ≤ 122880 (${ratioOf(code, 122880)} of it); baseline: bare ZML app + ${pages.length} bare pages` },
  ];
}

async function sizeRows(): Promise<BenchRow[]> {
  const zab = readdirSync(DIST).find((f) => f.endsWith('.zab'));
  if (zab === undefined) return [];
  const group = readZab(join(DIST, zab)).groups.find((g) => `${g.shape}-${g.screen}` === GROUP);
  const jsDir = join(DIST, 'device-js', GROUP, 'device');
  if (group === undefined || !existsSync(jsDir)) return [];
  const pages = readdirSync(join(jsDir, 'page')).filter((d) => statSync(join(jsDir, 'page', d)).isDirectory());
  const rows: BenchRow[] = [];
  const entries = [{ name: 'app', bin: 'app.bin', js: 'app.js', baseline: zmlBytes('zml-app.js') }].concat(
    pages.map((p) => ({ name: `page ${p}`, bin: `page/${p}/index.page.bin`, js: `page/${p}/index.page.js`, baseline: zmlBytes('zml-page.js') })),
  );
  for (const entry of entries) {
    const bin = group.device[entry.bin];
    if (bin !== undefined) {
      rows.push({ group: 'watch size', metric: `${entry.name} (bytecode in .zab)`, knead: bin.byteLength, baseline: entry.baseline, ratio: ratioOf(bin.byteLength, entry.baseline), unit: 'bytes', note: 'baseline: ZML runtime source alone' });
    }
    const js = join(jsDir, entry.js);
    if (existsSync(js)) {
      const size = statSync(js).size;
      rows.push({ group: 'watch size', metric: `${entry.name} (device JS)`, knead: size, baseline: entry.baseline, ratio: ratioOf(size, entry.baseline), unit: 'bytes', note: 'round 480, --js2bin=false' });
    }
  }
  return rows.concat(await targetRows(group.device));
}

/**
 * A copy of the built group (in a temporary dist folder, which the caller removes) with one extra
 * page listed in app.json: the bare baseline, page/bare/index.page. With `app`, app.js replaced
 * by it (the bare ZML app, for a baseline holding none of Knead's code).
 */
export function copyWithBarePage(source: string = join(DIST, 'device-js', GROUP), app?: string): string {
  const dist = mkdtempSync(join(tmpdir(), 'knead-bench-'));
  const group = join(dist, GROUP);
  cpSync(source, group, { recursive: true });
  cpSync(join(group, 'device', 'page', 'home'), join(group, 'device', 'page', 'bare'), { recursive: true });
  writeFileSync(join(group, 'device', 'page', 'bare', 'index.page.js'), BARE_PAGE);
  if (app !== undefined) writeFileSync(join(group, 'device', 'app.js'), app);
  const appJsonPath = join(group, 'device', 'app.json');
  const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8')) as { module: { page: { pages: string[] } } };
  appJson.module.page.pages.push('page/bare/index.page');
  writeFileSync(appJsonPath, JSON.stringify(appJson));
  return dist;
}

/** A copy as copyWithBarePage's, its app.js the bare ZML app: the baseline holding no Knead code. */
export async function copyWithBareApp(source: string = join(DIST, 'device-js', GROUP)): Promise<string> {
  return copyWithBarePage(source, await bareZmlApp());
}

const BARE = 'page/bare/index.page';
const page = (name: string): string => `page/${name}/index.page`;

/** One launch's ms, from a timed check: the launch whole, its compiling, the rest (running). */
interface LaunchMs {
  /** app.js, App's onCreate, the page's module, onInit and build(), sources evaluated (compiled, then run). */
  readonly whole: number;
  /** Compiling app.js's and the page's source to bytecode: what the watch does not do at launch (zpm compiled them). */
  readonly compile: number;
  /** whole − compile, within the same launch: running the code, the simulated platform's calls included. */
  readonly run: number;
}

const launchMs = (timing: CheckTiming): LaunchMs => {
  const compile = timing.files.reduce((sum, f) => sum + f.compileMs, 0);
  return { whole: timing.launchMs, compile, run: timing.launchMs - compile };
};

/**
 * Medians of the cold launch (app.js + the page's build()) of the bare page under the bare app
 * and of each of `paths` under Knead's app, RUNS runs, the two interleaved in each run so that a
 * change of load on the machine hits both sides alike. Timed in CPU ms from inside the check: the
 * simulator's own setup (creating the simulated watch) is left out, and each file's compile is
 * timed apart from its run (sim/quickjs `timed`).
 */
async function coldLaunch(bare: string, knead: string, paths: readonly string[]): Promise<{ baseline: LaunchMs; knead: Map<string, LaunchMs>; setupMs: number }> {
  const times = new Map<string, LaunchMs[]>();
  const baseline: LaunchMs[] = [];
  const setup: number[] = [];
  const measure = async (dist: string, only: readonly string[]) => {
    const results = await checkWithQuickJs([PROFILE], dist, only, { timed: true });
    for (const result of results) if (!result.ok || result.timing === undefined) throw new Error(`QuickJS could not build ${result.path}: ${result.errors.join('; ')}`);
    return results.map((result) => {
      const timing = result.timing as CheckTiming;
      setup.push(timing.setupMs);
      return { path: result.path, ms: launchMs(timing) };
    });
  };
  await measure(bare, [BARE]); // warm-up
  await measure(knead, paths);
  for (let run = 0; run < RUNS; run += 1) {
    for (const result of await measure(bare, [BARE])) baseline.push(result.ms);
    for (const result of await measure(knead, paths)) times.set(result.path, (times.get(result.path) ?? []).concat([result.ms]));
  }
  const medians = (runs: readonly LaunchMs[]): LaunchMs => ({ whole: median(runs.map((r) => r.whole)), compile: median(runs.map((r) => r.compile)), run: median(runs.map((r) => r.run)) });
  return { baseline: medians(baseline), knead: new Map([...times].map(([path, runs]) => [path, medians(runs)])), setupMs: median(setup) };
}

/** ms to open `path` in the running app after Home (its onInit and build()), one run. */
async function openAfterHome(dist: string, path: string): Promise<number> {
  // The params the Before page hands Session (platform/router.ts swapTo): a routine to run.
  const result = await runQuickJsScenario(PROFILE, [{ launch: page('home') }, { advance: 1_000 }, { open: path, params: JSON.stringify({ routineId: 'desk-reset' }) }], dist);
  const last = result.samples[result.samples.length - 1];
  // The link is down in these runs: ZML's leftover rejection then is expected (docs/platform.md).
  const errors = result.samples.flatMap((s) => s.errors).filter((e) => !/^unhandled-rejection: ble disconnect \(code 2\)$/.test(e));
  if (last === undefined || last.page !== path || errors.length > 0) throw new Error(`QuickJS could not open ${path} after Home (on ${String(last?.page)}): ${errors.join('; ')}`);
  return last.stepMs;
}

/** Medians of RUNS runs (after a warm-up) of Session and of the bare page opened after Home, interleaved. */
async function openAfterHomeBoth(dist: string): Promise<{ session: number; bare: number }> {
  const session: number[] = [];
  const bare: number[] = [];
  await openAfterHome(dist, page('session'));
  await openAfterHome(dist, BARE);
  for (let run = 0; run < RUNS; run += 1) {
    session.push(await openAfterHome(dist, page('session')));
    bare.push(await openAfterHome(dist, BARE));
  }
  return { session: median(session), bare: median(bare) };
}

async function quickJsRows(): Promise<BenchRow[]> {
  const source = join(DIST, 'device-js', GROUP);
  if (!existsSync(source)) return [];
  const knead = copyWithBarePage(source);
  const bare = await copyWithBareApp(source);
  try {
    const { baseline, knead: cold, setupMs } = await coldLaunch(bare, knead, [BARE, page('home'), page('session'), page('summary')]);
    const group = 'watch QuickJS';
    const note = `CPU ms, median of ${RUNS}; baseline: bare ZML app.js (BaseApp only) + a bare one-TEXT page`;
    const rows: BenchRow[] = ['home', 'session', 'summary'].map((name) => {
      const ms = cold.get(page(name))?.whole ?? Number.NaN;
      return { group, metric: `cold launch: app.js + ${name} page build(), sources evaluated`, knead: ms, baseline: baseline.whole, ratio: ratioOf(ms, baseline.whole), unit: 'ms', note: `${note}; compiling included, the simulator's setup (${setupMs.toFixed(1)} ms) not${name === 'home' ? '; target ≤ 1.5× judged on the run-only row' : ''}` };
    });
    const app = cold.get(BARE) ?? { whole: Number.NaN, compile: Number.NaN, run: Number.NaN };
    rows.push({ group, metric: "Knead's app.js (shared modules) + bare page, sources evaluated", knead: app.whole, baseline: baseline.whole, ratio: ratioOf(app.whole, baseline.whole), unit: 'ms', note: `${note}: what evaluating the shared library adds to every launch` });
    // The watch loads bytecode zpm compiled at build time: it compiles nothing at launch. These rows
    // split each launch above into compiling (the watch never does it) and running (what it does,
    // besides loading the bytecode, whose cost this harness cannot measure).
    const home = cold.get(page('home')) ?? { whole: Number.NaN, compile: Number.NaN, run: Number.NaN };
    const split = `${note}; in each launch, each file's source compiled (wrapped in a function) then run, timed apart`;
    rows.push({ group, metric: 'cold launch: app.js + home page build(), compiling only', knead: home.compile, baseline: baseline.compile, ratio: ratioOf(home.compile, baseline.compile), unit: 'ms', note: `${split}: the watch does none of it (zpm compiles at build time)` });
    rows.push({ group, metric: 'cold launch: app.js + home page build(), running only', knead: home.run, baseline: baseline.run, ratio: ratioOf(home.run, baseline.run), unit: 'ms', note: `${split}: ${home.run.toFixed(2)} vs ${baseline.run.toFixed(2)} ms, the simulated platform's calls included; what the watch runs (plus loading the bytecode, not measured here); target ≤ 1.5×` });
    for (const name of ['session', 'summary']) {
      const ms = cold.get(page(name))?.run ?? Number.NaN;
      rows.push({ group, metric: `cold launch: app.js + ${name} page build(), running only`, knead: ms, baseline: baseline.run, ratio: ratioOf(ms, baseline.run), unit: 'ms', note: `${split}: ${ms.toFixed(2)} vs ${baseline.run.toFixed(2)} ms` });
    }
    rows.push({ group, metric: "Knead's app.js + bare page, running only", knead: app.run, baseline: baseline.run, ratio: ratioOf(app.run, baseline.run), unit: 'ms', note: `${split}: ${app.run.toFixed(2)} vs ${baseline.run.toFixed(2)} ms` });
    const { session, bare: barePage } = await openAfterHomeBoth(knead);
    rows.push({ group, metric: 'session page opened after Home (onInit + build)', knead: session, baseline: barePage, ratio: ratioOf(session, barePage), unit: 'ms', note: `median of ${RUNS}; baseline: the bare page opened after Home in the same running app` });
    return rows;
  } finally {
    rmSync(knead, { recursive: true, force: true });
    rmSync(bare, { recursive: true, force: true });
  }
}

export async function watchBench(): Promise<BenchRow[]> {
  return [...(await sizeRows()), ...(await quickJsRows())];
}
