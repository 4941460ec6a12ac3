// Two things older and newer installs rely on, written here from docs/sync.md rather than read from
// the code's constants: the phone's storage layout version lives under the key `storage:version`,
// and an id that is not visible ASCII is refused with a reason a person can act on.
import { describe, expect, it } from 'vitest';
import { checkStorageVersion } from '../../../core/kernel/storage-version';
import { validateRecord } from '../../../core/records/record-validation';
import { MemoryStore } from '../../fixtures/memory-store';
import { rawRecord } from '../../fixtures/records';

describe('kernel - stored contracts', () => {
  it('storage version - a store a newer Knead marked under "storage:version" is refused, naming both versions', () => {
    const check = checkStorageVersion(new MemoryStore({ 'storage:version': '3' }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(/3.*newer.*2/);
  });

  it('storage version - a store with no version gets layout 2 recorded under "storage:version" with the first write', () => {
    const check = checkStorageVersion(new MemoryStore());
    expect(check).toEqual({ ok: true, writes: [['storage:version', '2']] });
  });

  it('record - an id with a space is refused, saying only visible characters without spaces are allowed', () => {
    const checked = validateRecord(rawRecord({ id: 'w1 abc 1' }));
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      const problem = checked.problems.find((p) => p.path === 'id');
      expect(problem?.message).toMatch(/visible/);
      expect(problem?.message).toMatch(/no spaces/);
    }
  });
});
