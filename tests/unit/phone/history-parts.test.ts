// The month parts and the index of the phone's history layout 2 (docs/sync.md, "Phone storage"):
// `history:YYYY-MM/N` arrays in arrival order, a part closed once the next session would take it past
// PART_BYTES (a part holding one session may be larger), only the newest part appended to; the index
// `{v: 2, months: [{month, count, parts: [[sessions, bytes]…], trusted, suspect}]}` is the writer's
// map of those parts, and `history:ids/XX` names the part holding each id.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { HISTORY_INDEX_KEY, PART_BYTES, idBucketKey, monthOf, partKey, readHistory } from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { DAY_MS, MINUTE_MS, makeRecord, recordOfBytes } from '../../fixtures/records';

const NOW = Date.UTC(2027, 11, 1, 12);
const encoder = new TextEncoder();
const bytesOf = (text: string): number => encoder.encode(text).length;

interface IndexMonth {
  month: string;
  count: number;
  parts: Array<[number, number]>;
  trusted: boolean;
  suspect: boolean;
}

function indexOf(store: MemoryStore): IndexMonth[] {
  const parsed = JSON.parse(store.getItem(HISTORY_INDEX_KEY) as string) as { v: number; months: IndexMonth[] };
  expect(parsed.v).toBe(2);
  return parsed.months;
}

function partsOf(store: MemoryStore, month: string): string[] {
  const out: string[] = [];
  for (let p = 0; store.getItem(partKey(month, p)) !== null; p += 1) out.push(store.getItem(partKey(month, p)) as string);
  return out;
}

function push(store: MemoryStore, records: readonly SessionRecord[]): void {
  for (let i = 0; i < records.length; i += 10) {
    const batch = records.slice(i, i + 10);
    expect(answerPush(store, makePushParams(batch), NOW)).toEqual({ accepted: batch.map((r) => r.id), rejected: [] });
  }
}

/** Sessions of one month in `tz`, each `day` a day of that month, starting at 07:00 UTC plus `i` minutes. */
const inNovember = (count: number, over: Partial<SessionRecord> = {}): SessionRecord[] =>
  Array.from({ length: count }, (_, i) => makeRecord({ startedAt: Date.UTC(2026, 10, 2, 7) + i * 7 * MINUTE_MS, tzOffsetMin: 0, ...over }));

/** Checks everything docs/sync.md says about a stored month's parts against its index entry. */
function expectPartsMatchIndex(store: MemoryStore): void {
  const months = indexOf(store);
  for (const entry of months) {
    const parts = partsOf(store, entry.month);
    expect(parts.length, entry.month).toBe(entry.parts.length);
    let count = 0;
    parts.forEach((text, p) => {
      const records = JSON.parse(text) as SessionRecord[];
      count += records.length;
      // [sessions, bytes]: how many sessions the part holds and its size in bytes.
      expect(entry.parts[p], `${entry.month}/${p}`).toEqual([records.length, bytesOf(text)]);
      if (records.length > 1) expect(bytesOf(text)).toBeLessThanOrEqual(PART_BYTES);
      for (const r of records) {
        expect(monthOf(r)).toBe(entry.month);
        const bucket = JSON.parse(store.getItem(idBucketKey(r.id)) as string) as Record<string, string>;
        expect(bucket[r.id], r.id).toBe(`${entry.month}/${p}`);
      }
      // A part is closed only when the next session would take it past PART_BYTES.
      const next = parts[p + 1];
      if (next !== undefined) {
        const first = (JSON.parse(next) as unknown[])[0];
        expect(bytesOf(text) + 1 + bytesOf(JSON.stringify(first)), `${entry.month}/${p} closed early`).toBeGreaterThan(PART_BYTES);
      }
    });
    expect(entry.count).toBe(count);
  }
}

