// First pass of a two-pass mutation run (docs/testing.md "Two passes"): stryker.config.mjs with
// core's own unit tests only, writing the same incremental file the official run then reads.
import official from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default { ...official, vitest: { ...official.vitest, configFile: 'vitest.mutation-core.config.ts' } };
