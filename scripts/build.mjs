// Compiles the TypeScript sources into build/zos, a folder laid out as a zeus project: one ES
// module per entry (zpm bundles each entry on its own), @zos/*, zosLoader:* and the Settings App's
// virtual 'i18n' (zpm inlines setting/i18n/*.po) left as imports for zpm and the watch, ZML bundled
// in. The modules several pages use are carried once, by app.js, which registers them in
// getApp()._options.globalData; each page reads them from there (scripts/shared.mjs, the watch's
// shared chunk). App Services and the phone side stay self-contained. Every entry is minified
// here: zpm's release build runs terser too, but inside the `with (context)` wrapper it adds it
// cannot rename anything, so only names shortened before zpm sees the code get shorter (see
// docs/watch.md).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { listEntries, readManifest } from './entries.mjs';
import { graphRecorder, pickShared, sharedImports, sharedRegistry, virtualKey } from './shared.mjs';
import { stripDebugInfo } from './strip.mjs';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const BUILD_DIR = join(ROOT, 'build', 'zos');

/** Entries that run on the watch, compiled to bytecode by zpm. */
const DEVICE_KINDS = new Set(['app', 'page', 'layout', 'service']);

const isExternal = (id) => id === 'i18n' || id.startsWith('@zos/') || id.startsWith('zosLoader:');

/**
 * One entry as rollup sees it: minified ES module, one chunk. With `sharing` (from planSharing),
 * a page or layout reads the shared modules from app.js's registry and app.ts gets the registry;
 * without it every entry is self-contained (app.ts then cannot import the registry). Also used by
 * scripts/sizes.mjs.
 */
export async function bundleEntry(root, entry, { minify = true, sharing = null, extraPlugins = [] } = {}) {
  const plugins = [];
  if (sharing !== null && (entry.kind === 'page' || entry.kind === 'layout')) plugins.push(sharedImports(sharing.shared, (id) => sharing.exports.get(id) ?? []));
  if (sharing !== null && entry.kind === 'app') plugins.push(sharedRegistry(sharing.shared, sharing.used));
  const bundle = await rollup({
    input: join(root, entry.source),
    external: isExternal,
    plugins: [
      ...plugins,
      nodeResolve({ extensions: ['.ts', '.js', '.mjs'], exportConditions: ['default', 'module', 'import'] }),
      // Pages in the syntax zpm lowers them to anyway (its second pass targets es2015): lowered here,
      // the helpers are minified and inside the stripped function, not added unminified by zpm.
      // Measured: smaller pages, but a larger app.js and services (scripts/strip.mjs), so only pages.
      esbuild({ target: entry.kind === 'page' || entry.kind === 'layout' ? 'es2015' : 'es2020', tsconfig: join(root, 'tsconfig.json'), minify }),
      // Watch code only, after the minifier: its bytecode without line tables (scripts/strip.mjs).
      ...(DEVICE_KINDS.has(entry.kind) ? [stripDebugInfo()] : []),
      ...extraPlugins,
    ],
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  return bundle;
}

/** Each page with its layouts: what one page of the watch carries. */
export function pageGroups(entries) {
  return entries.filter((e) => e.kind === 'page').map((page) => ({ name: page.output.replace(/\.js$/, ''), parts: [page, ...entries.filter((e) => e.kind === 'layout' && `${e.page}.js` === page.output)] }));
}

/**
 * Which modules app.js carries for the pages (Map<id, key>), every export each has (Map<id,
 * names>), the exports some page uses (Map<key, Set<name>>) and how many pages import each. Bundles every page twice: once
 * whole to see what each uses, once with the shared modules replaced to see which of their
 * exports survive tree-shaking.
 */
export async function planSharing(root, entries) {
  const groups = pageGroups(entries);
  const graphs = [];
  const exports = new Map();
  for (const group of groups) {
    const modules = new Map();
    for (const part of group.parts) {
      const recorder = graphRecorder(modules);
      const bundle = await bundleEntry(root, part, {
        minify: false,
        extraPlugins: [recorder, { name: 'knead-exports', buildEnd() { for (const id of this.getModuleIds()) exports.set(id, this.getModuleInfo(id)?.exports ?? []); } }],
      });
      await bundle.generate({ format: 'es', inlineDynamicImports: true });
      await bundle.close();
    }
    graphs.push({ name: group.name, modules, entryIds: group.parts.map((p) => join(root, p.source)) });
  }
  const shared = pickShared(root, graphs);
  const used = new Map();
  // key → how many pages import the module, directly or through other modules.
  const pagesUsing = new Map([...shared].map(([id, key]) => [key, graphs.filter((g) => g.modules.has(id)).length]));
  const sharing = { shared, exports, used, pagesUsing };
  for (const group of groups) {
    for (const part of group.parts) {
      const bundle = await bundleEntry(root, part, { sharing });
      const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
      await bundle.close();
      for (const [id, module] of Object.entries(output[0].modules)) {
        const key = virtualKey(id);
        if (key === null) continue;
        const names = used.get(key) ?? new Set();
        for (const name of module.renderedExports) names.add(name);
        used.set(key, names);
      }
    }
  }
  return sharing;
}
export async function build({ root = ROOT, outDir = BUILD_DIR, log = console.log } = {}) {
  const manifest = readManifest(root);
  const entries = listEntries(root, manifest);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const sharing = await planSharing(root, entries);
  for (const entry of entries) {
    const bundle = await bundleEntry(root, entry, { sharing });
    await bundle.write({ file: join(outDir, entry.output), format: 'es', inlineDynamicImports: true });
    await bundle.close();
  }
  writeFileSync(join(outDir, 'app.json'), JSON.stringify(manifest, null, 2));
  cpSync(join(root, 'assets'), join(outDir, 'assets'), { recursive: true });
  cpSync(join(root, 'page', 'i18n'), join(outDir, 'page', 'i18n'), { recursive: true });
  cpSync(join(root, 'setting', 'i18n'), join(outDir, 'setting', 'i18n'), { recursive: true });
  log(`built ${entries.length} entries into ${outDir} (app.js carries ${sharing.shared.size} modules the pages share)`);
  return { manifest, entries, sharing };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().catch((error) => {
    console.error(`build failed: ${error.message}`);
    process.exit(1);
  });
}
