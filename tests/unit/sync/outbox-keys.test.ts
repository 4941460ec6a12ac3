// The watch outbox's key names are part of the stored format (docs/sync.md "The watch outbox in
// storage"): a later Knead must find what an earlier one stored, so they may never change.

import { describe, expect, it } from 'vitest';
import { enqueue, loadOutbox } from '../../../core/sync/outbox';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

describe('outbox keys', () => {
  it("the index is stored under 'outbox' and each session under 'outbox:r:<slot>'", () => {
    const store = new MemoryStore();
    const record = makeRecord();
    expect(enqueue(store, record).ok).toBe(true);
    expect(store.keys().sort()).toEqual(['outbox', 'outbox:r:0']);
    expect(JSON.parse(store.getItem('outbox') ?? 'null')).toMatchObject({ v: 2, head: 0, tail: 1 });
    expect(JSON.parse(store.getItem('outbox:r:0') ?? 'null')).toMatchObject({ v: 2, status: 'pending', id: record.id });
  });

  it("an outbox an older Knead stored whole under 'outbox' is read", () => {
    const record = makeRecord();
    const store = new MemoryStore({ outbox: JSON.stringify({ v: 1, pending: [{ id: record.id, record, attempts: 0 }], rejected: [], recent: [] }) });
    expect(loadOutbox(store).state.pending.map((e) => e.id)).toEqual([record.id]);
  });
});
