// What the built Home page does before its first frame, and how long each part takes in QuickJS
// (the watch's engine family). The built device JS runs on the simulated platform inside
// quickjs-emscripten, with the platform calls it makes (localStorage, widgets, alarms, BLE, timers)
// and its lifecycle (module evaluated, onInit, build) stamped with the host's clock. The time
// between two stamps is what the page's own code did in between (e.g. after reading `plan`:
// parsing and validating it). Storage is seeded with a therapist plan and `waiting` sessions in
// the outbox, as a person who trained away from the phone would have.
//
// `npx tsx bench/home-startup.ts [waiting] [page]` prints the timeline; `npm run bench` has the
// rows of `homeStartupBench()`.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { getQuickJS } from 'quickjs-emscripten';
import { deviceFiles, platformBundle } from '../sim/quickjs/index';
import { distGroupDir } from '../sim/node/index';
import { enqueue } from '../core/sync/outbox';
import { PLAN_KEY } from '../core/routines/plan-store';
import { MemoryStore } from '../tests/fixtures/memory-store';
import { makePlan } from '../tests/fixtures/plans';
import { makeRecord } from '../tests/fixtures/records';
import { ratioOf } from './table';
import type { BenchRow } from './table';
import { copyWithBareApp, copyWithBarePage } from './watch';

const PROFILE = 'balance-3.7';
const HOME = 'page/home/index.page';
const NOW = Date.UTC(2026, 10, 20, 9, 0, 0);

export interface StartupEvent {
  /** ms since the launch began (host clock). */
  readonly at: number;
  readonly what: string;
}

export interface HomeStartup {
  readonly events: readonly StartupEvent[];
  /** ms from the launch to the end of build() (the first frame). */
  readonly firstFrameMs: number;
  /** ms of build() alone (the page's first frame after its module was evaluated). */
  readonly buildMs: number;
  /** localStorage reads before the first frame, per key. */
  readonly readsBeforeFrame: Readonly<Record<string, number>>;
  /** BLE sends and alarm calls before the first frame (sync and reminders on the startup path). */
  readonly sendsBeforeFrame: number;
  readonly alarmCallsBeforeFrame: number;
}

/** The watch's storage with a plan and `waiting` sessions queued (core's own enqueue). */
function seededStorage(waiting: number): Record<string, string> {
  const store = new MemoryStore();
  store.setItem(PLAN_KEY, JSON.stringify(makePlan()));
  for (let i = 0; i < waiting; i += 1) enqueue(store, makeRecord({ startedAt: NOW - (i + 1) * 14 * 3_600_000 }), NOW);
  return store.snapshot() as Record<string, string>;
}

