// Memory rows: what the watch app holds while it runs, beside a bare page in the same run.
// - QuickJS heap: the built device JS runs in quickjs-emscripten (the watch's engine family) on the
//   simulated platform; QuickJS's own accounting (memory_used_size) is sampled after every step
//   of a scripted run. A row is the highest sample while that page is on screen, minus the heap
//   once the platform and the build's files were loaded (the same for every run), so it is what
//   app.js + the page (and the pages below it in the stack) add. Session is sampled every 500 ms
//   for 12 s of a session (the lead-in ends and step cues play); Summary after it ends.
//   Baseline: a bare ZML app.js (BaseApp only) + the bare one-TEXT page of the size rows, which
//   hold none of Knead's code (Knead's app.js carries the modules the pages share).
// - localStorage: bytes (UTF-8, key + value) the watch stores after 100 sessions with the phone
//   away (every record still waits in the outbox: the most it holds), beside after 1 session.
import { rmSync } from 'node:fs';
import { createSimulation } from '../sim/node/index';
import type { Simulation } from '../sim/node/index';
import { runQuickJsScenario } from '../sim/quickjs/index';
import type { ScenarioRun, ScenarioStep } from '../sim/quickjs/index';
import { ratioOf } from './table';
import type { BenchRow } from './table';
import { copyWithBareApp, copyWithBarePage } from './watch';

const PROFILE = 'balance-3.7';
const SESSIONS = 100;

const START_SESSION: ScenarioStep[] = [{ launch: 'page/home/index.page' }, { advance: 1_000 }, { click: 'Desk reset' }, { advance: 100 }, { click: 'Start' }];
const PLAY_CUES: ScenarioStep[] = Array.from({ length: 24 }, () => ({ advance: 500 }));
// Stop acts on a long press, which a scripted step cannot make: the routine runs to its end
// (Desk reset, 5 min 20 s), then the check-in is skipped.
const TO_SUMMARY: ScenarioStep[] = [{ advance: 330_000 }, { click: 'Skip' }, { advance: 1_000 }];

/** Highest heap growth over boot while `page` was the current page, and how much of it came on that page. */
function peakOn(run: ScenarioRun, page: string): { peak: number; added: number } {
  const first = run.samples.findIndex((s) => s.page !== null && s.page.includes(page));
  const on = run.samples.filter((s) => s.page !== null && s.page.includes(page)).map((s) => s.memoryUsed);
  if (first < 0) throw new Error(`memory bench: the run never showed ${page} (pages: ${run.samples.map((s) => s.page).join(', ')})`);
  const before = first === 0 ? run.bootMemory : (run.samples[first - 1]?.memoryUsed ?? run.bootMemory);
  return { peak: Math.max(...on) - run.bootMemory, added: Math.max(...on) - before };
}

function failOnErrors(run: ScenarioRun, what: string): void {
  const errors = run.samples.flatMap((s) => s.errors);
  if (errors.length > 0) throw new Error(`memory bench (${what}): ${errors.join('; ')}`);
}

async function heapRows(): Promise<BenchRow[]> {
  const dist = copyWithBarePage();
  const bareDist = await copyWithBareApp();
  try {
    const bare = await runQuickJsScenario(PROFILE, [{ launch: 'page/bare/index.page' }, { advance: 1_000 }], bareDist);
    failOnErrors(bare, 'bare page');
    const home = await runQuickJsScenario(PROFILE, [{ launch: 'page/home/index.page' }, { advance: 1_000 }], dist);
    const session = await runQuickJsScenario(PROFILE, [...START_SESSION, ...PLAY_CUES, ...TO_SUMMARY], dist);
    const cues = session.samples.filter((s) => s.page?.includes('session') === true).reduce((most, s) => Math.max(most, s.buzzes), 0);
    if (cues === 0) throw new Error('memory bench: no cue played while the Session page was sampled');
    const baseline = bare.samples.reduce((most, s) => Math.max(most, s.memoryUsed), 0) - bare.bootMemory;
    const group = 'watch memory';
    const note = 'QuickJS memory_used_size over boot, highest sample; baseline: bare ZML app.js + a bare page';
    const row = (metric: string, value: { peak: number; added: number }, extra = ''): BenchRow => ({ group, metric, knead: value.peak, baseline, ratio: ratioOf(value.peak, baseline), unit: 'bytes', note: `${note}${extra}` });
    const onSession = peakOn(session, 'session');
    const onSummary = peakOn(session, 'summary');
    return [
      row('peak heap: Home', peakOn(home, 'home')),
      row('peak heap: Session while cues play', onSession, `; pages below it in the stack included, ${onSession.added} added on Session; ${cues} cue(s) played`),
      row('peak heap: Summary', onSummary, `; pages below it included, ${onSummary.added} added on Summary`),
    ];
  } finally {
    rmSync(dist, { recursive: true, force: true });
    rmSync(bareDist, { recursive: true, force: true });
  }
}

function storedBytes(sim: Simulation): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(sim.device.storage())) {
    bytes += Buffer.byteLength(key) + Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value));
  }
  return bytes;
}

/** One short session from Home: desk reset, stopped after 12 s, check-in skipped, back to Home. */
async function oneSession(sim: Simulation): Promise<void> {
  sim.device.click('Desk reset');
  await sim.clock.advance(100);
  sim.device.click('Start');
  await sim.clock.advance(12_000);
  // Stop acts on a long press (700 ms), as a person ends a session.
  await sim.device.hold('Stop', 800);
  await sim.clock.advance(500);
  if (sim.device.currentPage()?.path.includes('checkin') === true) sim.device.click('Skip');
  await sim.clock.advance(1_000);
  sim.device.relaunch();
  await sim.clock.advance(1_000);
}

async function storageRows(): Promise<BenchRow[]> {
  const sim = createSimulation({ profile: PROFILE, startTime: Date.UTC(2026, 0, 5, 8, 0), link: { connected: false } });
  sim.device.launch();
  await sim.clock.advance(1_000);
  await oneSession(sim);
  const one = storedBytes(sim);
  for (let i = 1; i < SESSIONS; i += 1) await oneSession(sim);
  const hundred = storedBytes(sim);
  const queued = Object.keys(sim.device.storage()).length;
  sim.device.kill();
  return [
    { group: 'watch memory', metric: `localStorage after ${SESSIONS} sessions (phone away)`, knead: hundred, baseline: one, ratio: ratioOf(hundred, one), unit: 'bytes', note: `baseline: after 1 session; ${queued} keys; every record waits in the outbox` },
  ];
}

export async function memoryBench(): Promise<BenchRow[]> {
  return [...(await heapRows()), ...(await storageRows())];
}
