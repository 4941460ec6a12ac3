// The outbox's storage layout (docs/sync.md "The watch outbox in storage"): an index
// `{v: 2, head, tail, recent}` naming the slots in use, one `outbox:r:<slot>` key per session whose
// `n` orders the queue, a save that writes only what changed (new slots, then the index, removals
// last), and a span tail - head kept within the bound by moving the oldest session.
import { describe, expect, it } from 'vitest';
import { writeAll } from '../../../core/kernel/store';
import type { SessionRecord } from '../../../core/routines/model';
import type { OutboxState, PendingEntry } from '../../../core/sync/outbox-state';
import { applyAck, emptyOutbox } from '../../../core/sync/outbox-state';
import { OUTBOX_KEY, decodeIndex, decodeSlot, emptyLayout, encodeIndex, planSave, stateFromSlots } from '../../../core/sync/outbox-layout';
import type { DecodedSlot } from '../../../core/sync/outbox-layout';
import { MAX_SLOT_SPAN, enqueue, loadOutbox, recordFailure } from '../../../core/sync/outbox';
import { summarize } from '../../../core/sync/recent-history';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord, makeRecords } from '../../fixtures/records';

function entry(record: SessionRecord): PendingEntry {
  return { id: record.id, record: record as unknown as Readonly<Record<string, unknown>>, attempts: 0 };
}

function waiting(records: readonly SessionRecord[]): OutboxState {
  return { ...emptyOutbox(), pending: records.map(entry) };
}

function slotText(n: number, record: SessionRecord, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ v: 2, n, status: 'pending', id: record.id, record, attempts: 0, ...extra });
}

function problemOf(result: ReturnType<typeof decodeIndex>): string | undefined {
  return typeof result === 'object' && 'problem' in result ? result.problem : undefined;
}

describe('outbox layout - reading the index', () => {
  it('outbox layout - an index whose span is exactly the bound is read; one slot more is damaged', () => {
    expect(decodeIndex(encodeIndex(0, 10, []), 10)).toEqual({ head: 0, tail: 10, recent: [] });
    expect(decodeIndex(encodeIndex(5, 15, []), 10)).toEqual({ head: 5, tail: 15, recent: [] });
    expect(problemOf(decodeIndex(encodeIndex(5, 16, []), 10))).toBe('outbox index has no usable slot range');
    expect(problemOf(decodeIndex(encodeIndex(0, 11, []), 10))).toBe('outbox index has no usable slot range');
  });

  it('outbox layout - an index with its range reversed, negative or fractional is damaged', () => {
    for (const [head, tail] of [[7, 3], [-1, 4], [0, 2.5], [1.5, 3]] as const) {
      expect(problemOf(decodeIndex(encodeIndex(head, tail, []), 100))).toBe('outbox index has no usable slot range');
    }
    expect(problemOf(decodeIndex('{"v":2,"head":"0","tail":3,"recent":[]}', 100))).toBe('outbox index has no usable slot range');
  });

  it('outbox layout - an index whose recent list is damaged is damaged as a whole, saying which list', () => {
    const raw = encodeIndex(0, 2, [summarize(makeRecord()), { id: 'half' } as never]);
    expect(problemOf(decodeIndex(raw, 100))).toBe('1 recent entry was unreadable');
    expect(problemOf(decodeIndex('{"v":2,"head":0,"tail":0}', 100))).toBe('outbox recent list is missing or not a list');
  });

  it('outbox layout - an index that is not an object, or from a newer Knead, is damaged; an older one is converted', () => {
    expect(problemOf(decodeIndex('[0,1]', 100))).toBe('outbox storage is not an object');
    expect(problemOf(decodeIndex('{"v":2,', 100))).toBe('outbox storage is not valid JSON');
    expect(problemOf(decodeIndex('{"v":3,"head":0,"tail":0,"recent":[]}', 100))).toContain('update Knead');
    expect(decodeIndex('{"v":1,"pending":[],"rejected":[],"recent":[]}', 100)).toBe('legacy');
  });
});

describe('outbox layout - reading one slot', () => {
  it('outbox layout - a waiting and a refused session read back as stored', () => {
    const record = makeRecord();
    expect(decodeSlot(slotText(4, record, { attempts: 2, lastError: 'code 2' }))).toEqual({ status: 'pending', n: 4, entry: { id: record.id, record, attempts: 2, lastError: 'code 2' } });
    const refused = JSON.stringify({ v: 2, n: 0, status: 'rejected', id: record.id, record, reason: 'another session already has this id', rejectedAt: 9 });
    expect(decodeSlot(refused)).toEqual({ status: 'rejected', n: 0, entry: { id: record.id, record, reason: 'another session already has this id', rejectedAt: 9 } });
  });

  it('outbox layout - a slot of another version, with a bad order number, an unknown status or a refusal without reason is unreadable', () => {
    const record = makeRecord();
    const bad = [
      '{"v":2,"n":0,',
      '"pending"',
      slotText(0, record, { v: 1 }),
      slotText(0, record, { v: 3 }),
      slotText(-1, record),
      slotText(1.5, record),
      slotText(0, record, { status: 'sent' }),
      slotText(0, record, { status: 'sent', reason: 'delivered' }),
      slotText(0, record, { status: 'rejected' }),
      slotText(0, record, { status: 'rejected', reason: 42 }),
      slotText(0, record, { record: { ...record, id: 'other' } }),
    ];
    for (const raw of bad) expect(decodeSlot(raw)).toBeUndefined();
  });
});

