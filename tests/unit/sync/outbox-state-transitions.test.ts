// The outbox as a value (core/sync/outbox-state.ts), without storage: each transition does what
// docs/sync.md says the outbox guarantees. Storage tests (outbox.test.ts) go through a layout that
// also de-duplicates on load, so these check the transitions themselves. A transition that changes
// nothing returns the same state object: core/sync/outbox.ts then writes nothing.

import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { jsonByteLength } from '../../../core/kernel/json';
import {
  applyAck,
  dropRejected,
  emptyOutbox,
  enqueueRecord,
  enqueueRefused,
  requeueRejected,
  reviveTemporary,
  selectBatch,
  type OutboxState,
} from '../../../core/sync/outbox-state';
import { MAX_RECORDS_PER_PUSH, makePushParams } from '../../../core/sync/protocol';
import { BASE_START, DAY_MS, makeRecord, makeRecords, makeStep } from '../../fixtures/records';

const NOW = BASE_START + DAY_MS;
const STORAGE_FULL = 'phone storage for 2026-11 is full';
const BAD_AREA = 'steps[0].area must be one of: neck';

function queued(records: readonly SessionRecord[]): OutboxState {
  return records.reduce((state, r) => enqueueRecord(state, r), emptyOutbox());
}

function ids(entries: readonly { readonly id: string }[]): string[] {
  return entries.map((e) => e.id);
}

describe('outbox state - queueing is idempotent by id', () => {
  it('a session enqueued twice is held once', () => {
    const record = makeRecord();
    const once = enqueueRecord(emptyOutbox(), record);
    const twice = enqueueRecord(once, record);
    expect(twice).toBe(once);
    expect(ids(twice.pending)).toEqual([record.id]);
  });

  it('a session already refused is not queued again as pending', () => {
    const record = makeRecord();
    const refused = enqueueRefused(emptyOutbox(), record, BAD_AREA, NOW);
    const again = enqueueRecord(refused, record);
    expect(again).toBe(refused);
    expect(again.pending).toEqual([]);
    expect(ids(again.rejected)).toEqual([record.id]);
  });

  it('a session refused twice is kept once, with the first reason', () => {
    const record = makeRecord();
    const refused = enqueueRefused(emptyOutbox(), record, BAD_AREA, NOW);
    const again = enqueueRefused(refused, record, 'another reason', NOW + 1);
    expect(again).toBe(refused);
    expect(again.rejected.map((e) => e.reason)).toEqual([BAD_AREA]);
  });

  it('a session already pending is not also kept as refused', () => {
    const record = makeRecord();
    const pending = enqueueRecord(emptyOutbox(), record);
    const again = enqueueRefused(pending, record, BAD_AREA, NOW);
    expect(again).toBe(pending);
    expect(again.rejected).toEqual([]);
  });

  it('a session History lists but the outbox no longer holds (not acknowledged) is queued again', () => {
    // E.g. its stored value was damaged and set aside: only an acknowledged session is done.
    const record = makeRecord();
    const held = enqueueRecord(emptyOutbox(), record);
    const lost: OutboxState = { ...held, pending: [] };
    expect(lost.recent.map((e) => [e.id, e.sync])).toEqual([[record.id, 'pending']]);
    const again = enqueueRecord(lost, record);
    expect(ids(again.pending)).toEqual([record.id]);
  });

  it('a session recently acknowledged is not queued again', () => {
    const record = makeRecord();
    const sent = applyAck(enqueueRecord(emptyOutbox(), record), [record.id], [], NOW).state;
    expect(enqueueRecord(sent, record)).toBe(sent);
  });
});

describe('outbox state - batches stay within both of the phone limits', () => {
  it(`at most ${MAX_RECORDS_PER_PUSH} records per batch, oldest first, whatever the byte limit`, () => {
    const records = makeRecords(MAX_RECORDS_PER_PUSH + 5, { steps: [makeStep()], checkIn: [] });
    const batch = selectBatch(queued(records), 10_000_000);
    expect(batch.ids).toEqual(records.slice(0, MAX_RECORDS_PER_PUSH).map((r) => r.id));
  });

  it('a batch whose request is exactly the byte limit is sent whole; one byte less leaves its last record out', () => {
    const records = makeRecords(3);
    const state = queued(records);
    const exact = jsonByteLength(makePushParams(records.slice(0, 2)));
    const atLimit = selectBatch(state, exact);
    expect(atLimit.ids).toEqual(records.slice(0, 2).map((r) => r.id));
    expect(atLimit.bytes).toBe(exact);
    const below = selectBatch(state, exact - 1);
    expect(below.ids).toEqual([records[0]?.id]);
    expect(below.bytes).toBe(jsonByteLength(makePushParams(records.slice(0, 1))));
  });

  it('a first record larger than the limit still goes, alone, so the queue never gets stuck', () => {
    const records = makeRecords(2);
    const batch = selectBatch(queued(records), 10);
    expect(batch.ids).toEqual([records[0]?.id]);
  });

  it('skipped sessions (deferred in this flush) are left out and the next ones fill the batch', () => {
    const records = makeRecords(3);
    const batch = selectBatch(queued(records), 10_000_000, new Set([records[0]?.id ?? '']));
    expect(batch.ids).toEqual([records[1]?.id, records[2]?.id]);
  });
});

