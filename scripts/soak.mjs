// npm run soak: the sync fault-injection property (tests/integration/sync-faults-{1..4}.test.ts, the
// built pages doing every flush) again and again with fresh seeds until a time budget is spent, for
// far more scenarios than `npm test` runs. Each round is one vitest run of the four parts with
// KNEAD_SOAK_RUNS scenarios each (500) and its own seed, so a failure names the seed to replay with
// KNEAD_SYNC_SEED.
//   KNEAD_SOAK_MINUTES  time budget (default 10); a round that has started is finished
//   KNEAD_SOAK_RUNS     scenarios per part and round (default 500; four parts a round)
// Needs the built bundles: run `node scripts/build.mjs && node scripts/package.mjs` first.
import { spawnSync } from 'node:child_process';

const budgetMs = Number(process.env.KNEAD_SOAK_MINUTES ?? 10) * 60_000;
const runs = Number(process.env.KNEAD_SOAK_RUNS ?? 500);
const started = Date.now();
/** tests/integration/sync-faults-1..4.test.ts */
const PARTS = 4;
let rounds = 0;
let totalAckLost = 0;
let scenarios = 0;
let seed = Number(process.env.KNEAD_SYNC_SEED ?? Date.now() % 1_000_000_007);
while (Date.now() - started < budgetMs) {
  const result = spawnSync('npx', ['vitest', 'run', 'tests/integration/sync-faults-'], {
    env: { ...process.env, KNEAD_SYNC_RUNS: String(runs), KNEAD_SYNC_SEED: String(seed) },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  rounds += 1;
  if (result.status !== 0) {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    console.error(`soak: round ${rounds} failed; replay with KNEAD_SYNC_SEED=${seed} KNEAD_SYNC_RUNS=${runs}`);
    process.exit(1);
  }
  scenarios += runs * PARTS;
  const ackLost = [...result.stdout.matchAll(/"ackLost":(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  totalAckLost += ackLost;
  console.log(`soak: round ${rounds} (seed ${seed}) passed; ${scenarios} scenarios, ${totalAckLost} acknowledgements lost and recovered, in ${Math.round((Date.now() - started) / 1000)} s`);
  seed = (seed * 48271 + 11) % 2_147_483_647;
}
console.log(`soak: ${scenarios} scenarios in ${rounds} rounds passed`);
