// QuickJS check: evaluates every built device entry (each page in app.json, each app service; app.js
// with every page) in QuickJS, the watch's engine family, running the same simulated platform
// bundled as one script. Node-only (esbuild + quickjs-emscripten).

import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { getQuickJS } from 'quickjs-emscripten';
import { DEFAULT_DIST, distGroupDir } from '../node/index';
import type { CheckTiming } from './bundle-entry';

export type { CheckTiming, FileTiming } from './bundle-entry';

export interface QuickJsEntryResult {
  readonly profile: string;
  readonly kind: 'page' | 'service';
  readonly path: string;
  readonly ok: boolean;
  readonly errors: readonly string[];
  /** Texts on screen after build() (pages). */
  readonly texts: readonly string[];
  /** ms to evaluate the platform bundle in a fresh QuickJS context. */
  readonly bootMs: number;
  /**
   * ms of the whole check call: creating the simulated watch, then evaluating app.js + the page
   * and running onInit/build (or the service's onInit).
   */
  readonly entryMs: number;
  /** With `{ timed: true }`, in CPU ms: the simulator's setup apart from the launch, each file's compile apart from its run. */
  readonly timing?: CheckTiming;
}

export interface CheckOptions {
  /**
   * Time the launch (the bench) in this process's CPU ms: the simulator's setup apart, and each
   * device file compiled then run apart (its source wrapped in a function, compiled, then called).
   */
  readonly timed?: boolean;
}

/**
 * The CPU time this process has used, in ms (µs resolution). A timed check reads it rather than
 * the wall clock: on a loaded machine the process is descheduled for whole milliseconds, which
 * swamped the sub-millisecond runs the bench compares (medians of the same launch jumped 4×).
 */
function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

let bundlePromise: Promise<string> | null = null;