describe("outbox state - the phone's answer", () => {
  it('an id both accepted and rejected counts as accepted: the phone stored it', () => {
    const [a] = makeRecords(1) as [SessionRecord];
    const out = applyAck(queued([a]), [a.id], [{ id: a.id, reason: BAD_AREA }], NOW);
    expect(out).toMatchObject({ accepted: 1, rejected: 0 });
    expect(out.state.pending).toEqual([]);
    expect(out.state.rejected).toEqual([]);
    expect(out.state.recent.map((e) => e.sync)).toEqual(['sent']);
  });

  it('an id refused twice in one reply is refused once, with the reason given first', () => {
    const [a] = makeRecords(1) as [SessionRecord];
    const out = applyAck(queued([a]), [], [{ id: a.id, reason: BAD_AREA }, { id: a.id, reason: 'another reason' }], NOW);
    expect(out.rejected).toBe(1);
    expect(out.state.rejected.map((e) => [e.id, e.reason, e.rejectedAt])).toEqual([[a.id, BAD_AREA, NOW]]);
  });

  it('a refused session the phone later stores (sent again by the person) leaves the refused list and counts as accepted', () => {
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    const refused = applyAck(queued([a, b]), [], [{ id: a.id, reason: BAD_AREA }], NOW).state;
    const out = applyAck(refused, [a.id, b.id], [], NOW + 1);
    expect(out).toMatchObject({ accepted: 2, rejected: 0 });
    expect(out.state.rejected).toEqual([]);
    expect(out.state.pending).toEqual([]);
    expect(out.state.recent.every((e) => e.sync === 'sent')).toBe(true);
  });

  it('the state given is not changed (the loaded outbox stays as it was if the save fails)', () => {
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    const state = queued([a, b]);
    const before = JSON.parse(JSON.stringify(state)) as unknown;
    applyAck(state, [a.id], [{ id: b.id, reason: BAD_AREA }], NOW);
    expect(state).toEqual(before);
  });
});

describe('outbox state - refusals waiting fixes go back to pending', () => {
  function refusedState(): { state: OutboxState; temporary: SessionRecord; permanent: SessionRecord } {
    const [temporary, permanent] = makeRecords(2) as [SessionRecord, SessionRecord];
    // As an older phone answered: a storage refusal was listed as rejected, not deferred.
    const state = enqueueRefused(enqueueRefused(emptyOutbox(), temporary, STORAGE_FULL, NOW), permanent, BAD_AREA, NOW);
    return { state, temporary, permanent };
  }

  it('a session refused for phone storage is pending again with the reason and a fresh attempt count; a malformed one stays refused', () => {
    const { state, temporary, permanent } = refusedState();
    const revived = reviveTemporary(state);
    expect(revived.pending.map((e) => [e.id, e.attempts, e.lastError])).toEqual([[temporary.id, 0, STORAGE_FULL]]);
    expect(revived.rejected.map((e) => [e.id, e.reason])).toEqual([[permanent.id, BAD_AREA]]);
    const sync = new Map(revived.recent.map((e) => [e.id, e.sync]));
    expect(sync.get(temporary.id)).toBe('pending');
    expect(sync.get(permanent.id)).toBe('rejected');
  });

  it('each temporary refusal an older phone gave (update, watch clock, phone storage) is revived', () => {
    const reasons = ['record version 2 is newer than this app understands; update Knead', 'startedAt is in the future: check the watch clock', STORAGE_FULL];
    const records = makeRecords(reasons.length);
    const state = records.reduce((s, r, i) => enqueueRefused(s, r, reasons[i] ?? '', NOW), emptyOutbox());
    const revived = reviveTemporary(state);
    expect(ids(revived.pending)).toEqual(ids(records));
    expect(revived.rejected).toEqual([]);
  });

  it('nothing to revive: the same state (nothing is written)', () => {
    const [a] = makeRecords(1) as [SessionRecord];
    const state = enqueueRefused(queued(makeRecords(1)), a, BAD_AREA, NOW);
    expect(reviveTemporary(state)).toBe(state);
  });
});

describe('outbox state - the person discards or sends again a refused session', () => {
  function twoRefused(): { state: OutboxState; a: SessionRecord; b: SessionRecord } {
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    const state = enqueueRefused(enqueueRefused(emptyOutbox(), a, BAD_AREA, NOW), b, 'another reason', NOW);
    return { state, a, b };
  }

  it('discard removes only that session, from the refused list and from History', () => {
    const { state, a, b } = twoRefused();
    const out = dropRejected(state, a.id);
    expect(ids(out.rejected)).toEqual([b.id]);
    expect(ids(out.recent)).toEqual([b.id]);
  });

  it('discarding a session that is not refused changes nothing (a pending one stays pending)', () => {
    const { state } = twoRefused();
    const [c] = makeRecords(1) as [SessionRecord];
    const withPending = enqueueRecord(state, c);
    expect(dropRejected(withPending, c.id)).toBe(withPending);
    expect(dropRejected(withPending, 'unknown-id')).toBe(withPending);
  });

  it('send again moves only that session back to pending, with a fresh attempt count and no old error', () => {
    const { state, a, b } = twoRefused();
    const out = requeueRejected(state, b.id);
    expect(ids(out.rejected)).toEqual([a.id]);
    expect(out.pending).toEqual([{ id: b.id, record: b, attempts: 0 }]);
    expect(new Map(out.recent.map((e) => [e.id, e.sync]))).toEqual(new Map([[a.id, 'rejected'], [b.id, 'pending']]));
  });

  it('sending again a session that is not refused changes nothing', () => {
    const { state } = twoRefused();
    expect(requeueRejected(state, 'unknown-id')).toBe(state);
  });
});
