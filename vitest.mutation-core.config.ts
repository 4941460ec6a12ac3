// The first pass of a two-pass mutation run (docs/testing.md "Two passes"): core's own unit tests
// only, which kill most mutants in seconds. The official run (`npm run mutation`) then reuses each
// mutant one of these tests killed and re-tests every other one against every unit test.
import { defineConfig } from 'vitest/config';
import official from './vitest.mutation.config';

export default defineConfig({ test: { ...official.test, include: ['tests/unit/core/**/*.test.ts'] } });