describe('history parts', () => {
  it('history parts - one session is a part of one element, and the index counts its bytes and session', () => {
    const store = new MemoryStore();
    const [record] = inNovember(1) as [SessionRecord];
    push(store, [record]);
    const text = JSON.stringify([record]);
    expect(store.getItem(partKey('2026-11', 0))).toBe(text);
    // The keys docs/sync.md names: the part, the id bucket, the index and the summaries.
    expect(store.keys().filter((k) => k.indexOf('history:') === 0).sort()).toEqual(['history:2026-11/0', 'history:index', 'history:summary', idBucketKey(record.id)].sort());
    expect(indexOf(store)).toEqual([{ month: '2026-11', count: 1, parts: [[1, bytesOf(text)]], trusted: true, suspect: false }]);
    expect(JSON.parse(store.getItem(idBucketKey(record.id)) as string)).toEqual({ [record.id]: '2026-11/0' });
  });

  it('history parts - sessions are appended in arrival order, and a part is closed only when the next one would not fit', () => {
    const store = new MemoryStore();
    const month = inNovember(130);
    // Arrival order differs from start order: the last pushed first.
    push(store, month.slice(65));
    push(store, month.slice(0, 65));
    const stored = partsOf(store, '2026-11').flatMap((t) => JSON.parse(t) as SessionRecord[]);
    expect(stored.map((r) => r.id)).toEqual(month.slice(65).concat(month.slice(0, 65)).map((r) => r.id));
    expect(partsOf(store, '2026-11').length).toBeGreaterThan(2);
    expectPartsMatchIndex(store);
  });

  it('history parts - only the open part is written to: the closed ones keep their text', () => {
    const store = new MemoryStore();
    push(store, inNovember(120));
    const before = partsOf(store, '2026-11');
    store.writes.length = 0;
    const [late] = inNovember(1, { startedAt: Date.UTC(2026, 10, 29, 7) }) as [SessionRecord];
    push(store, [late]);
    const after = partsOf(store, '2026-11');
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    const written = store.writes.map((w) => w.key).filter((k) => k.indexOf('history:2026-11/') === 0);
    expect(written.length).toBe(1);
    expect([partKey('2026-11', before.length - 1), partKey('2026-11', before.length)]).toContain(written[0]);
  });

  it('history parts - a month holding a session from a wrong watch clock is marked suspect; one from a right clock trusted', () => {
    const store = new MemoryStore();
    // 2019: the firmware's default date, before Knead existed.
    const wrongClock = makeRecord({ startedAt: Date.UTC(2019, 0, 1, 8), tzOffsetMin: 0 });
    const right = inNovember(1);
    push(store, [wrongClock, ...right]);
    expect(indexOf(store).map((m) => [m.month, m.trusted, m.suspect])).toEqual([
      ['2026-11', true, false],
      ['2019-01', false, true],
    ]);
    // A month holding both: a session from a right clock and one more than a day ahead of the phone's.
    const today = makeRecord({ startedAt: NOW - 4 * 3_600_000, tzOffsetMin: 0 });
    const ahead = makeRecord({ startedAt: NOW + 10 * DAY_MS, tzOffsetMin: 0 });
    push(store, [today, ahead]);
    expect(indexOf(store).find((m) => m.month === '2027-12')).toEqual({ month: '2027-12', count: 2, parts: expect.anything(), trusted: true, suspect: true });
    expectPartsMatchIndex(store);
  });

  it('history parts - a session that fills the open part to exactly PART_BYTES joins it; one byte more opens the next part', () => {
    /** The stored size of a record, as the phone writes it (pushed alone into an empty store). */
    const storedBytes = (r: SessionRecord): number => {
      const scratch = new MemoryStore();
      push(scratch, [r]);
      return bytesOf(scratch.getItem(partKey('2026-11', 0)) as string) - 2;
    };
    /** A November session whose stored text is exactly `target` bytes. */
    const sessionOfBytes = (target: number, day: number): SessionRecord => {
      const found = recordOfBytes(target, { startedAt: Date.UTC(2026, 10, day, 7), tzOffsetMin: 0 });
      expect(storedBytes(found)).toBe(target);
      return found;
    };
    const fillers: SessionRecord[] = [];
    const filled = new MemoryStore();
    // Fill part 0 until the room left is one session's size.
    for (let i = 0; ; i += 1) {
      const text = filled.getItem(partKey('2026-11', 0));
      const room = PART_BYTES - (text === null ? 0 : bytesOf(text)) - 1;
      if (room < 2_000) break;
      const [filler] = inNovember(1, { startedAt: Date.UTC(2026, 10, 2, 7) + i * MINUTE_MS }) as [SessionRecord];
      fillers.push(filler);
      push(filled, [filler]);
    }
    expect(partsOf(filled, '2026-11')).toHaveLength(1);
    const room = PART_BYTES - bytesOf(filled.getItem(partKey('2026-11', 0)) as string) - 1;

    const exact = new MemoryStore();
    push(exact, fillers);
    push(exact, [sessionOfBytes(room, 20)]);
    expect(partsOf(exact, '2026-11')).toHaveLength(1);
    expect(bytesOf(exact.getItem(partKey('2026-11', 0)) as string)).toBe(PART_BYTES);
    expectPartsMatchIndex(exact);

    const over = new MemoryStore();
    push(over, fillers);
    const big = sessionOfBytes(room + 1, 20);
    push(over, [big]);
    expect(partsOf(over, '2026-11')).toHaveLength(2);
    expect(over.getItem(partKey('2026-11', 0))).toBe(filled.getItem(partKey('2026-11', 0)));
    expect((JSON.parse(over.getItem(partKey('2026-11', 1)) as string) as SessionRecord[]).map((r) => r.id)).toEqual([big.id]);
    expectPartsMatchIndex(over);
  });

  it('history parts - the parts, the index and the id buckets agree after any pushes over several months (property)', () => {
    const recordArb = fc
      .record({ day: fc.integer({ min: 0, max: 75 }), minute: fc.integer({ min: 0, max: 1439 }), steps: fc.integer({ min: 1, max: 12 }) })
      .map(({ day, minute, steps }) =>
        makeRecord({
          startedAt: Date.UTC(2026, 9, 1) + day * DAY_MS + minute * MINUTE_MS,
          tzOffsetMin: 0,
          steps: Array.from({ length: steps }, () => ({ area: 'neck', side: 'both', plannedMs: 60_000, doneMs: 60_000, skipped: false })),
        }),
      );
    fc.assert(
      fc.property(fc.array(fc.array(recordArb, { maxLength: 25 }), { maxLength: 6 }), (batches) => {
        const store = new MemoryStore();
        for (const batch of batches) push(store, batch);
        if (batches.flat().length === 0) return store.keys().length === 0;
        expectPartsMatchIndex(store);
        const stored = readHistory(store).records.map((r) => r.id).sort();
        return JSON.stringify(stored) === JSON.stringify(batches.flat().map((r) => r.id).sort());
      }),
      { numRuns: 40 },
    );
  });
});
