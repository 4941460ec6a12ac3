import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { MAX_OUTBOX_RECORDS, OUTBOX_FULL_MESSAGE, OUTBOX_KEY, acknowledge, discardRejected, enqueue, loadOutbox, nextBatch, outboxStatus, recordFailure, retryRejected } from '../../../core/sync/outbox';
import { MAX_PUSH_BYTES } from '../../../core/sync/protocol';
import { RECENT_LIMIT } from '../../../core/sync/recent-history';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord, makeRecords, makeStep } from '../../fixtures/records';

const NOW = BASE_START + DAY_MS;

function pendingIds(store: MemoryStore): string[] {
  return loadOutbox(store).state.pending.map((e) => e.id);
}

describe('outbox', () => {
  it('outbox - enqueue is idempotent by id', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    expect(enqueue(store, record)).toEqual({ ok: true });
    expect(enqueue(store, record)).toEqual({ ok: true });
    expect(pendingIds(store)).toEqual([record.id]);
  });

  it('outbox - a session already acknowledged is not queued again', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    enqueue(store, record);
    acknowledge(store, [record.id], [], NOW);
    enqueue(store, record);
    expect(pendingIds(store)).toEqual([]);
  });

  it('outbox - an entry leaves only when the phone accepted its id', () => {
    const store = new MemoryStore();
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    enqueue(store, a);
    enqueue(store, b);
    const batch = nextBatch(store);
    expect(batch.ids).toEqual([a.id, b.id]);
    expect(pendingIds(store)).toEqual([a.id, b.id]);
    expect(acknowledge(store, [a.id], [], NOW)).toEqual({ ok: true, accepted: 1, rejected: 0 });
    expect(pendingIds(store)).toEqual([b.id]);
  });

  it("outbox - a rejected record stays visible with the phone's reason", () => {
    const store = new MemoryStore();
    const record = makeRecord();
    enqueue(store, record);
    acknowledge(store, [], [{ id: record.id, reason: 'steps[0].area must be one of: neck' }], NOW);
    const status = outboxStatus(store);
    expect(status.pending).toBe(0);
    expect(status.rejected.map((r) => [r.id, r.reason])).toEqual([[record.id, 'steps[0].area must be one of: neck']]);
    expect(status.recent[0]).toMatchObject({ id: record.id, sync: 'rejected', reason: 'steps[0].area must be one of: neck' });
    // Discarded on the watch: gone from the outbox and from History's list.
    expect(discardRejected(store, record.id).ok).toBe(true);
    expect(outboxStatus(store)).toMatchObject({ pending: 0, rejected: [], recent: [] });
  });

  it('outbox - a refusal an older phone gave for the watch clock stays pending with the reason (temporary, retried)', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    enqueue(store, record);
    acknowledge(store, [], [{ id: record.id, reason: 'startedAt is more than a day in the future; check the watch clock' }], NOW);
    expect(outboxStatus(store).pending).toBe(1);
    expect(outboxStatus(store).rejected).toEqual([]);
  });

  it('outbox - bounded: at 1000 held sessions a new one is refused with a clear message and nothing held is lost', () => {
    const store = new MemoryStore();
    for (let i = 0; i < MAX_OUTBOX_RECORDS; i += 1) enqueue(store, makeRecord({ startedAt: BASE_START + i * 60_000, steps: [makeStep()], checkIn: [], notes: [] }));
    expect(outboxStatus(store).pending).toBe(MAX_OUTBOX_RECORDS);
    expect(enqueue(store, makeRecord())).toEqual({ ok: false, error: OUTBOX_FULL_MESSAGE });
    expect(outboxStatus(store).pending).toBe(MAX_OUTBOX_RECORDS);
  });

  it('outbox - a duplicated reply changes nothing the second time', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    enqueue(store, record);
    acknowledge(store, [record.id], [], NOW);
    const before = store.snapshot();
    expect(acknowledge(store, [record.id], [], NOW)).toEqual({ ok: true, accepted: 0, rejected: 0 });
    expect(store.snapshot()).toEqual(before);
  });

  it('outbox - a rejected record retried by the person goes back to pending', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    enqueue(store, record);
    acknowledge(store, [], [{ id: record.id, reason: 'nope' }], NOW);
    expect(retryRejected(store, record.id)).toEqual({ ok: true });
    expect(pendingIds(store)).toEqual([record.id]);
    expect(outboxStatus(store).recent[0]).toMatchObject({ sync: 'pending' });
  });

  it('outbox - batches stay under the byte limit and keep order', () => {
    const store = new MemoryStore();
    const records = makeRecords(60);
    for (const r of records) enqueue(store, r);
    const batch = nextBatch(store, 4000);
    expect(batch.bytes).toBeLessThanOrEqual(4000);
    expect(JSON.stringify({ v: 1, records: batch.records }).length).toBe(batch.bytes);
    expect(batch.ids).toEqual(records.slice(0, batch.ids.length).map((r) => r.id));
    expect(nextBatch(store).bytes).toBeLessThanOrEqual(MAX_PUSH_BYTES);
  });

  it('outbox - an empty outbox gives an empty batch', () => {
    expect(nextBatch(new MemoryStore())).toEqual({ ids: [], records: [], bytes: 0 });
  });

  it('outbox - a failed attempt is remembered on the entry', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    enqueue(store, record);
    recordFailure(store, [record.id], 'code 2: disconnected');
    expect(loadOutbox(store).state.pending[0]).toMatchObject({ attempts: 1, lastError: 'code 2: disconnected' });
  });

  it('outbox - a failing disk is reported, never thrown, and changes nothing', () => {
    const store = new MemoryStore();
    enqueue(store, makeRecord());
    const before = store.snapshot();
    store.failWrites = true;
    expect(enqueue(store, makeRecord())).toEqual({ ok: false, error: 'could not save outbox:r:1: storage write failed' });
    expect(store.snapshot()).toEqual(before);
  });

  it('outbox - corrupt storage is set aside under a quarantine key and readable entries are kept', () => {
    const good = makeRecord();
    const raw = JSON.stringify({ v: 1, pending: [{ id: good.id, record: good, attempts: 0 }, { id: 7 }], rejected: [], recent: [] });
    const store = new MemoryStore({ [OUTBOX_KEY]: raw });
    const loaded = loadOutbox(store);
    expect(loaded.problem).toBe("1 pending entry was unreadable; the original was set aside under 'outbox.quarantine.1' and 1 readable entries were kept");
    expect(store.getItem('outbox.quarantine.1')).toBe(raw);
    expect(pendingIds(store)).toEqual([good.id]);
  });

  it('outbox - a second corruption gets its own quarantine key', () => {
    const store = new MemoryStore({ [OUTBOX_KEY]: '{', 'outbox.quarantine.1': 'older' });
    expect(outboxStatus(store).problem).toBe("outbox storage is not valid JSON; the original was set aside under 'outbox.quarantine.2' and 0 readable entries were kept");
    expect(store.getItem('outbox.quarantine.1')).toBe('older');
    expect(store.getItem('outbox.quarantine.2')).toBe('{');
  });

  it('outbox - corrupt storage that cannot be set aside is left exactly as it was', () => {
    const store = new MemoryStore({ [OUTBOX_KEY]: 'garbage' });
    store.failWrites = true;
    const result = enqueue(store, makeRecord());
    expect(result).toEqual({
      ok: false,
      error: 'outbox storage is not valid JSON; could not set it aside (could not save outbox.quarantine.1: storage write failed), so nothing was changed',
    });
    expect(store.snapshot()).toEqual({ [OUTBOX_KEY]: 'garbage' });
  });

  it('outbox - recent history is bounded, newest first, with each sync state', () => {
    const store = new MemoryStore();
    const records = makeRecords(RECENT_LIMIT + 5);
    for (const r of records) enqueue(store, r);
    const last = records[records.length - 1] as SessionRecord;
    acknowledge(store, [last.id], [], NOW);
    const recent = outboxStatus(store).recent;
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]).toMatchObject({ id: last.id, sync: 'sent' });
    expect(recent[1]).toMatchObject({ sync: 'pending' });
  });
});