describe('outbox layout - the queue order', () => {
  it('outbox layout - the queue follows n, not slot numbers (a session moved to a new slot keeps its place)', () => {
    const [oldest, middle, newest] = makeRecords(3) as [SessionRecord, SessionRecord, SessionRecord];
    const slot = (at: number, n: number, record: SessionRecord): { slot: number; decoded: DecodedSlot; text: string } => {
      const text = slotText(n, record);
      return { slot: at, decoded: decodeSlot(text) as DecodedSlot, text };
    };
    const found = stateFromSlots([slot(4, 2, middle), slot(9, 0, oldest), slot(6, 7, newest)], []);
    expect(found.state.pending.map((e) => e.id)).toEqual([oldest.id, middle.id, newest.id]);
    expect(found.duplicates).toEqual([]);
  });

  it('outbox layout - a save keeps the order the state gives, even against the stored order', () => {
    const store = new MemoryStore();
    const [a, b, c] = makeRecords(3) as [SessionRecord, SessionRecord, SessionRecord];
    for (const r of [a, b, c]) enqueue(store, r);
    const loaded = loadOutbox(store);
    const reordered: OutboxState = { ...loaded.state, pending: [loaded.state.pending[2], loaded.state.pending[0], loaded.state.pending[1]] as PendingEntry[] };
    expect(writeAll(store, planSave(loaded.layout, reordered, MAX_SLOT_SPAN).writes).ok).toBe(true);
    expect(loadOutbox(store).state.pending.map((e) => e.id)).toEqual([c.id, a.id, b.id]);
  });
});

describe('outbox layout - what a save writes', () => {
  it('outbox layout - saving what is already stored writes nothing', () => {
    const store = new MemoryStore();
    const records = makeRecords(3);
    for (const r of records) enqueue(store, r);
    const loaded = loadOutbox(store);
    expect(planSave(loaded.layout, loaded.state, MAX_SLOT_SPAN).writes).toEqual([]);
  });

  it('outbox layout - a failed attempt rewrites only the slot it marks, not the index', () => {
    const store = new MemoryStore();
    const records = makeRecords(3);
    for (const r of records) enqueue(store, r);
    const before = store.writes.length;
    recordFailure(store, [records[0]?.id ?? ''], 'code 2: disconnected');
    const written = store.writes.slice(before).map((w) => w.key);
    // The attempt count lives in the session's own slot; the index (numbers and the recent list) is unchanged.
    expect(written).toHaveLength(1);
    expect(written[0]).not.toBe(OUTBOX_KEY);
  });

  it('outbox layout - a refusal with a reason, saved and read back, reads as stored (no rewrite on the next save)', () => {
    const store = new MemoryStore();
    const records = makeRecords(2);
    for (const r of records) enqueue(store, r);
    const loaded = loadOutbox(store);
    const refused = applyAck(loaded.state, [], [{ id: records[1]?.id ?? '', reason: 'routine unknown on the phone' }], 1_700_000_000_000).state;
    expect(writeAll(store, planSave(loaded.layout, refused, MAX_SLOT_SPAN).writes).ok).toBe(true);
    const again = loadOutbox(store);
    expect(planSave(again.layout, again.state, MAX_SLOT_SPAN).writes).toEqual([]);
  });

  it('outbox layout - new slots are written first, then the index, and removals come last', () => {
    const store = new MemoryStore();
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    enqueue(store, a);
    const loaded = loadOutbox(store);
    const next: OutboxState = { ...loaded.state, pending: [entry(b)], recent: [summarize(b)] };
    const keys = planSave(loaded.layout, next, MAX_SLOT_SPAN).writes.map(([key, value]) => [key, value === undefined ? 'remove' : 'set']);
    expect(keys).toEqual([['outbox:r:1', 'set'], [OUTBOX_KEY, 'set'], ['outbox:r:0', 'remove']]);
  });

  it('outbox layout - a span at exactly the bound moves nothing; one past it moves the oldest session to the end', () => {
    const [kept, ...others] = makeRecords(5) as [SessionRecord, ...SessionRecord[]];
    // Slot 0 holds `kept`; slots 1-2 were acknowledged (holes); slot 3 is free for the next session.
    let plan = planSave(emptyLayout(), waiting([kept, ...others.slice(0, 2)]), 4);
    plan = planSave(plan.layout, waiting([kept]), 4);
    const atBound = planSave(plan.layout, waiting([kept, others[2] as SessionRecord]), 4);
    expect(atBound.writes.map(([key]) => key)).toEqual(['outbox:r:3', OUTBOX_KEY]);
    expect([atBound.layout.head, atBound.layout.tail]).toEqual([0, 4]);
    const past = planSave(atBound.layout, waiting([kept, others[2] as SessionRecord, others[3] as SessionRecord]), 4);
    expect(past.writes.map(([key, value]) => [key, value === undefined ? 'remove' : 'set'])).toEqual([
      ['outbox:r:4', 'set'],
      ['outbox:r:5', 'set'],
      [OUTBOX_KEY, 'set'],
      ['outbox:r:0', 'remove'],
    ]);
    expect([past.layout.head, past.layout.tail]).toEqual([3, 6]);
    expect(past.layout.placed.get(kept.id)?.slot).toBe(5);
  });

  it('outbox layout - more sessions than the span bound (an old outbox converted) are all placed, none moved in a loop', () => {
    const records = makeRecords(7);
    const plan = planSave(emptyLayout(), waiting(records), 3);
    expect([plan.layout.head, plan.layout.tail]).toEqual([0, 7]);
    expect(plan.writes.filter(([key]) => key !== OUTBOX_KEY)).toHaveLength(7);
  });
});