/** The platform as one IIFE script (built once per process). */
export function platformBundle(): Promise<string> {
  bundlePromise ??= build({
    entryPoints: [resolve(dirname(new URL(import.meta.url).pathname), 'bundle-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return bundlePromise;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

/** The built device files of one group as the platform bundle reads them (binary as base64). */
export function deviceFiles(groupDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const full of listFiles(groupDir)) {
    const rel = relative(groupDir, full).split('\\').join('/');
    if (!rel.startsWith('device/') || rel.endsWith('.png')) continue;
    if (rel.endsWith('.js') || rel.endsWith('.json')) files[rel] = readFileSync(full, 'utf8');
    else files[`b64:${rel}`] = readFileSync(full).toString('base64');
  }
  return files;
}

export type ScenarioStep = { readonly launch: string } | { readonly open: string; readonly params?: string } | { readonly click: string } | { readonly advance: number };

export interface ScenarioSample {
  readonly step: ScenarioStep;
  /** QuickJS's memory_used_size after the step (and its promise jobs) ran. */
  readonly memoryUsed: number;
  readonly page: string | null;
  readonly texts: readonly string[];
  readonly buzzes: number;
  readonly errors: readonly string[];
  /** ms the step took, its promise jobs included. */
  readonly stepMs: number;
}

export interface ScenarioRun {
  /** memory_used_size once the platform and the build's files are loaded, before any step. */
  readonly bootMemory: number;
  readonly samples: readonly ScenarioSample[];
}

/**
 * Runs `steps` one at a time in one fresh QuickJS context (link down) and samples the heap
 * (QuickJS's own accounting, JS_ComputeMemoryUsage) after each: what the bench's memory rows read.
 */
export async function runQuickJsScenario(profile: string, steps: readonly ScenarioStep[], distDir: string = DEFAULT_DIST): Promise<ScenarioRun> {
  const QuickJS = await getQuickJS();
  const bundle = await platformBundle();
  const files = deviceFiles(distGroupDir(profile, distDir));
  const vm = QuickJS.newContext();
  const memoryUsed = (): number => {
    const handle = vm.runtime.computeMemoryUsage();
    const usage = vm.dump(handle) as { memory_used_size: number };
    handle.dispose();
    return usage.memory_used_size;
  };
  try {
    const filesHandle = vm.newString(JSON.stringify(files));
    vm.setProp(vm.global, '__filesJson', filesHandle);
    filesHandle.dispose();
    vm.unwrapResult(vm.evalCode('globalThis.__files = JSON.parse(__filesJson); delete globalThis.__filesJson;', 'files.js')).dispose();
    vm.unwrapResult(vm.evalCode(bundle, 'sim-platform.js')).dispose();
    vm.unwrapResult(vm.evalCode(`__knead_sim_start(${JSON.stringify(profile)})`, 'start.js')).dispose();
    const bootMemory = memoryUsed();
    const samples: ScenarioSample[] = [];
    for (const step of steps) {
      const t0 = performance.now();
      vm.unwrapResult(vm.evalCode(`__knead_sim_step(${JSON.stringify(JSON.stringify(step))})`, 'step.js')).dispose();
      for (let guard = 0; guard < 10_000; guard += 1) {
        vm.runtime.executePendingJobs();
        const done = vm.unwrapResult(vm.evalCode('__knead_sim_done', 'done.js'));
        const finished = vm.dump(done) === true;
        done.dispose();
        if (finished) break;
      }
      const stepMs = performance.now() - t0;
      const resultHandle = vm.unwrapResult(vm.evalCode('__knead_sim_result', 'result.js'));
      const result = JSON.parse(vm.getString(resultHandle)) as Omit<ScenarioSample, 'step' | 'memoryUsed' | 'stepMs'>;
      resultHandle.dispose();
      samples.push({ step, memoryUsed: memoryUsed(), stepMs, ...result });
    }
    return { bootMemory, samples };
  } finally {
    vm.dispose();
  }
}

/** Runs the check for each profile (default: one per shape), for every entry or those in `only`. */
export async function checkWithQuickJs(profiles: readonly string[] = ['balance-3.7', 'gts4-3.6'], distDir: string = DEFAULT_DIST, only?: readonly string[], options: CheckOptions = {}): Promise<QuickJsEntryResult[]> {
  const QuickJS = await getQuickJS();
  const bundle = await platformBundle();
  const results: QuickJsEntryResult[] = [];
  for (const profile of profiles) {
    const groupDir = distGroupDir(profile, distDir);
    const files = deviceFiles(groupDir);
    const appJson = JSON.parse(readFileSync(join(groupDir, 'device/app.json'), 'utf8')) as {
      module: { page?: { pages?: string[] }; 'app-service'?: { services?: string[] } };
    };
    const entries: Array<{ kind: 'page' | 'service'; path: string }> = [
      ...(appJson.module.page?.pages ?? []).map((path) => ({ kind: 'page' as const, path })),
      ...(appJson.module['app-service']?.services ?? []).map((path) => ({ kind: 'service' as const, path })),
    ];
    for (const entry of entries) {
      if (only !== undefined && !only.includes(entry.path)) continue;
      const vm = QuickJS.newContext();
      try {
        if (options.timed === true) {
          const now = vm.newFunction('__hostNow', () => vm.newNumber(cpuMs()));
          vm.setProp(vm.global, '__hostNow', now);
          now.dispose();
        }
        const t0 = performance.now();
        const filesHandle = vm.newString(JSON.stringify(files));
        vm.setProp(vm.global, '__filesJson', filesHandle);
        filesHandle.dispose();
        vm.unwrapResult(vm.evalCode('globalThis.__files = JSON.parse(__filesJson); delete globalThis.__filesJson;', 'files.js')).dispose();
        vm.unwrapResult(vm.evalCode(bundle, 'sim-platform.js')).dispose();
        const t1 = performance.now();
        const call = `__knead_sim_check(${JSON.stringify(profile)}, ${JSON.stringify(entry.kind)}, ${JSON.stringify(entry.path)}, ${String(options.timed === true)})`;
        const out = vm.evalCode(call, 'check.js');
        const t2 = performance.now();
        vm.runtime.executePendingJobs();
        if (out.error) {
          const error = vm.dump(out.error) as unknown;
          out.error.dispose();
          results.push({ profile, ...entry, ok: false, errors: [JSON.stringify(error)], texts: [], bootMs: t1 - t0, entryMs: t2 - t1 });
          continue;
        }
        const parsed = JSON.parse(vm.getString(out.value)) as { ok: boolean; errors: string[]; texts: string[]; timing?: CheckTiming };
        out.value.dispose();
        results.push({ profile, ...entry, ...parsed, bootMs: t1 - t0, entryMs: t2 - t1 });
      } finally {
        vm.dispose();
      }
    }
  }
  return results;
}
