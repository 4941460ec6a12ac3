// Runs every bench module and prints one table. Add a module by adding its function here.

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

const BENCHES: ReadonlyArray<() => Promise<BenchRow[]>> = [engineBench, syncBench, syncLinkBench, watchBench, homeStartupBench, memoryBench, phonePushBench, syncStorageBench];

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const bench of BENCHES) rows.push(...(await bench()));
  console.log(formatTable(rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
