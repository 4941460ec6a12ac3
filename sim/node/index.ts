// Node host for the simulated platform: each realm is a `vm` context, files come from
// dist/device-js/<shape>-<WxH>/. This is the only place that touches node:vm / node:fs.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { createSimulationCore, getProfile, type BuildFiles, type Realm, type ScriptHost, type Simulation, type SimulationOptions } from '../platform/index';

export interface NodeSimulationOptions extends SimulationOptions {
  /** Folder holding the <shape>-<WxH> groups. Default <repo>/dist/device-js. */
  readonly distDir?: string;
  /** Replaces built files (path relative to the group, e.g. 'device/page/home/index.page.js'). */
  readonly overrideFiles?: Readonly<Record<string, string>>;
}

export const DEFAULT_DIST = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../dist/device-js');

export function buildFilesFor(groupDir: string, overrides: Readonly<Record<string, string>> = {}): BuildFiles {
  const cache = new Map<string, Buffer | null>();
  const read = (path: string): Buffer | null => {
    const override = overrides[path];
    if (override !== undefined) return Buffer.from(override, 'utf8');
    if (!cache.has(path)) {
      const full = join(groupDir, path);
      cache.set(path, existsSync(full) ? readFileSync(full) : null);
    }
    return cache.get(path) ?? null;
  };
  return {
    text: (path) => read(path)?.toString('utf8') ?? null,
    bytes: (path) => {
      const b = read(path);
      return b === null ? null : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    },
  };
}

export function nodeHost(): ScriptHost {
  return {
    createRealm(kind: string): Realm {
      const context = createContext({}, { name: `zepp-${kind}` });
      const global = runInContext('globalThis', context) as Record<string, unknown>;
      return {
        global,
        run: (code, filename) => runInContext(code, context, { filename }),
      };
    },
    // All vm contexts share Node's microtask queue: one macrotask turn drains every realm.
    flush: () => new Promise<void>((done) => setImmediate(done)),
  };
}

/** Checks that `npm run build && npm run package` produced the group this profile needs. */
export function distGroupDir(profileId: string, distDir: string = DEFAULT_DIST): string {
  const group = getProfile(profileId).group;
  const dir = join(distDir, group);
  if (!existsSync(join(dir, 'device', 'app.js'))) {
    throw new Error(`built app not found in ${dir}: run \`npm run build && npm run package\` first`);
  }
  return dir;
}

/** A simulation of watch + phone + link running the built bundles in Node vm contexts. */
export function createSimulation(options: NodeSimulationOptions = {}): Simulation {
  const profile = options.profile ?? 'balance-3.7';
  const files = buildFilesFor(distGroupDir(profile, options.distDir), options.overrideFiles);
  return createSimulationCore({ host: nodeHost(), files, Buffer }, { ...options, profile });
}

export type { Simulation, SimulationOptions };
