// Watch rows: what each page costs on the watch, beside the least any page can cost.
// - Size: the bytecode each page and app.js ship as in the real .zab (what the watch stores and
//   loads), and the non-bytecode JS of the same build, against ZML's own page / app runtime, which
//   every ZML page carries whatever it does.
// - Targets (issue 15): the largest page's bytecode against a bare page compiled by the same qjsc
//   in this run (target ≤ 40 KB), and the device code each .zpk carries compressed (every .bin,
//   deflated as zpm zips it) against an app of the same shape whose pages are all bare (target
//   ≤ 120 KB).
// - QuickJS time to evaluate app.js + the page and run its build(), for Home, Session and Summary,
//   against a bare page (same wrapper, one TEXT widget, no ZML, no core) evaluated by the same
//   harness in the same run. Median of several runs after a warm-up (the first QuickJS context is
//   slow). Target for Home: ≤ 1.5× the bare page.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { checkWithQuickJs } from '../sim/quickjs/index';
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function zmlBytes(file: string): number {
  return statSync(join(ROOT, 'node_modules', '@zeppos', 'zml', 'dist', file)).size;
}

/** zpm's own qjsc (QuickJS 2020-07-05), the compiler that made the .bin files in the .zab. */
function qjscPath(): string {
  const suffix = process.platform === 'darwin' ? `_darwin${process.arch === 'arm64' ? '_arm64' : ''}` : process.platform === 'win32' ? '_win32.exe' : process.arch === 'arm64' ? '_arm64' : '';
  return join(ROOT, 'node_modules', '@zeppos', 'zpm', 'bin', `qjsc${suffix}`);
}

let bareBin: Uint8Array | null = null;

/** The bare page compiled the way zpm compiles every page. */
function barePageBin(): Uint8Array {
  if (bareBin !== null) return bareBin;
  const dir = mkdtempSync(join(tmpdir(), 'knead-bare-'));
  try {
    writeFileSync(join(dir, 'bare.js'), BARE_PAGE);
    execFileSync(qjscPath(), ['-b', '-o', join(dir, 'bare.bin'), join(dir, 'bare.js')]);
    bareBin = new Uint8Array(readFileSync(join(dir, 'bare.bin')));
    return bareBin;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bytes after deflate at level 6, what zpm's zip (JSZip, DEFLATE level 6) stores. */
function deflated(bytes: Uint8Array): number {
  return deflateRawSync(bytes, { level: 6 }).byteLength;
}

function targetRows(device: Readonly<Record<string, Uint8Array>>): BenchRow[] {
  const bare = barePageBin();
  const bins = Object.entries(device).filter(([name]) => name.endsWith('.bin'));
  const pages = bins.filter(([name]) => name.startsWith('page/'));
  const largest = pages.reduce<[string, number]>((best, [name, b]) => (b.byteLength > best[1] ? [name, b.byteLength] : best), ['', 0]);
  const code = bins.reduce((sum, [, b]) => sum + deflated(b), 0);
  const app = device['app.bin'];
  const bareApp = (app === undefined ? 0 : deflated(app)) + pages.length * deflated(bare);
  const group = 'watch size target';
  return [
    { group, metric: `largest page bytecode (${largest[0].replace(/^page\/|\/index\.page\.bin$/g, '')})`, knead: largest[1], baseline: bare.byteLength, ratio: ratioOf(largest[1], bare.byteLength), unit: 'bytes', note: `target ≤ 40960 (${ratioOf(largest[1], 40960)} of it); baseline: bare page, same qjsc` },
    { group, metric: 'device code per .zpk, compressed', knead: code, baseline: bareApp, ratio: ratioOf(code, bareApp), unit: 'bytes', note: `target ≤ 122880 (${ratioOf(code, 122880)} of it); baseline: app.bin + ${pages.length} bare pages` },
  ];
}

function sizeRows(): BenchRow[] {
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
  return rows.concat(targetRows(group.device));
}

/**
 * A copy of the built group (in a temporary dist folder, which the caller removes) with one extra
 * page listed in app.json: the bare baseline, page/bare/index.page.
 */
export function copyWithBarePage(source: string = join(DIST, 'device-js', GROUP)): string {
  const dist = mkdtempSync(join(tmpdir(), 'knead-bench-'));
  const group = join(dist, GROUP);
  cpSync(source, group, { recursive: true });
  cpSync(join(group, 'device', 'page', 'home'), join(group, 'device', 'page', 'bare'), { recursive: true });
  writeFileSync(join(group, 'device', 'page', 'bare', 'index.page.js'), BARE_PAGE);
  const appJsonPath = join(group, 'device', 'app.json');
  const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8')) as { module: { page: { pages: string[] } } };
  appJson.module.page.pages.push('page/bare/index.page');
  writeFileSync(appJsonPath, JSON.stringify(appJson));
  return dist;
}

async function quickJsRows(): Promise<BenchRow[]> {
  const source = join(DIST, 'device-js', GROUP);
  if (!existsSync(source)) return [];
  const dist = copyWithBarePage(source);
  try {
    const times = new Map<string, number[]>();
    await checkWithQuickJs([PROFILE], dist); // warm-up
    for (let run = 0; run < RUNS; run += 1) {
      for (const result of await checkWithQuickJs([PROFILE], dist)) {
        if (!result.ok) throw new Error(`QuickJS could not build ${result.path}: ${result.errors.join('; ')}`);
        times.set(result.path, (times.get(result.path) ?? []).concat([result.entryMs]));
      }
    }
    const bare = median(times.get('page/bare/index.page') ?? []);
    return ['home', 'session', 'summary'].map((page) => {
      const ms = median(times.get(`page/${page}/index.page`) ?? []);
      const target = page === 'home' ? '; target ≤ 1.5×' : '';
      return { group: 'watch QuickJS', metric: `app.js + ${page} page build()`, knead: ms, baseline: bare, ratio: ratioOf(ms, bare), unit: 'ms', note: `median of ${RUNS}; baseline: app.js + a bare one-TEXT page${target}` };
    });
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

export async function watchBench(): Promise<BenchRow[]> {
  return [...sizeRows(), ...(await quickJsRows())];
}
