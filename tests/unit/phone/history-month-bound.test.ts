// docs/sync.md "Phone storage": a month's parts together hold at most MAX_MONTH_BYTES (1 MiB), and a
// push into a full month is deferred with the reason. "At most" holds to the byte whichever way the
// session is stored: joining the open part (its text and a comma) or opening a new part (its text
// and the brackets of the new list).

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { MAX_MONTH_BYTES, PART_BYTES, addRecords, partKey, readHistory } from '../../../core/phone/history-store';
import { MemoryStore } from '../../fixtures/memory-store';
import { MINUTE_MS, recordOfBytes } from '../../fixtures/records';

const NOW = Date.UTC(2026, 11, 1, 12);
const MONTH = '2026-11';
const bytesOf = (text: string): number => new TextEncoder().encode(text).length;

let minute = 0;
/** A November session whose stored text is `bytes` bytes, later than every one made before. */
const session = (bytes: number): SessionRecord => {
  minute += 1;
  return recordOfBytes(bytes, { startedAt: Date.UTC(2026, 10, 1) + minute * MINUTE_MS, tzOffsetMin: 0 });
};

/** Sessions that stored alone in a new part make it exactly `bytes` long: `[a,b,…]`. */
function partOfBytes(bytes: number): SessionRecord[] {
  const count = Math.ceil((bytes - 2) / 2_700);
  const own = bytes - 2 - (count - 1);
  const each = Math.floor(own / count);
  return Array.from({ length: count }, (_, i) => session(i < count - 1 ? each : own - (count - 1) * each));
}

function partTexts(store: MemoryStore): string[] {
  const out: string[] = [];
  for (let p = 0; store.getItem(partKey(MONTH, p)) !== null; p += 1) out.push(store.getItem(partKey(MONTH, p)) as string);
  return out;
}

const monthBytes = (store: MemoryStore): number => partTexts(store).reduce((sum, text) => sum + bytesOf(text), 0);

/** `store` after pushing, one push per part, sessions that fill parts of these sizes. */
function withParts(store: MemoryStore, sizes: readonly number[]): MemoryStore {
  for (const size of sizes) {
    const sessions = partOfBytes(size);
    expect(addRecords(store, sessions, NOW, 'records').added).toHaveLength(sessions.length);
  }
  return store;
}

const copyOf = (store: MemoryStore): MemoryStore => new MemoryStore(Object.fromEntries(store.keys().map((k) => [k, store.getItem(k) as string])));
const full = (count: number): number[] => Array.from({ length: count }, () => PART_BYTES);

describe('history month bound', () => {
  it('month bound - a session joining the open part that brings the month to exactly 1 MiB is stored; one byte larger is deferred', () => {
    // 65 parts, 600 bytes short of 1 MiB: two closed parts are not full (each closed because the
    // session after it did not fit), so the open part (one session of 1,000 bytes) has room to spare.
    const start = withParts(new MemoryStore(), [PART_BYTES - 602, ...full(62), PART_BYTES - 1_000, 1_002]);
    expect(partTexts(start)).toHaveLength(65);
    expect(monthBytes(start)).toBe(MAX_MONTH_BYTES - 600);

    const exact = copyOf(start);
    const fits = session(599);
    expect(addRecords(exact, [fits], NOW, 'records')).toEqual({ added: [fits.id], alreadyStored: [], rejected: [], deferred: [] });
    expect(partTexts(exact)).toHaveLength(65);
    expect(monthBytes(exact)).toBe(MAX_MONTH_BYTES);

    const over = copyOf(start);
    const big = session(600);
    const outcome = addRecords(over, [big], NOW, 'records');
    expect(outcome.added).toEqual([]);
    expect(outcome.deferred).toEqual([{ id: big.id, reason: expect.stringContaining(`phone storage for ${MONTH} is full`) as unknown }]);
    expect(monthBytes(over)).toBe(MAX_MONTH_BYTES - 600);
    expect(readHistory(over).records).toEqual(readHistory(start).records);
  });

  it('month bound - a session opening a new part counts its brackets: it is stored only if the month stays within 1 MiB', () => {
    // The open part is full (PART_BYTES): the next session opens a part, "[…]", 2 bytes more than its text.
    const start = withParts(new MemoryStore(), [...full(62), PART_BYTES - 1_001, PART_BYTES]);
    expect(monthBytes(start)).toBe(MAX_MONTH_BYTES - 1_001);

    const exact = copyOf(start);
    const fits = session(999);
    expect(addRecords(exact, [fits], NOW, 'records').added).toEqual([fits.id]);
    expect(partTexts(exact)).toHaveLength(65);
    expect(monthBytes(exact)).toBe(MAX_MONTH_BYTES);

    const over = copyOf(start);
    const big = session(1_000);
    const outcome = addRecords(over, [big], NOW, 'records');
    expect(outcome.added).toEqual([]);
    expect(outcome.deferred.map((d) => d.id)).toEqual([big.id]);
    expect(monthBytes(over)).toBe(MAX_MONTH_BYTES - 1_001);
  });
});