type Op =
  | { kind: 'enqueue'; index: number }
  | { kind: 'send'; maxBytes: number; accept: boolean[]; duplicate: boolean; crash: boolean }
  | { kind: 'crash-during-write'; index: number }
  | { kind: 'reload' };

/** Above the recent-history limit, so sent sessions do get forgotten and can be queued again. */
const POOL_SIZE = RECENT_LIMIT + 10;

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('enqueue' as const), index: fc.nat({ max: POOL_SIZE - 1 }) }),
  fc.record({
    kind: fc.constant('send' as const),
    maxBytes: fc.integer({ min: 100, max: 20_000 }),
    accept: fc.array(fc.boolean(), { maxLength: 20 }),
    duplicate: fc.boolean(),
    crash: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('crash-during-write' as const), index: fc.nat({ max: POOL_SIZE - 1 }) }),
  fc.record({ kind: fc.constant('reload' as const) }),
);

describe('outbox properties', () => {
  it('outbox - for any interleaving nothing is lost and an entry leaves only when acknowledged', () => {
    const pool = makeRecords(POOL_SIZE);
    const startOf = new Map(pool.map((r) => [r.id, r.startedAt]));
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        let store = new MemoryStore();
        const enqueued = new Set<string>();
        const accepted = new Set<string>();
        for (const op of ops) {
          if (op.kind === 'enqueue' || op.kind === 'crash-during-write') {
            const record = pool[op.index] as SessionRecord;
            // The model's own idea of the recent list: the RECENT_LIMIT newest sessions ever queued.
            const remembered = [...enqueued].sort((a, b) => (startOf.get(b) ?? 0) - (startOf.get(a) ?? 0)).slice(0, RECENT_LIMIT);
            const mayQueueAgain = accepted.has(record.id) && !remembered.includes(record.id);
            if (op.kind === 'crash-during-write') store.failWrites = true;
            const result = enqueue(store, record);
            store.failWrites = false;
            if (result.ok) enqueued.add(record.id);
            const pendingNow = loadOutbox(store).state.pending.some((e) => e.id === record.id);
            if (accepted.has(record.id)) {
              // Sent and still remembered: nothing happens. Sent and forgotten: queued again (the
              // phone answers "already stored"). Anything else is a duplicate or a loss.
              if (pendingNow !== (result.ok && mayQueueAgain)) return false;
              if (pendingNow) accepted.delete(record.id);
            }
          } else if (op.kind === 'reload') {
            store = store.clone();
          } else {
            const batch = nextBatch(store, op.maxBytes);
            const acceptedIds = batch.ids.filter((_, i) => op.accept[i] === true);
            const rejected = batch.ids.filter((_, i) => op.accept[i] === false).map((id) => ({ id, reason: 'bad' }));
            const replies = op.duplicate ? 2 : 1;
            // A crash while saving the reply: the phone has the records, the watch sends them again later.
            store.failWrites = op.crash;
            let saved = false;
            for (let n = 0; n < replies; n += 1) saved = acknowledge(store, acceptedIds, rejected, NOW).ok || saved;
            store.failWrites = false;
            if (saved) for (const id of acceptedIds) accepted.add(id);
          }
          const state = loadOutbox(store).state;
          const pending = state.pending.map((e) => e.id);
          const rejectedIds = state.rejected.map((e) => e.id);
          for (const id of enqueued) {
            const places = (pending.includes(id) ? 1 : 0) + (rejectedIds.includes(id) ? 1 : 0) + (accepted.has(id) ? 1 : 0);
            // Exactly one place: waiting, refused with a reason, or stored by the phone.
            if (places !== 1) return false;
          }
          if (new Set(pending).size !== pending.length) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
