// Knead declares exactly the permissions its built code needs: each declared permission's module
// is imported somewhere in build/zos, and each permission-guarded module the build imports is
// declared. A feature that starts using alarms or notifications adds its permission here and in
// app.json together; one that stops using them removes both.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIR, ROOT } from './helpers';

/** Zepp OS permissions and the modules whose use requires them (docs/platform.md). */
const MODULES_NEEDING: Readonly<Record<string, readonly string[]>> = {
  'device:os.local_storage': ['@zos/storage'],
  'data:os.device.info': ['@zos/device'],
  'device:os.bg_service': ['@zos/app-service'],
  'device:os.alarm': ['@zos/alarm'],
  'device:os.notification': ['@zos/notification'],
};

function builtModules(): Set<string> {
  if (!statSync(join(BUILD_DIR, 'app.json'), { throwIfNoEntry: false })) throw new Error('build/zos is missing: run `npm run build` before these tests');
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) for (const m of readFileSync(path, 'utf8').match(/@zos\/[a-z-]+/g) ?? []) found.add(m);
    }
  };
  walk(BUILD_DIR);
  return found;
}

describe('permissions', () => {
  it('permissions - every permission in app.json is used by the built code, and every guarded module it uses is declared', () => {
    const declared = (JSON.parse(readFileSync(join(ROOT, 'app.json'), 'utf8')) as { permissions: string[] }).permissions;
    const used = builtModules();
    const unknown = declared.filter((p) => MODULES_NEEDING[p] === undefined);
    expect(unknown, 'a declared permission this test does not know: add it with the module that needs it').toEqual([]);
    const unused = declared.filter((p) => !(MODULES_NEEDING[p] ?? []).some((m) => used.has(m)));
    expect(unused, 'declared but no built code imports its module').toEqual([]);
    const undeclared = Object.keys(MODULES_NEEDING).filter((p) => declared.indexOf(p) < 0 && (MODULES_NEEDING[p] ?? []).some((m) => used.has(m)));
    expect(undeclared, 'the built code imports a module whose permission is not declared').toEqual([]);
  });
});
