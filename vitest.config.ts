import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests run the built bundles and packaging; two cores, so keep it modest.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