/** Installed in QuickJS before the launch: wraps the module map, Page() and timers as the sim assigns them. */
const INSTRUMENT = `
(function () {
  var log = globalThis.__startupLog = [];
  var stamp = function (what) { log.push([__hostNow(), what]); };
  var seeds = globalThis.__seeds;
  var seeded = false;
  var cache = new Map();
  var wrapModule = function (name, m) {
    if (cache.has(m)) return cache.get(m);
    var out = m;
    if (name === '@zos/storage') {
      var ls = m.localStorage;
      var wrapped = {
        get length() { return ls.length; },
        key: function () { return ls.key.apply(ls, arguments); },
        clear: function () { return ls.clear.apply(ls, arguments); },
      };
      wrapped.getItem = function (k) { stamp('read ' + k); var v = ls.getItem.apply(ls, arguments); stamp('read ' + k + ' done'); return v; };
      wrapped.setItem = function (k) { stamp('write ' + k); return ls.setItem.apply(ls, arguments); };
      wrapped.removeItem = function (k) { stamp('remove ' + k); return ls.removeItem.apply(ls, arguments); };
      out = Object.assign({}, m, { localStorage: wrapped });
    } else if (name === '@zos/ui') {
      out = Object.assign({}, m, { createWidget: function (t, p) { stamp('widget'); return m.createWidget.apply(m, arguments); } });
    } else if (name === '@zos/ble') {
      out = Object.assign({}, m, { send: function () { stamp('ble send'); return m.send.apply(m, arguments); } });
    } else if (name === '@zos/alarm') {
      out = Object.assign({}, m, {
        set: function () { stamp('alarm set'); return m.set.apply(m, arguments); },
        cancel: function () { stamp('alarm cancel'); return m.cancel.apply(m, arguments); },
        getAllAlarms: function () { stamp('alarm list'); return m.getAllAlarms.apply(m, arguments); },
      });
    }
    cache.set(m, out);
    return out;
  };
  var realR;
  Object.defineProperty(globalThis, '__$$R$$__', {
    configurable: true,
    get: function () { return realR; },
    set: function (fn) {
      if (!seeded) {
        seeded = true;
        var ls = fn('@zos/storage').localStorage;
        Object.keys(seeds).forEach(function (k) { ls.setItem(k, seeds[k]); });
      }
      realR = function (name) { return wrapModule(name, fn(name)); };
    },
  });
  var realPage;
  Object.defineProperty(globalThis, 'Page', {
    configurable: true,
    get: function () { return realPage; },
    set: function (fn) {
      realPage = function (options) {
        stamp('Page() (module evaluated)');
        ['onInit', 'build', 'onDestroy'].forEach(function (hook) {
          var f = options[hook];
          if (typeof f !== 'function') return;
          options[hook] = function () { stamp(hook + ' start'); try { return f.apply(this, arguments); } finally { stamp(hook + ' end'); } };
        });
        return fn(options);
      };
    },
  });
  var realTimeout;
  Object.defineProperty(globalThis, 'setTimeout', {
    configurable: true,
    get: function () { return realTimeout; },
    set: function (fn) {
      realTimeout = function (cb, ms) {
        stamp('setTimeout ' + (ms || 0));
        return fn(function () { stamp('timer ' + (ms || 0) + ' fires'); return cb.apply(this, arguments); }, ms);
      };
    },
  });
})();
`;

export async function homeStartup(waiting = 20, page = HOME, distDir?: string): Promise<HomeStartup> {
  const QuickJS = await getQuickJS();
  const bundle = await platformBundle();
  const files = deviceFiles(distGroupDir(PROFILE, distDir));
  const vm = QuickJS.newContext();
  try {
    const now = vm.newFunction('__hostNow', () => vm.newNumber(performance.now()));
    vm.setProp(vm.global, '__hostNow', now);
    now.dispose();
    const setJson = (name: string, value: unknown): void => {
      const handle = vm.newString(JSON.stringify(value));
      vm.setProp(vm.global, `${name}Json`, handle);
      handle.dispose();
      vm.unwrapResult(vm.evalCode(`globalThis.${name} = JSON.parse(${name}Json); delete globalThis.${name}Json;`)).dispose();
    };
    setJson('__files', files);
    setJson('__seeds', seededStorage(waiting));
    vm.unwrapResult(vm.evalCode(bundle, 'sim-platform.js')).dispose();
    vm.unwrapResult(vm.evalCode(`__knead_sim_start(${JSON.stringify(PROFILE)})`)).dispose();
    vm.unwrapResult(vm.evalCode(INSTRUMENT, 'instrument.js')).dispose();
    const t0 = performance.now();
    const run = (step: unknown): void => {
      vm.unwrapResult(vm.evalCode(`__knead_sim_step(${JSON.stringify(JSON.stringify(step))})`)).dispose();
      for (let guard = 0; guard < 10_000; guard += 1) {
        vm.runtime.executePendingJobs();
        const done = vm.unwrapResult(vm.evalCode('__knead_sim_done'));
        const finished = vm.dump(done) === true;
        done.dispose();
        if (finished) break;
      }
    };
    run({ launch: page });
    run({ advance: 1_000 });
    const logHandle = vm.unwrapResult(vm.evalCode('JSON.stringify(__startupLog)'));
    const raw = JSON.parse(vm.getString(logHandle)) as Array<[number, string]>;
    logHandle.dispose();
    const events = raw.map(([at, what]) => ({ at: at - t0, what }));
    const frame = events.find((e) => e.what === 'build end');
    if (frame === undefined) throw new Error(`home startup: build() never ended (${events.map((e) => e.what).join(', ')})`);
    const before = events.filter((e) => e.at <= frame.at);
    const readsBeforeFrame: Record<string, number> = {};
    for (const e of before) {
      if (!e.what.startsWith('read ') || e.what.endsWith(' done')) continue;
      const key = e.what.slice('read '.length);
      readsBeforeFrame[key] = (readsBeforeFrame[key] ?? 0) + 1;
    }
    const buildStart = events.find((e) => e.what === 'build start');
    return {
      events,
      firstFrameMs: frame.at,
      buildMs: frame.at - (buildStart === undefined ? 0 : buildStart.at),
      readsBeforeFrame,
      sendsBeforeFrame: before.filter((e) => e.what === 'ble send').length,
      alarmCallsBeforeFrame: before.filter((e) => e.what.startsWith('alarm')).length,
    };
  } finally {
    vm.dispose();
  }
}

