// npm run sizes: what each module contributes to each watch bundle (the app, every page with its
// round layout, the services), so a size regression names its cause. Per module: its minified
// size (the module's code as rollup placed it in the bundle, minified on its own by esbuild) and
// its share of the bundle. app.js carries the modules two or more pages share (scripts/shared.mjs):
// its list says how many pages use each; a page's list ends with what it reads from app.js. When
// dist/ holds a packaged .zab, each bundle's bytecode size in it (the number the watch loads) heads
// its list. `--top N` limits each list (default 12, 0 = all).
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { bundleEntry, planSharing, ROOT } from './build.mjs';
import { listEntries, readManifest } from './entries.mjs';
import { virtualKey } from './shared.mjs';
import { readZab } from './zab.mjs';

const GROUP = 'round-480x480';

/** The watch bundles: app.js, each page (its layouts are inlined into it by zpm), services. */
export function watchBundles(root, manifest) {
  const entries = listEntries(root, manifest);
  const side = new Set([manifest.targets.common.module['app-side']?.path, manifest.targets.common.module.setting?.path].filter(Boolean).map((p) => `${p}.js`));
  const device = entries.filter((e) => !side.has(e.output) && !/\.[a-z]\.layout\.js$/.test(e.output));
  return device.map((entry) => {
    const roundLayout = entries.find((e) => e.output === entry.output.replace(/index\.page\.js$/, 'index.r.layout.js') && e !== entry);
    return { name: entry.output.replace(/\.js$/, ''), parts: roundLayout ? [entry, roundLayout] : [entry] };
  });
}

function moduleName(root, id) {
  const path = relative(root, id);
  const nm = path.lastIndexOf('node_modules/');
  return nm >= 0 ? path.slice(nm + 'node_modules/'.length) : path;
}

/**
 * Minified bytes per module of one bundle (summed over its parts), largest first, and the shared
 * modules it reads from app.js (their keys), given the build's `sharing` plan.
 */
export async function moduleSizes(root, parts, sharing = null) {
  const sizes = new Map();
  const fromApp = new Set();
  for (const entry of parts) {
    const bundle = await bundleEntry(root, entry, { minify: false, sharing });
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    await bundle.close();
    for (const [id, module] of Object.entries(output[0].modules)) {
      if (!module.code) continue;
      const key = virtualKey(id);
      if (key !== null) fromApp.add(key);
      if (key !== null || id.startsWith('\0')) continue; // the shim's few bytes per import
      const { code } = await transform(module.code, { minify: true, target: 'es2020', format: 'esm', loader: 'js' });
      const name = moduleName(root, id);
      sizes.set(name, (sizes.get(name) ?? 0) + code.length);
    }
  }
  return { modules: [...sizes.entries()].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes), fromApp };
}

function bytecodeSizes(root) {
  const dist = join(root, 'dist');
  const zab = existsSync(dist) ? readdirSync(dist).find((f) => f.endsWith('.zab')) : undefined;
  if (zab === undefined) return new Map();
  const group = readZab(join(dist, zab)).groups.find((g) => `${g.shape}-${g.screen}` === GROUP);
  const out = new Map();
  for (const [name, bytes] of Object.entries(group?.device ?? {})) {
    if (name.endsWith('.bin')) out.set(name.replace(/\.bin$/, ''), bytes.byteLength);
  }
  return out;
}

async function main() {
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex === -1 ? 12 : Number(process.argv[topIndex + 1]);
  const manifest = readManifest(ROOT);
  const bytecode = bytecodeSizes(ROOT);
  const sharing = await planSharing(ROOT, listEntries(ROOT, manifest));
  const { pagesUsing } = sharing;
  const bundles = [];
  for (const { name, parts } of watchBundles(ROOT, manifest)) bundles.push({ name, ...(await moduleSizes(ROOT, parts, sharing)) });
  const appSizes = new Map((bundles.find((b) => b.name === 'app')?.modules ?? []).map((m) => [m.module, m.bytes]));
  for (const { name, modules, fromApp } of bundles) {
    const total = modules.reduce((sum, m) => sum + m.bytes, 0);
    const bin = bytecode.get(name);
    console.log(`\n${name}: ${total} bytes minified JS${bin === undefined ? '' : `, ${bin} bytes bytecode in the .zab (${GROUP})`}`);
    const shown = top > 0 ? modules.slice(0, top) : modules;
    const used = (m) => (name === 'app' && pagesUsing.has(m.module.replace(/\.ts$/, '')) ? `  (shared, ${pagesUsing.get(m.module.replace(/\.ts$/, ''))} pages)` : '');
    for (const m of shown) console.log(`  ${String(m.bytes).padStart(7)}  ${((100 * m.bytes) / total).toFixed(1).padStart(5)}%  ${m.module}${used(m)}`);
    const rest = modules.slice(shown.length);
    if (rest.length > 0) console.log(`  ${String(rest.reduce((s, m) => s + m.bytes, 0)).padStart(7)}         ${rest.length} more modules`);
    if (fromApp.size > 0) {
      const bytes = [...fromApp].reduce((sum, key) => sum + (appSizes.get(`${key}.ts`) ?? 0), 0);
      console.log(`  + reads ${fromApp.size} shared modules from app.js (${bytes} bytes there, not counted here)`);
    }
  }
  if (bytecode.size === 0) console.log('\n(no dist/*.zab: run node scripts/package.mjs for bytecode sizes)');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`sizes failed: ${error.message}`);
    process.exit(1);
  });
}
