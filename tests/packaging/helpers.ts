import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILD_DIR = join(ROOT, 'build', 'zos');

const scratches: string[] = [];

/** A scratch folder inside the repo (git-ignored), so module resolution still finds node_modules. */
export function scratch(prefix: string): string {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${prefix}-`));
  scratches.push(dir);
  return dir;
}

/** Removes every scratch folder made so far (call from afterAll). */
export function removeScratches(): void {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of the sources the build reads, inside the repo so node_modules resolves. */
export function copyOfSources(prefix: string): string {
  const root = scratch(prefix);
  // Whatever the app's tsconfig compiles, plus the manifest and assets.
  const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
  for (const item of ['app.json', 'tsconfig.json', 'tsconfig.base.json', 'assets', ...tsconfig.include]) {
    cpSync(join(ROOT, item), join(root, item), { recursive: true });
  }
  return root;
}

export function copyOfBuild(prefix: string): string {
  if (!statSync(join(BUILD_DIR, 'app.json'), { throwIfNoEntry: false })) {
    throw new Error('build/zos is missing: run `npm run build` before these tests');
  }
  const dir = join(scratch(prefix), 'zos');
  cpSync(BUILD_DIR, dir, { recursive: true });
  return dir;
}

/** Path → sha256 of every file below dir, to prove a folder was left byte-for-byte alone. */
export function fingerprint(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else result[relative(dir, path)] = `${stats.mode}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  };
  walk(dir);
  return result;
}
