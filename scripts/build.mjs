// Compiles the TypeScript sources into build/zos, a folder laid out as a zeus project: one
// self-contained ES module per entry (no shared chunks: zpm bundles each entry on its own),
// @zos/*, zosLoader:* and the Settings App's virtual 'i18n' (zpm inlines setting/i18n/*.po) left
// as imports for zpm and the watch, ZML bundled in. Every entry is minified here: zpm's release
// build runs terser too, but inside the `with (context)` wrapper it adds it cannot rename
// anything, so only names shortened before zpm sees the code get shorter (see docs/watch.md).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { listEntries, readManifest } from './entries.mjs';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const BUILD_DIR = join(ROOT, 'build', 'zos');

const isExternal = (id) => id === 'i18n' || id.startsWith('@zos/') || id.startsWith('zosLoader:');

/** One entry as rollup sees it: minified ES module, one chunk. Also used by scripts/sizes.mjs. */
export async function bundleEntry(root, entry, { minify = true } = {}) {
  const bundle = await rollup({
    input: join(root, entry.source),
    external: isExternal,
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js', '.mjs'], exportConditions: ['default', 'module', 'import'] }),
      esbuild({ target: 'es2020', tsconfig: join(root, 'tsconfig.json'), minify }),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  return bundle;
}

export async function build({ root = ROOT, outDir = BUILD_DIR, log = console.log } = {}) {
  const manifest = readManifest(root);
  const entries = listEntries(root, manifest);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const entry of entries) {
    const bundle = await bundleEntry(root, entry);
    await bundle.write({ file: join(outDir, entry.output), format: 'es', inlineDynamicImports: true });
    await bundle.close();
  }
  writeFileSync(join(outDir, 'app.json'), JSON.stringify(manifest, null, 2));
  cpSync(join(root, 'assets'), join(outDir, 'assets'), { recursive: true });
  cpSync(join(root, 'page', 'i18n'), join(outDir, 'page', 'i18n'), { recursive: true });
  cpSync(join(root, 'setting', 'i18n'), join(outDir, 'setting', 'i18n'), { recursive: true });
  log(`built ${entries.length} entries into ${outDir}`);
  return { manifest, entries };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().catch((error) => {
    console.error(`build failed: ${error.message}`);
    process.exit(1);
  });
}
