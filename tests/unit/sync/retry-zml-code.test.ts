// What the watch reads from a failed ZML request (core/sync/retry.ts zmlErrorCode): only a whole
// number under `code` is a ZML error code; anything else a request may reject with has none.

import { describe, expect, it } from 'vitest';
import { zmlErrorCode } from '../../../core/sync/retry';

describe('zmlErrorCode - a rejection without a code', () => {
  it('a promise rejected with no reason at all, or with a text or a number, has no code', () => {
    expect(zmlErrorCode(undefined)).toBeUndefined();
    expect(zmlErrorCode('timeout')).toBeUndefined();
    expect(zmlErrorCode(2)).toBeUndefined();
  });

  it('a code that is not a whole number is not a ZML code', () => {
    expect(zmlErrorCode({ code: '2' })).toBeUndefined();
    expect(zmlErrorCode({ code: 2.5 })).toBeUndefined();
    expect(zmlErrorCode({ code: 4 })).toBe(4);
  });
});
