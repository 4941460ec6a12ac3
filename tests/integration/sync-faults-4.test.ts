// The sync fault property, part 4 of 4: the parts differ only in their seed, so vitest runs them
// side by side. What a scenario does and checks: tests/fixtures/sync-fault-runner.ts.
import { describe } from 'vitest';
import { faultProperty } from '../fixtures/sync-fault-property';

describe('sync under faults (part 4 of 4)', () => {
  faultProperty(4);
});
