// Entry bundled (esbuild, IIFE) and evaluated inside QuickJS: the same platform, hosted by the
// single QuickJS global. Exposes `__knead_sim_check(profile, entryKind, entryPath)`, and for the
// bench's memory rows a scripted run: `__knead_sim_start(profile)` then `__knead_sim_step(step)`
// (launch the app on a page, open a page in the running app, click a text, advance the fake
// clock), the host sampling the heap in between.

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

function buildFiles(): BuildFiles {
  return {
    text: (p) => __files[p] ?? null,
    bytes: (p) => {
      const v = __files[`b64:${p}`];
      return v === undefined ? null : decodeBase64(v);
    },
  };
}

function createSim(profile: string) {
  const files = buildFiles();
  // One QuickJS context = one realm: the device globals go on the real global object.
  let used = false;
  const host: ScriptHost = {
    createRealm(): Realm {
      if (used) throw new Error('QuickJS check: one realm per context');
      used = true;
      return { global: g, run: (code) => (0, eval)(code) as unknown };
    },
    flush: () => Promise.resolve(),
  };
  return createSimulationCore({ host, files, Buffer }, { profile, link: { connected: false } });
}

const g = globalThis as unknown as Record<string, unknown>;

function check(profile: string, kind: 'page' | 'service', path: string): CheckResult {
  const sim = createSim(profile);
  if (kind === 'page') sim.device.launch(path);
  else sim.device.startService(path, {});
  return {
    ok: sim.errors.all.length === 0,
    errors: sim.errors.all.map((e) => `${e.kind}: ${e.message}`),
    texts: sim.device.texts(),
  };
}

g.__knead_sim_check = (profile: string, kind: 'page' | 'service', path: string) =>
  JSON.stringify(check(profile, kind, path));

/** One step of a scripted run; the host evaluates them one at a time and samples memory between. */
type Step = { readonly launch: string } | { readonly open: string; readonly params?: string } | { readonly click: string } | { readonly advance: number };

let scripted: ReturnType<typeof createSim> | null = null;

g.__knead_sim_start = (profile: string) => {
  scripted = createSim(profile);
};

/** Runs one step; `__knead_sim_done` turns true once its promise jobs have run (the host drains them). */
g.__knead_sim_step = (stepJson: string) => {
  const sim = scripted;
  if (sim === null) throw new Error('__knead_sim_start first');
  const step = JSON.parse(stepJson) as Step;
  g.__knead_sim_done = false;
  const finish = (): void => {
    g.__knead_sim_done = true;
    g.__knead_sim_result = JSON.stringify({ errors: sim.errors.all.map((e) => `${e.kind}: ${e.message}`), texts: sim.device.texts(), page: sim.device.currentPage()?.path ?? null, buzzes: sim.device.buzzes().length });
  };
  if ('launch' in step) sim.device.launch(step.launch);
  else if ('open' in step) sim.device.open(step.open, step.params);
  else if ('click' in step) sim.device.click(step.click);
  void sim.clock.advance('advance' in step ? step.advance : 0).then(finish, (error: unknown) => {
    g.__knead_sim_done = true;
    g.__knead_sim_result = JSON.stringify({ errors: [String(error)], texts: [], page: null, buzzes: 0 });
  });
};
