// The keys and index format of the phone's history layout 2 as docs/sync.md describes them:
// `history:YYYY-MM/N` month parts, `history:YYYY-MM` layout-1 months, `history:ids/XX` id buckets
// chosen by FNV-1a of the id (256 buckets, two hex digits), and the index
// `{v: 2, months: [{month, count, parts: [[sessions, bytes]…], trusted, suspect}]}` (layout 1's
// `{v: 1, months: [{month, count}]}` still reads). Expected values come from that description and
// from FNV-1a's published test vectors, computed here differently (BigInt) from the product.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonthEntry } from '../../../core/phone/history-layout';
import {
  ID_BUCKETS,
  encodeIndex,
  idBucketKey,
  isIdBucketKey,
  monthBytes,
  monthKeyOf,
  parseIdBucket,
  parseIndex,
  partKey,
} from '../../../core/phone/history-layout';

/** FNV-1a, 32 bits, the textbook way: xor each UTF-16 code unit in, multiply by the prime modulo 2^32. */
function fnv1a(text: string): number {
  const prime = BigInt(16777619);
  const mod = BigInt(2) ** BigInt(32);
  let h = BigInt(2166136261);
  for (const unit of Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))) h = ((h ^ BigInt(unit)) * prime) % mod;
  return Number(h);
}

const expectedBucket = (id: string): string => `history:ids/${(fnv1a(id) % 256).toString(16).padStart(2, '0')}`;

/** The first id `watch01-<n>` whose bucket number is `n`, so the edges (0-15 need a leading zero, 16 does not) are reached. */
function idInBucket(bucket: number): string {
  for (let i = 0; ; i += 1) if (fnv1a(`watch01-${i}`) % 256 === bucket) return `watch01-${i}`;
}

const entry = (month: string, over: Partial<MonthEntry> = {}): MonthEntry => ({ month, count: 1, parts: [[1, 300]], trusted: true, suspect: false, ...over });

describe('history layout keys', () => {
  it('history layout keys - FNV-1a test vectors pick the bucket: "" is c5, "a" is 2c, "foobar" is 68', () => {
    // FNV-1a 32: "" = 0x811c9dc5, "a" = 0xe40c292c, "foobar" = 0xbf9cf968 (the published vectors).
    expect(idBucketKey('')).toBe('history:ids/c5');
    expect(idBucketKey('a')).toBe('history:ids/2c');
    expect(idBucketKey('foobar')).toBe('history:ids/68');
  });

  it('history layout keys - an id bucket is always two lowercase hex digits: 00-0f get a leading zero, 10 and up do not', () => {
    expect(idBucketKey(idInBucket(0))).toBe('history:ids/00');
    expect(idBucketKey(idInBucket(15))).toBe('history:ids/0f');
    expect(idBucketKey(idInBucket(16))).toBe('history:ids/10');
    expect(idBucketKey(idInBucket(255))).toBe('history:ids/ff');
  });

  it('history layout keys - every id lands in the FNV-1a bucket of its text, one of 256 (property)', () => {
    expect(ID_BUCKETS).toBe(256);
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (id) => {
        const key = idBucketKey(id);
        return /^history:ids\/[0-9a-f]{2}$/.test(key) && key === expectedBucket(id);
      }),
      { numRuns: 300 },
    );
  });

  it('history layout keys - only history:ids/… keys are id buckets', () => {
    expect(isIdBucketKey('history:ids/3f')).toBe(true);
    expect(isIdBucketKey('history:2026-11/0')).toBe(false);
    expect(isIdBucketKey('history:index')).toBe(false);
    expect(isIdBucketKey('x history:ids/3f')).toBe(false);
  });

  it('history layout keys - a month key is a layout-1 month or one of its numbered parts; anything else is not history', () => {
    expect(monthKeyOf('history:2026-11')).toEqual({ month: '2026-11' });
    expect(monthKeyOf(partKey('2026-11', 0))).toEqual({ month: '2026-11', part: 0 });
    expect(monthKeyOf('history:2026-11/12')).toEqual({ month: '2026-11', part: 12 });
    expect(monthKeyOf('history:2026-11/123456')).toEqual({ month: '2026-11', part: 123456 });
    for (const key of [
      'history:index',
      'history:summary',
      'history:quarantine',
      'history:ids/3f',
      'note:2026-11',
      'xhistory:2026-11',
      // Other keys with an 8-character prefix, like 'history:', are not history.
      'request:2026-11',
      'reports:2026-11/0',
      'history:x2026-11',
      'history:2026-11x',
      'history:2026-11/',
      'history:2026-11/a',
      'history:2026-11/1234567',
      'history:2026-1',
      'history:26-11',
      'history:2026/11',
      'history:abcd-ef',
    ])
      expect(monthKeyOf(key), key).toBeUndefined();
  });

  it('history layout keys - a month takes as many bytes as its parts together', () => {
    expect(monthBytes(entry('2026-11', { parts: [] }))).toBe(0);
    expect(monthBytes(entry('2026-11', { parts: [[40, 16_000], [3, 900], [1, 2]] }))).toBe(16_902);
  });
});

