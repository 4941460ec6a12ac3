// What the phone's history readers report (docs/sync.md "Phone storage rules": readers report a
// damaged part or entry without losing the rest): an unreadable session is named by its part and
// place in it; each damaged value of a month is reported on its own; a month is read in order of
// start, then id, so sessions started in the same millisecond keep one order whatever storage holds.
// And the quarantine never loses the newest damaged value, even one whose text alone fills it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { MAX_QUARANTINE_BYTES, addRecords, bucketKey, partKey, readBucket, readHistory, readQuarantine } from '../../../core/phone/history-store';
import { byStart } from '../../../core/phone/history-writer';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 11, 20, 12);
const at = (d: number, id?: string): SessionRecord => {
  const r = makeRecord({ startedAt: Date.UTC(2026, 10, d, 9), tzOffsetMin: 0 });
  return id === undefined ? r : { ...r, id };
};

describe('history reader reports', () => {
  it('readers - an unreadable session is named by its part and its place in that part', () => {
    const first = at(3);
    const second = at(4);
    const store = new MemoryStore({ [partKey('2026-11', 0)]: JSON.stringify([first]), [partKey('2026-11', 1)]: JSON.stringify([second, { ...at(5), status: 'maybe' }]) });
    const bucket = readBucket(store, '2026-11');
    expect(bucket.records).toEqual([first, second]);
    expect(bucket.problem).toContain('history:2026-11/1[1]');
  });

  it('readers - each damaged value of a month is reported on its own, by its key', () => {
    const good = at(3);
    const store = new MemoryStore({
      [partKey('2026-11', 0)]: '[{"not json',
      [partKey('2026-11', 1)]: JSON.stringify({ not: 'a list' }),
      [partKey('2026-11', 2)]: JSON.stringify([good]),
    });
    const bucket = readBucket(store, '2026-11');
    expect(bucket.records).toEqual([good]);
    const problems = (bucket.problem ?? '').split('; ');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('history:2026-11/0');
    expect(problems[1]).toContain('history:2026-11/1');
  });

  it('readers - sessions started in the same millisecond are read in order of id, whatever order storage holds them in', () => {
    const ids = ['watch01-c', 'watch01-b', 'watch01-a'];
    const same = ids.map((id) => at(5, id));
    const store = new MemoryStore({ [partKey('2026-11', 0)]: JSON.stringify(same) });
    expect(readBucket(store, '2026-11').records.map((r) => r.id)).toEqual(['watch01-a', 'watch01-b', 'watch01-c']);
    expect(readHistory(store).records.map((r) => r.id)).toEqual(['watch01-a', 'watch01-b', 'watch01-c']);
  });

  it('readers - start, then id, is a consistent order: a session compares equal to itself, and swapping two flips the sign (property)', () => {
    // A sort with an inconsistent comparison is left to the engine (ECMAScript), and the phone's
    // engine is not the one the tests run on: the order must not depend on how it sorts.
    const session = fc.record({ start: fc.integer({ min: 0, max: 2 }), id: fc.constantFrom('watch01-a', 'watch01-b', 'watch01-c') }).map(({ start, id }) => at(5 + start, id));
    fc.assert(
      fc.property(session, session, (a, b) => {
        const sign = Math.sign(byStart(a, b));
        expect(Math.sign(byStart(b, a)) + sign).toBe(0);
        expect(sign).toBe(Math.sign(a.startedAt - b.startedAt) || (a.id < b.id ? -1 : a.id === b.id ? 0 : 1));
      }),
    );
  });

  it('quarantine - the newest damaged value is kept even when its text alone, escaped, is larger than the quarantine', () => {
    // 40,000 quotes: cut to half the quarantine, then each one escaped as \" in the stored JSON.
    const damaged = '"'.repeat(40_000);
    const store = new MemoryStore({ [STORAGE_VERSION_KEY]: '1', [bucketKey('2026-11')]: damaged });
    const fresh = at(20);
    expect(addRecords(store, [fresh], NOW).added).toEqual([fresh.id]);
    const quarantine = readQuarantine(store);
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]?.month).toBe('2026-11');
    expect(quarantine[0]?.raw.startsWith('"'.repeat(1_000))).toBe(true);
    expect(quarantine[0]?.raw.length).toBeLessThanOrEqual(MAX_QUARANTINE_BYTES / 2 + 1);
  });
});
