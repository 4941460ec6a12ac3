// The watch outbox when storage is damaged or refuses (docs/sync.md "The watch outbox in storage"):
// a damaged index is rebuilt from the session keys, an unreadable value is copied verbatim to
// `outbox.quarantine.<n>` and costs only itself, an unreadable store is never written over, and
// bad input (an unusable id, a record that cannot be stored) gets a clear error and changes nothing.
import { describe, expect, it } from 'vitest';
import { writeAll } from '../../../core/kernel/store';
import type { SessionRecord } from '../../../core/routines/model';
import { emptyLayout, planSave } from '../../../core/sync/outbox-layout';
import type { OutboxState } from '../../../core/sync/outbox-state';
import { emptyOutbox } from '../../../core/sync/outbox-state';
import {
  MAX_OUTBOX_RECORDS,
  MAX_SLOT_SPAN,
  OUTBOX_KEY,
  acknowledge,
  enqueue,
  loadOutbox,
  nextBatch,
  outboxStatus,
  recordFailure,
} from '../../../core/sync/outbox';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord, makeRecords, makeStep } from '../../fixtures/records';

const NOW = BASE_START + 400 * DAY_MS;

/** A store whose reads of some keys throw, as a failing flash read would. */
class UnreadableStore extends MemoryStore {
  constructor(private readonly unreadable: (key: string) => boolean) {
    super();
  }

  override getItem(key: string): string | null {
    if (this.unreadable(key)) throw new Error('flash read error');
    return super.getItem(key);
  }
}

function pendingIds(store: MemoryStore): string[] {
  return loadOutbox(store).state.pending.map((e) => e.id);
}

describe('outbox - damaged index', () => {
  it('outbox - a damaged index is rebuilt from the session keys: nothing lost, order kept, and no later session overwrites one', () => {
    const store = new MemoryStore({ 'backlight:7': '1', 'plan': '{}' });
    const records = makeRecords(4);
    for (const r of records) enqueue(store, r);
    acknowledge(store, [records[1]?.id ?? ''], [], NOW);
    // Slots 0, 2, 3 hold sessions; stray keys that only look like session keys are not sessions.
    store.setItem('outbox:r:x', 'not a slot');
    store.setItem('outbox:r:-1', 'not a slot');
    store.setItem('outbox:r:1.5', 'not a slot');
    store.setItem(OUTBOX_KEY, '{"v":2,"head":0,"tail":');

    const loaded = loadOutbox(store);
    expect(loaded.writable).toBe(true);
    expect(loaded.problem).toContain('outbox storage is not valid JSON');
    expect(store.getItem('outbox.quarantine.1')).toBe('{"v":2,"head":0,"tail":');
    expect(loaded.state.pending.map((e) => e.id)).toEqual([records[0]?.id, records[2]?.id, records[3]?.id]);
    for (const key of ['outbox:r:x', 'outbox:r:-1', 'outbox:r:1.5', 'backlight:7', 'plan']) expect(store.getItem(key)).not.toBeNull();

    const later = makeRecord({ startedAt: BASE_START + 50 * DAY_MS });
    expect(enqueue(store, later).ok).toBe(true);
    expect(pendingIds(store)).toEqual([records[0]?.id, records[2]?.id, records[3]?.id, later.id]);
  });

  it('outbox - an index that is not an object, or claims a reversed range, is set aside and the sessions found by their keys', () => {
    for (const damaged of ['[3]', '{"v":2,"head":5,"tail":1,"recent":[]}']) {
      const store = new MemoryStore();
      const records = makeRecords(2);
      for (const r of records) enqueue(store, r);
      store.setItem(OUTBOX_KEY, damaged);
      const loaded = loadOutbox(store);
      expect(loaded.problem).toContain(damaged === '[3]' ? 'outbox storage is not an object' : 'outbox index has no usable slot range');
      expect(loaded.state.pending.map((e) => e.id)).toEqual(records.map((r) => r.id));
      expect(store.getItem('outbox.quarantine.1')).toBe(damaged);
    }
  });

  it('outbox - a load reads the slots head..tail-1 only: a slot left past the tail is not in the queue', () => {
    const store = new MemoryStore();
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    enqueue(store, a);
    // What an interrupted save leaves: the new slot written, the index not.
    store.setItem('outbox:r:1', JSON.stringify({ v: 2, n: 1, status: 'pending', id: b.id, record: b, attempts: 0 }));
    expect(pendingIds(store)).toEqual([a.id]);
  });
});

