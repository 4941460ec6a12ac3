// The tests Stryker runs against each mutant of core/: the unit tests only (pure, fast, no build).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000, // coverage instrumentation slows the longest properties (export-import) past 60 s under load
  },
});