describe('history index', () => {
  it('history index - a layout-2 index reads back every month with its parts; missing flags read as false', () => {
    const text = JSON.stringify({
      v: 2,
      months: [
        { month: '2026-12', count: 3, parts: [[2, 700], [1, 350]], trusted: true, suspect: false },
        { month: '2019-01', count: 1, parts: [[1, 340]], trusted: false, suspect: true },
        { month: '2026-10', count: 0, parts: [] },
      ],
    });
    expect(parseIndex(text)).toEqual({
      v: 2,
      entries: [
        { month: '2026-12', count: 3, parts: [[2, 700], [1, 350]], trusted: true, suspect: false },
        { month: '2019-01', count: 1, parts: [[1, 340]], trusted: false, suspect: true },
        { month: '2026-10', count: 0, parts: [], trusted: false, suspect: false },
      ],
    });
  });

  it('history index - flags other than true read as false (a damaged flag never trusts a month)', () => {
    const text = JSON.stringify({ v: 2, months: [{ month: '2026-12', count: 1, parts: [[1, 300]], trusted: 'yes', suspect: 1 }] });
    expect(parseIndex(text)).toEqual({ v: 2, entries: [{ month: '2026-12', count: 1, parts: [[1, 300]], trusted: false, suspect: false }] });
  });

  it("history index - layout 1's count-only index still reads", () => {
    const text = JSON.stringify({ v: 1, months: [{ month: '2026-11', count: 30 }, { month: '2026-10', count: 2 }] });
    expect(parseIndex(text)).toEqual({ v: 1, counts: [{ month: '2026-11', count: 30 }, { month: '2026-10', count: 2 }] });
  });

  it('history index - a missing index is undefined, and so is any damaged one (the writer then rebuilds from the parts)', () => {
    const good = { month: '2026-11', count: 1, parts: [[1, 300]], trusted: true, suspect: false };
    const damaged: unknown[] = [
      'not json',
      '[]',
      '"v2"',
      { v: 2 },
      { v: 2, months: {} },
      { v: 3, months: [] },
      { months: [] },
      { v: '2', months: [] },
      { v: 2, months: [good, null] },
      { v: 2, months: [{ ...good, month: 'November' }] },
      { v: 2, months: [{ ...good, month: 202611 }] },
      { v: 2, months: [{ ...good, count: -1 }] },
      { v: 2, months: [{ ...good, count: 1.5 }] },
      { v: 2, months: [{ ...good, count: '1' }] },
      { v: 2, months: [{ month: '2026-11', count: 1, trusted: true }] },
      { v: 2, months: [{ ...good, parts: {} }] },
      { v: 2, months: [{ ...good, parts: [300] }] },
      { v: 2, months: [{ ...good, parts: [[1]] }] },
      { v: 2, months: [{ ...good, parts: [[1, -300]] }] },
      { v: 2, months: [{ ...good, parts: [[-1, 300]] }] },
      { v: 2, months: [{ ...good, parts: [['1', 300]] }] },
      { v: 1, months: [{ month: '2026-11' }] },
      { v: 1, months: [{ month: 'Nov', count: 1 }] },
      { v: 1, months: [{ count: 1 }] },
      { v: 1, months: ['2026-11'] },
    ];
    expect(parseIndex(undefined)).toBeUndefined();
    for (const value of damaged) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      expect(parseIndex(text), text).toBeUndefined();
    }
  });

  it('history index - written newest month first, empty months left out, every field kept', () => {
    const text = encodeIndex([
      entry('2026-10', { count: 2, parts: [[2, 600]] }),
      entry('2026-12', { count: 0, parts: [] }),
      entry('2027-01', { count: 1, parts: [[1, 300]], trusted: false, suspect: true }),
      entry('2026-11', { count: 0, parts: [[0, 2]] }),
    ]);
    expect(JSON.parse(text)).toEqual({
      v: 2,
      months: [
        { month: '2027-01', count: 1, parts: [[1, 300]], trusted: false, suspect: true },
        { month: '2026-11', count: 0, parts: [[0, 2]], trusted: true, suspect: false },
        { month: '2026-10', count: 2, parts: [[2, 600]], trusted: true, suspect: false },
      ],
    });
    expect(parseIndex(text)).toEqual({ v: 2, entries: JSON.parse(text).months });
  });

  it('history index - newest month first from every order the months may come in', () => {
    const months = ['2025-12', '2026-01', '2026-02', '2026-10', '2026-11'];
    const permutations = (list: string[]): string[][] =>
      list.length <= 1 ? [list] : list.flatMap((m, i) => permutations(list.filter((_, j) => j !== i)).map((rest) => [m, ...rest]));
    for (const order of permutations(months)) {
      const written = JSON.parse(encodeIndex(order.map((m) => entry(m)))) as { months: Array<{ month: string }> };
      expect(written.months.map((m) => m.month), order.join(' ')).toEqual(['2026-11', '2026-10', '2026-02', '2026-01', '2025-12']);
    }
  });

  it('history index - written index reads back the same whatever order the months came in (property)', () => {
    const monthArb = fc.tuple(fc.integer({ min: 2019, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.uniqueArray(monthArb, { maxLength: 12 }), (months) => {
        const entries = months.map((m, i) => entry(m, { count: i + 1, parts: [[i + 1, 300 * (i + 1)]] }));
        const parsed = parseIndex(encodeIndex(entries));
        if (parsed === undefined || parsed.v !== 2) return false;
        const sorted = entries.slice().sort((a, b) => (a.month < b.month ? 1 : -1));
        return JSON.stringify(parsed.entries) === JSON.stringify(sorted);
      }),
    );
  });
});