describe('outbox - damaged sessions', () => {
  it('outbox - two damaged sessions are each set aside under their own key and named in one message', () => {
    const store = new MemoryStore();
    const records = makeRecords(4);
    for (const r of records) enqueue(store, r);
    acknowledge(store, [], [{ id: records[3]?.id ?? '', reason: 'another session already has this id' }], NOW);
    store.setItem('outbox:r:0', '{"v":2');
    store.setItem('outbox:r:2', '7');

    const loaded = loadOutbox(store);
    expect(loaded.problem).toBe(
      "stored session outbox:r:0 was unreadable; stored session outbox:r:2 was unreadable; the original was set aside under 'outbox.quarantine.1', 'outbox.quarantine.2' and 2 readable entries were kept",
    );
    expect([store.getItem('outbox.quarantine.1'), store.getItem('outbox.quarantine.2')]).toEqual(['{"v":2', '7']);
    expect(loaded.state.pending.map((e) => e.id)).toEqual([records[1]?.id]);
    expect(loaded.state.rejected.map((e) => e.id)).toEqual([records[3]?.id]);
  });

  it('outbox - queueing onto a damaged outbox sets the damage aside and queues the session in the same call', () => {
    const store = new MemoryStore();
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    enqueue(store, a);
    store.setItem('outbox:r:0', 'garbage');
    const result = enqueue(store, b);
    expect(result.ok).toBe(true);
    expect(result.ok && result.problem).toContain("set aside under 'outbox.quarantine.1'");
    expect(pendingIds(store)).toEqual([b.id]);
  });

  it('outbox - queueing onto an outbox an older Knead stored as one key converts it and queues the session in the same call', () => {
    const old = makeRecord();
    const store = new MemoryStore({ [OUTBOX_KEY]: JSON.stringify({ v: 1, pending: [{ id: old.id, record: old, attempts: 0 }], rejected: [], recent: [] }) });
    const fresh = makeRecord({ startedAt: BASE_START + DAY_MS });
    expect(enqueue(store, fresh)).toEqual({ ok: true });
    expect(pendingIds(store)).toEqual([old.id, fresh.id]);
  });
});

describe('outbox - storage that cannot be read', () => {
  it('outbox - an index that cannot be read makes the outbox read-only: queueing fails with the reason and writes nothing', () => {
    const store = new UnreadableStore((key) => key === OUTBOX_KEY);
    const loaded = loadOutbox(store);
    expect(loaded.writable).toBe(false);
    expect(loaded.problem).toContain('could not read outbox');
    const result = enqueue(store, makeRecord());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('flash read error');
    expect(store.writes).toEqual([]);
  });

  it('outbox - a session key that cannot be read makes the outbox read-only rather than dropping it', () => {
    let failing = false;
    const store = new UnreadableStore((key) => failing && key === 'outbox:r:1');
    const records = makeRecords(2);
    for (const r of records) enqueue(store, r);
    failing = true;
    const writes = store.writes.length;
    expect(loadOutbox(store).writable).toBe(false);
    expect(enqueue(store, makeRecord()).ok).toBe(false);
    expect(store.writes.length).toBe(writes);
    failing = false;
    expect(pendingIds(store)).toEqual(records.map((r) => r.id));
  });
});

describe('outbox - bad input', () => {
  it('outbox - a session whose id is not 1-64 visible ASCII characters is refused with a clear error and nothing is stored', () => {
    for (const id of ['', 'a'.repeat(65), 'tab\there', 'é']) {
      const store = new MemoryStore();
      const result = enqueue(store, makeRecord({ id }));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toBe('session id must be 1-64 visible ASCII characters');
      expect(store.snapshot()).toEqual({});
    }
  });

  it('outbox - a record that cannot be written as JSON is refused with a clear error and what is held is kept', () => {
    const store = new MemoryStore();
    const held = makeRecord();
    enqueue(store, held);
    const before = store.snapshot();
    const notes: unknown[] = [];
    const looping = { ...makeRecord({ startedAt: BASE_START + DAY_MS }), notes } as unknown as SessionRecord;
    notes.push(looping);
    const result = enqueue(store, looping);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('could not encode the outbox');
    expect(store.snapshot()).toEqual(before);
  });
});

describe('outbox - bounds', () => {
  it('outbox - the span bound leaves room for every session the watch may hold, plus holes', () => {
    expect(MAX_SLOT_SPAN).toBeGreaterThan(MAX_OUTBOX_RECORDS);
  });

  it('outbox - waiting and refused sessions count together towards the 1000 held; the full message says what to do', () => {
    const small = { steps: [makeStep()], checkIn: [], notes: [] };
    const waiting = makeRecords(600, small).map((r) => ({ id: r.id, record: r as unknown as Readonly<Record<string, unknown>>, attempts: 0 }));
    const refused = makeRecords(400, small).map((r) => ({ id: r.id, record: r as unknown as Readonly<Record<string, unknown>>, reason: 'another session already has this id', rejectedAt: NOW }));
    const full: OutboxState = { ...emptyOutbox(), pending: waiting, rejected: refused };
    const store = new MemoryStore();
    expect(writeAll(store, planSave(emptyLayout(), full, MAX_SLOT_SPAN).writes).ok).toBe(true);
    const before = store.snapshot();

    const result = enqueue(store, makeRecord({ startedAt: NOW }));
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error).toContain('1000 sessions');
    expect(error).toContain('discard refused ones in History');
    expect(store.snapshot()).toEqual(before);
  });
});

describe('outbox - failed attempts', () => {
  it('outbox - a failed batch is noted on the sessions still waiting even when one of them has left meanwhile', () => {
    const store = new MemoryStore();
    const [gone, stays] = makeRecords(2) as [SessionRecord, SessionRecord];
    enqueue(store, gone);
    enqueue(store, stays);
    acknowledge(store, [gone.id], [], NOW);
    expect(recordFailure(store, [gone.id, stays.id], 'code 2: disconnected').ok).toBe(true);
    expect(loadOutbox(store).state.pending).toEqual([expect.objectContaining({ id: stays.id, attempts: 1, lastError: 'code 2: disconnected' })]);
    expect(nextBatch(store).ids).toEqual([stays.id]);
    expect(outboxStatus(store).pending).toBe(1);
  });
});
