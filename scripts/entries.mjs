// The build's entries, read from app.json (the manifest is the source of truth): the app, every
// page with its per-shape layouts, the side service, the Settings App and every App Service.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function readManifest(root) {
  const file = join(root, 'app.json');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`app.json: cannot read ${file}: ${error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`app.json is not valid JSON: ${error.message}`);
  }
}

/**
 * Source .ts path (relative to root) → output .js path (relative to build/zos), with its kind:
 * app, page, layout (with `page`, the page it belongs to), side, setting or service.
 */
export function listEntries(root, manifest) {
  const module = manifest?.targets?.common?.module;
  if (!module || !Array.isArray(module.page?.pages) || module.page.pages.length === 0) {
    throw new Error('app.json: targets.common.module.page.pages must list at least one page');
  }
  const entries = [{ source: 'app.ts', output: 'app.js', kind: 'app' }];
  const add = (path, what, kind) => {
    if (typeof path !== 'string' || path === '') throw new Error(`app.json: ${what} must be a path`);
    const source = `${path}.ts`;
    if (!existsSync(join(root, source))) throw new Error(`app.json: ${what} "${path}" has no source file ${source}`);
    entries.push({ source, output: `${path}.js`, kind });
  };
  for (const page of module.page.pages) {
    add(page, 'page', 'page');
    const folder = dirname(page);
    for (const file of readdirSync(join(root, folder))) {
      if (/^index\.[a-z]\.layout\.ts$/.test(file)) {
        entries.push({ source: join(folder, file), output: join(folder, file.replace(/\.ts$/, '.js')), kind: 'layout', page });
      }
    }
  }
  if (module['app-side']) add(module['app-side'].path, 'app-side.path', 'side');
  if (module.setting) add(module.setting.path, 'setting.path', 'setting');
  for (const service of module['app-service']?.services ?? []) add(service, 'app-service.services[]', 'service');
  return entries;
}
