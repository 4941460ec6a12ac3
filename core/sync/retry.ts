// When to try sending the outbox again after a failed request. Pure, so the page's timer logic
// is a one-liner and the policy is testable. No jitter: one watch talks to one phone, there is
// no crowd of clients to spread out.

/** ZML request error codes (docs/platform.md §7). */
export const ZML_HANDSHAKE_TIMEOUT = 1;
export const ZML_DISCONNECTED = 2;
export const ZML_SIDE_SERVICE_NOT_RUNNING = 3;
export const ZML_REQUEST_TIMEOUT = 4;

/** First wait per code: a timeout retries soon; a disconnected phone needs longer to come back. */
const BASE_DELAY_MS: Readonly<Record<number, number>> = {
  [ZML_HANDSHAKE_TIMEOUT]: 5_000,
  [ZML_DISCONNECTED]: 30_000,
  [ZML_SIDE_SERVICE_NOT_RUNNING]: 10_000,
  [ZML_REQUEST_TIMEOUT]: 15_000,
};

export const MAX_RETRY_DELAY_MS = 5 * 60_000;
/** After this many tries in one app run, wait for the next app open instead of draining battery. */
export const MAX_ATTEMPTS_PER_OPEN = 6;

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from 0 for the first failure),
 * or null: do not retry now, try again on the next app open. Codes other than 1-4 (including
 * error replies from the phone) are not cured by waiting a minute, hence null.
 */
export function retryDelay(attempt: number, code: number | undefined): number | null {
  if (code === undefined || !Object.prototype.hasOwnProperty.call(BASE_DELAY_MS, code)) return null;
  if (!Number.isInteger(attempt) || attempt < 0 || attempt >= MAX_ATTEMPTS_PER_OPEN) return null;
  const base = BASE_DELAY_MS[code];
  if (base === undefined) return null;
  return Math.min(MAX_RETRY_DELAY_MS, base * Math.pow(2, attempt));
}

/** The numeric code of a ZML rejection ({code}), if there is one. */
export function zmlErrorCode(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null) {
    const code = (error as Record<string, unknown>)['code'];
    if (typeof code === 'number' && Number.isInteger(code)) return code;
  }
  return undefined;
}
