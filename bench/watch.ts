// Watch bench rows: built size of each page and of app.js from dist/device-js (round 480).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './table';

const DIST = join(import.meta.dirname, '../dist/device-js/round-480x480/device');

export async function watchBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  if (!existsSync(DIST)) return rows;
  const files = ['app.js', ...readdirSync(join(DIST, 'page')).filter((d) => statSync(join(DIST, 'page', d)).isDirectory()).map((d) => `page/${d}/index.page.js`)];
  for (const file of files) {
    const path = join(DIST, file);
    if (!existsSync(path)) continue;
    rows.push({ group: 'watch size', metric: `built ${file}`, knead: statSync(path).size, baseline: '–', unit: 'bytes', note: 'round 480, non-bytecode device JS' });
  }
  return rows;
}
