// Bundles the browser preview (preview/src/main.ts + the sim/platform modules it hosts) with
// esbuild into build/preview, next to the static page and stylesheet.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export async function bundlePreview({ root = ROOT, outDir = join(root, 'build', 'preview'), log = console.log } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'preview', 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    outfile: join(outDir, 'main.js'),
    logLevel: 'warning',
  });
  for (const name of ['index.html', 'style.css']) copyFileSync(join(root, 'preview', 'static', name), join(outDir, name));
  log(`bundled the preview into ${outDir}`);
  return { outDir };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  bundlePreview().catch((error) => {
    console.error(`preview bundle failed: ${error.message}`);
    process.exit(1);
  });
}
