// Runs every bench module and prints one table. Add a module by adding its function here.
// `npx tsx bench/index.ts watch homeStartup` runs only the named modules (the keys below).

import { engineBench } from './engine';
import { homeStartupBench } from './home-startup';
import { memoryBench } from './memory';
import { phonePushBench } from './phone-push';
import { syncBench } from './sync';
import { syncLinkBench } from './sync-link';
import { syncStorageBench } from './sync-storage';
import { watchBench } from './watch';
import { formatTable } from './table';
import type { BenchRow } from './table';

const BENCHES: Readonly<Record<string, () => Promise<BenchRow[]>>> = {
  engine: engineBench,
  sync: syncBench,
  syncLink: syncLinkBench,
  watch: watchBench,
  homeStartup: homeStartupBench,
  memory: memoryBench,
  phonePush: phonePushBench,
  syncStorage: syncStorageBench,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) throw new Error(`no bench named ${unknown.join(', ')} (there are: ${Object.keys(BENCHES).join(', ')})`);
  const rows: BenchRow[] = [];
  for (const [name, bench] of Object.entries(BENCHES)) if (asked.length === 0 || asked.includes(name)) rows.push(...(await bench()));
  console.log(formatTable(rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
