// Entry bundled (esbuild, IIFE) and evaluated inside QuickJS: the same platform, hosted by the
// single QuickJS global. Exposes `__knead_sim_check(profile, entryKind, entryPath, timed)`, and for the
// bench's memory rows a scripted run: `__knead_sim_start(profile)` then `__knead_sim_step(step)`
// (launch the app on a page, open a page in the running app, click a text, advance the fake
// clock), the host sampling the heap in between.

import { Buffer } from 'buffer';
import { createSimulationCore, type BuildFiles, type Realm, type ScriptHost } from '../platform/index';

/** path → text (for .js/.json) or base64 (binary, key prefixed 'b64:'). */
declare const __files: Record<string, string>;
/** The host's clock (ms; the process's CPU time), installed by the host for a timed check. */
declare const __hostNow: () => number;

function decodeBase64(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

interface CheckResult {
  ok: boolean;
  errors: string[];
  texts: string[];
  /** A timed check only (the bench): see timedCheck. */
  timing?: CheckTiming;
}

/** One device file of a timed launch: compiling its source, then running it. */
export interface FileTiming {
  readonly file: string;
  readonly compileMs: number;
  readonly runMs: number;
}

/**
 * Where a timed launch's ms went, on the host's clock (CPU ms): the simulator's own setup (creating the
 * simulated watch, which no watch does), then the launch itself (app.js, App's onCreate, the
 * page's module, onInit and build), with each file's compile and run apart.
 */
export interface CheckTiming {
  readonly setupMs: number;
  readonly launchMs: number;
  readonly files: readonly FileTiming[];
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

/**
 * Evaluates `code` as a script, compiling and running it apart: the source wrapped in a function
 * is compiled (QuickJS compiles every nested function then too), then called. The same as
 * evaluating the script for the device files, whose code all sits inside zpm's try/IIFE wrapper
 * and declares no globals of its own.
 */
function runTimed(code: string, file: string, timings: FileTiming[]): unknown {
  const t0 = __hostNow();
  const fn = (0, eval)(`(function () {\n${code}\n})`) as () => unknown;
  const t1 = __hostNow();
  try {
    return fn();
  } finally {
    timings.push({ file, compileMs: t1 - t0, runMs: __hostNow() - t1 });
  }
}

function createSim(profile: string, timings: FileTiming[] | null = null) {
  const files = buildFiles();
  // One QuickJS context = one realm: the device globals go on the real global object.
  let used = false;
  const host: ScriptHost = {
    createRealm(): Realm {
      if (used) throw new Error('QuickJS check: one realm per context');
      used = true;
      return { global: g, run: (code, file) => (timings === null ? ((0, eval)(code) as unknown) : runTimed(code, file, timings)) };
    },
    flush: () => Promise.resolve(),
  };
  return createSimulationCore({ host, files, Buffer }, { profile, link: { connected: false } });
}

const g = globalThis as unknown as Record<string, unknown>;

/** Launches `path` (or starts the service); `timed`: with the host's clock, see CheckTiming. */
function check(profile: string, kind: 'page' | 'service', path: string, timed: boolean): CheckResult {
  const timings: FileTiming[] | null = timed ? [] : null;
  const t0 = timed ? __hostNow() : 0;
  const sim = createSim(profile, timings);
  const t1 = timed ? __hostNow() : 0;
  if (kind === 'page') sim.device.launch(path);
  else sim.device.startService(path, {});
  const t2 = timed ? __hostNow() : 0;
  return {
    ok: sim.errors.all.length === 0,
    errors: sim.errors.all.map((e) => `${e.kind}: ${e.message}`),
    texts: sim.device.texts(),
    ...(timings === null ? {} : { timing: { setupMs: t1 - t0, launchMs: t2 - t1, files: timings } }),
  };
}

g.__knead_sim_check = (profile: string, kind: 'page' | 'service', path: string, timed = false) =>
  JSON.stringify(check(profile, kind, path, timed));

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
