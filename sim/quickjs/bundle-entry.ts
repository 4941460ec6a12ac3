// Entry bundled (esbuild, IIFE) and evaluated inside QuickJS: the same platform, hosted by the
// single QuickJS global. Exposes `__knead_sim_check(filesJson, profile, entryKind, entryPath)`.

import { Buffer } from 'buffer';
import { createSimulationCore, type BuildFiles, type Realm, type ScriptHost } from '../platform/index';

/** path → text (for .js/.json) or base64 (binary, key prefixed 'b64:'). */
declare const __files: Record<string, string>;

function decodeBase64(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

interface CheckResult {
  ok: boolean;
  errors: string[];
  texts: string[];
}

function check(profile: string, kind: 'page' | 'service', path: string): CheckResult {
  const files: BuildFiles = {
    text: (p) => __files[p] ?? null,
    bytes: (p) => {
      const v = __files[`b64:${p}`];
      return v === undefined ? null : decodeBase64(v);
    },
  };
  // One QuickJS context = one realm: the device globals go on the real global object.
  const g = globalThis as unknown as Record<string, unknown>;
  let used = false;
  const host: ScriptHost = {
    createRealm(): Realm {
      if (used) throw new Error('QuickJS check: one realm per context');
      used = true;
      return { global: g, run: (code) => (0, eval)(code) as unknown };
    },
    flush: () => Promise.resolve(),
  };
  const sim = createSimulationCore({ host, files, Buffer }, { profile, link: { connected: false } });
  if (kind === 'page') sim.device.launch(path);
  else sim.device.startService(path, {});
  return {
    ok: sim.errors.all.length === 0,
    errors: sim.errors.all.map((e) => `${e.kind}: ${e.message}`),
    texts: sim.device.texts(),
  };
}

(globalThis as unknown as Record<string, unknown>).__knead_sim_check = (profile: string, kind: 'page' | 'service', path: string) =>
  JSON.stringify(check(profile, kind, path));
