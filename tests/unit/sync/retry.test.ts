import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS_PER_OPEN, MAX_RETRY_DELAY_MS, retryDelay, zmlErrorCode } from '../../../core/sync/retry';

describe('retryDelay', () => {
  it('retryDelay - backs off exponentially for each ZML code 1-4', () => {
    expect([0, 1, 2].map((a) => retryDelay(a, 1))).toEqual([5_000, 10_000, 20_000]);
    expect(retryDelay(0, 2)).toBe(30_000);
    expect(retryDelay(0, 3)).toBe(10_000);
    expect(retryDelay(0, 4)).toBe(15_000);
  });

  it('retryDelay - is capped', () => {
    expect(retryDelay(MAX_ATTEMPTS_PER_OPEN - 1, 2)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('retryDelay - gives up until the next app open after too many attempts or for other errors', () => {
    expect(retryDelay(MAX_ATTEMPTS_PER_OPEN, 1)).toBeNull();
    expect(retryDelay(0, 99)).toBeNull();
    expect(retryDelay(0, undefined)).toBeNull();
    expect(retryDelay(-1, 1)).toBeNull();
  });

  it('zmlErrorCode - reads the code of a ZML rejection', () => {
    expect(zmlErrorCode({ code: 2 })).toBe(2);
    expect(zmlErrorCode(new Error('x'))).toBeUndefined();
    expect(zmlErrorCode(null)).toBeUndefined();
  });
});