/** The timeline with consecutive identical stamps folded, each line the gap since the previous one. */
export function formatTimeline(startup: HomeStartup): string {
  const lines: string[] = [];
  let previous = 0;
  for (const e of startup.events) {
    lines.push(`${e.at.toFixed(2).padStart(8)} ms  +${(e.at - previous).toFixed(2).padStart(6)}  ${e.what}`);
    previous = e.at;
  }
  return lines.join('\n');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const RUNS = 7;
const WAITING = 20;

/**
 * Bench rows: Home's build() beside its whole open (app.js, the page's module, build: what is left
 * once build() is lean is the code's evaluation), in QuickJS in this run (median of RUNS after a
 * warm-up), and the storage reads Home makes before its first frame beside the least it could
 * (each key it needs read once).
 */
export async function homeStartupBench(): Promise<BenchRow[]> {
  const dist = copyWithBarePage();
  // The bare page runs under a bare ZML app: Knead's app.js carries the modules the pages share.
  const bareDist = await copyWithBareApp();
  try {
    await homeStartup(WAITING, HOME, dist);
    const home: HomeStartup[] = [];
    const bare: HomeStartup[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      home.push(await homeStartup(WAITING, HOME, dist));
      bare.push(await homeStartup(0, 'page/bare/index.page', bareDist));
    }
    const last = home[home.length - 1];
    if (last === undefined) return [];
    const reads = Object.values(last.readsBeforeFrame).reduce((sum, n) => sum + n, 0);
    const keys = Object.keys(last.readsBeforeFrame).length;
    const homeMs = median(home.map((h) => h.buildMs));
    const openMs = median(home.map((h) => h.firstFrameMs));
    const bareOpenMs = median(bare.map((h) => h.firstFrameMs));
    const group = 'watch Home startup';
    return [
      { group, metric: `Home build() (${WAITING} sessions waiting, a plan)`, knead: homeMs, baseline: openMs, ratio: ratioOf(homeMs, openMs), unit: 'ms', note: `QuickJS, median of ${RUNS}; baseline: Home's whole open to its first frame (app.js, module, build), ${bareOpenMs.toFixed(1)} ms for a bare page under a bare ZML app` },
      { group, metric: 'Home storage reads before its first frame', knead: reads, baseline: keys, ratio: ratioOf(reads, keys), unit: 'reads', note: `baseline: each of the ${keys} keys read once; ${last.sendsBeforeFrame} BLE sends and ${last.alarmCallsBeforeFrame} alarm calls before the frame` },
    ];
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(bareDist, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && process.argv[1].endsWith('home-startup.ts')) {
  const waiting = Number(process.argv[2] ?? '20');
  const page = process.argv[3] ?? HOME;
  await homeStartup(waiting, page); // warm-up: the first QuickJS context is slow
  const result = await homeStartup(waiting, page);
  console.log(formatTimeline(result));
  console.log({ firstFrameMs: result.firstFrameMs, buildMs: result.buildMs, readsBeforeFrame: result.readsBeforeFrame, sendsBeforeFrame: result.sendsBeforeFrame, alarmCallsBeforeFrame: result.alarmCallsBeforeFrame });
}
