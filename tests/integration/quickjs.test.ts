import { describe, expect, it } from 'vitest';
import { checkWithQuickJs } from '../../sim/quickjs/index';

describe('quickjs', () => {
  it('quickjs - every built device entry evaluates and each page builds without error, on both shapes', async () => {
    const results = await checkWithQuickJs(['balance-3.7', 'gts4-3.6']);
    expect(results.length).toBeGreaterThanOrEqual(4);
    for (const r of results) {
      expect(r.errors, `${r.profile} ${r.kind} ${r.path}`).toEqual([]);
      expect(r.ok).toBe(true);
    }
    const home = results.find((r) => r.path === 'page/home/index.page');
    expect(home?.texts).toContain('Knead');
  });
});
