// Mutation testing over core/ (`npm run mutation`; not part of `npm test`). See docs/testing.md.
// Incremental: results of unchanged code and tests are reused from reports/stryker-incremental.json
// (git-ignored, per machine); delete it or pass `--force` for a full run.
// Concurrency 1 by default: the machine is shared. STRYKER_CONCURRENCY=2 when it is not.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: process.env.STRYKER_MUTATE ? process.env.STRYKER_MUTATE.split(',') : ['core/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'json', 'progress-append-only'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, allowEmojis: false, reportMutants: false, reportScoreTable: true, skipFull: false },
  // The percentages docs/testing.md sets: 85 % for the engine and sync, 75 % for the rest of core.
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10000,
  // The first, unmutated run of every unit test with per-test coverage takes minutes on a loaded
  // 2-core machine (Stryker's default limit is 5): a full run must not die before it starts.
  dryRunTimeoutMinutes: 30,
};

export default config;