describe('history id bucket', () => {
  it('history id bucket - a missing bucket is empty; a stored one maps ids to the part holding them', () => {
    expect(Object.keys(parseIdBucket(undefined) as object)).toEqual([]);
    const bucket = parseIdBucket(JSON.stringify({ 'watch01-a': '2026-11/0', 'watch01-b': '2026-12/3' }));
    expect({ ...bucket }).toEqual({ 'watch01-a': '2026-11/0', 'watch01-b': '2026-12/3' });
  });

  it('history id bucket - an entry that is not a part reference is left out, the rest kept', () => {
    const bucket = parseIdBucket(JSON.stringify({ 'watch01-a': '2026-11/0', 'watch01-b': 3, 'watch01-c': null }));
    expect({ ...bucket }).toEqual({ 'watch01-a': '2026-11/0' });
  });

  it('history id bucket - a bucket that is not a JSON object is damaged (undefined: the writer rebuilds)', () => {
    for (const text of ['{broken', '[]', '"x"', '3', 'null']) expect(parseIdBucket(text), text).toBeUndefined();
  });

  it('history id bucket - an id named like an Object property is an ordinary id', () => {
    const bucket = parseIdBucket(JSON.stringify({ constructor: '2026-11/0' })) as Record<string, string>;
    expect(bucket['constructor']).toBe('2026-11/0');
    expect(bucket['toString']).toBeUndefined();
    expect((parseIdBucket(undefined) as Record<string, string>)['toString']).toBeUndefined();
  });
});
