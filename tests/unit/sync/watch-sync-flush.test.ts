// The watch's flush (core/sync/watch-sync.ts) over fakes, against what docs/sync.md says it does:
// what a failed request leaves on the records, when it retries by itself and after how long, how
// the backoff restarts, what Home is told, and that one request fits one ZML frame.

import { describe, expect, it } from 'vitest';
import type { SyncRequest } from '../../../core/sync/watch-sync';
import { enqueue, loadOutbox, outboxStatus } from '../../../core/sync/outbox';
import { RETRY_LATER_MS, WATCH_PUSH_BYTES } from '../../../core/sync/protocol';
import { jsonByteLength } from '../../../core/kernel/json';
import { makeRecord, makeRecords } from '../../fixtures/records';
import { acceptAll, pushedIds, settle, watchSyncRig } from '../../fixtures/watch-sync-rig';

/** ZML's "disconnected": the first retry after 30 s, doubled per failure (docs/sync.md). */
const DISCONNECTED = { code: 2 };

/** A phone answering request n (from 0) with `answers[n]`; a function is called with the params. */
function scripted(answers: ReadonlyArray<(params: Record<string, unknown>) => Promise<unknown>>): SyncRequest {
  let n = 0;
  return async (_method, params) => {
    const answer = answers[n];
    n += 1;
    if (answer === undefined) throw new Error(`unexpected request ${n}`);
    return answer(params);
  };
}

const fail = (error: unknown) => async (): Promise<unknown> => Promise.reject(error);
const accept = async (params: Record<string, unknown>): Promise<unknown> => acceptAll('sessions.push', params);
const deferAll = (reason: string) => async (params: Record<string, unknown>): Promise<unknown> => ({
  accepted: [],
  rejected: [],
  deferred: pushedIds(params).map((id) => ({ id, reason })),
});

describe('watch sync - a request that fails', () => {
  it('without a ZML code: the sessions stay pending with the cause, and no timer retries (the next app open sends)', async () => {
    const rig = watchSyncRig(fail(new Error('socket closed')), { records: makeRecords(2) });
    const result = await rig.sync.flush();
    expect(result).toMatchObject({ done: false, requests: 1, pending: 2 });
    expect(result.error).toContain('socket closed');
    expect(result).not.toHaveProperty('code');
    expect(result).not.toHaveProperty('retryInMs');
    expect(rig.live()).toEqual([]);
    const pending = loadOutbox(rig.store).state.pending;
    expect(pending.map((e) => e.attempts)).toEqual([1, 1]);
    for (const e of pending) expect(e.lastError).toContain('socket closed');
  });

  it('with a ZML code: the error and the sessions name the code, and the retry follows the code (5 s for a handshake timeout)', async () => {
    const rig = watchSyncRig(fail({ code: 1 }), { records: makeRecords(1) });
    const result = await rig.sync.flush();
    expect(result).toMatchObject({ done: false, code: 1, retryInMs: 5_000, pending: 1 });
    expect(result.error).toContain('ZML error 1');
    expect(loadOutbox(rig.store).state.pending[0]?.lastError).toContain('ZML error 1');
    expect(rig.live().map((t) => t.ms)).toEqual([5_000]);
  });

  it('the backoff doubles per failure in a row, and the retry timer really sends again', async () => {
    const rig = watchSyncRig(scripted([fail(DISCONNECTED), fail(DISCONNECTED), accept]), { records: makeRecords(1) });
    expect((await rig.sync.flush()).retryInMs).toBe(30_000);
    rig.live()[0]?.fire();
    await settle();
    expect(rig.live().map((t) => t.ms)).toEqual([60_000]);
    rig.live()[0]?.fire();
    await settle();
    expect(rig.sent).toHaveLength(3);
    expect(outboxStatus(rig.store).pending).toBe(0);
  });
});

describe('watch sync - the backoff restarts when the phone answers for a session', () => {
  // One session per request (a byte limit below any record), so a flush is several requests.
  const oneByOne = { records: makeRecords(3), maxBatchBytes: 1 };

  it('a session stored by the retry restarts the backoff: the next failure waits 30 s again, not 60 s', async () => {
    const rig = watchSyncRig(scripted([fail(DISCONNECTED), accept, fail(DISCONNECTED)]), oneByOne);
    await rig.sync.flush();
    rig.live()[0]?.fire();
    await settle();
    expect(rig.events.at(-1)).toMatchObject({ kind: 'flushed', result: { accepted: 1, retryInMs: 30_000 } });
  });

  it('a session refused for good is an answer too: the next failure waits 30 s again', async () => {
    const refuse = async (params: Record<string, unknown>): Promise<unknown> => ({ accepted: [], rejected: pushedIds(params).map((id) => ({ id, reason: 'steps[0].area must be one of: neck' })) });
    const rig = watchSyncRig(scripted([fail(DISCONNECTED), refuse, fail(DISCONNECTED)]), oneByOne);
    await rig.sync.flush();
    rig.live()[0]?.fire();
    await settle();
    expect(rig.events.at(-1)).toMatchObject({ kind: 'flushed', result: { rejected: 1, retryInMs: 30_000 } });
  });

  it('a session the phone only deferred is not stored: the failures stay in a row and the next one waits 60 s', async () => {
    const rig = watchSyncRig(scripted([fail(DISCONNECTED), deferAll('phone storage for 2026-11 is full'), fail(DISCONNECTED)]), oneByOne);
    await rig.sync.flush();
    rig.live()[0]?.fire();
    await settle();
    expect(rig.events.at(-1)).toMatchObject({ kind: 'flushed', result: { accepted: 0, retryInMs: 60_000 } });
  });
});

describe('watch sync - the link comes back', () => {
  function held(): { request: SyncRequest; reject: (error: unknown) => void; resolve: (reply: unknown) => void } {
    const waiting: Array<{ resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
    return {
      request: () => new Promise((resolve, reject) => waiting.push({ resolve, reject })),
      reject: (error) => waiting.shift()?.reject(error),
      resolve: (reply) => waiting.shift()?.resolve(reply),
    };
  }

  it('on a fresh start it sends the outbox now and asks for no plan (no plan.get has failed)', async () => {
    const rig = watchSyncRig(acceptAll, { records: makeRecords(1) });
    expect((await rig.sync.onLinkBack()).done).toBe(true);
    expect(rig.sent.map((r) => r.method)).toEqual(['sessions.push']);
  });

  it('while a request is on its way that then fails: the retry goes at once, not after the backoff', async () => {
    const phone = held();
    const rig = watchSyncRig(phone.request, { records: makeRecords(1) });
    const flushing = rig.sync.flush();
    const joined = rig.sync.onLinkBack();
    await settle();
    phone.reject(DISCONNECTED);
    const result = await flushing;
    expect(await joined).toBe(result);
    expect(result.retryInMs).toBe(0);
    expect(rig.live().map((t) => t.ms)).toEqual([0]);
    rig.live()[0]?.fire();
    await settle();
    expect(rig.sent).toHaveLength(2);
    // Once: if the retry fails too, the backoff starts from its first step.
    phone.reject(DISCONNECTED);
    await settle();
    expect(rig.live().map((t) => t.ms)).toEqual([30_000]);
  });

  it('without the link coming back, the same failure waits for the backoff', async () => {
    const phone = held();
    const rig = watchSyncRig(phone.request, { records: makeRecords(1) });
    const flushing = rig.sync.flush();
    await settle();
    phone.reject(DISCONNECTED);
    expect((await flushing).retryInMs).toBe(30_000);
  });

  it('with nothing on its way, the flush it starts that fails waits for the backoff (from its first step)', async () => {
    const phone = held();
    const rig = watchSyncRig(phone.request, { records: makeRecords(1) });
    const flushing = rig.sync.onLinkBack();
    await settle();
    phone.reject(DISCONNECTED);
    expect((await flushing).retryInMs).toBe(30_000);
  });

  it('an error waiting does not cure (no ZML code) is not retried at once either', async () => {
    const phone = held();
    const rig = watchSyncRig(phone.request, { records: makeRecords(1) });
    const flushing = rig.sync.flush();
    void rig.sync.onLinkBack();
    await settle();
    phone.reject(new Error('socket closed'));
    expect(await flushing).not.toHaveProperty('retryInMs');
    expect(rig.live()).toEqual([]);
  });

  it('a link-back during a flush that succeeded does not make a later failure retry at once', async () => {
    const phone = held();
    const rig = watchSyncRig(phone.request, { records: makeRecords(1) });
    const flushing = rig.sync.flush();
    void rig.sync.onLinkBack();
    await settle();
    phone.resolve({ accepted: pushedIds(rig.sent[0]?.params ?? {}), rejected: [] });
    expect((await flushing).done).toBe(true);
    enqueue(rig.store, makeRecord());
    const later = rig.sync.flush();
    await settle();
    phone.reject(DISCONNECTED);
    expect((await later).retryInMs).toBe(30_000);
  });
});

describe('watch sync - answered but not stored', () => {
  it('a reply that stores none of the batch and says nothing else: the sessions wait, with a reason, and the flush retries by itself in 10 min', async () => {
    const rig = watchSyncRig(scripted([async () => ({ accepted: [], rejected: [] }), accept]), { records: makeRecords(2) });
    const result = await rig.sync.flush();
    expect(rig.sent).toHaveLength(1);
    expect(result).toMatchObject({ done: false, pending: 2, retryInMs: RETRY_LATER_MS });
    expect(result.error).toMatch(/stored none/);
    for (const e of loadOutbox(rig.store).state.pending) expect(e.lastError).toMatch(/stored none/);
    expect(rig.live().map((t) => t.ms)).toEqual([RETRY_LATER_MS]);
    rig.live()[0]?.fire();
    await settle();
    expect(rig.sent).toHaveLength(2);
    expect(outboxStatus(rig.store).pending).toBe(0);
  });

  it('the reason reported is the first deferral of the flush, while each session keeps its own', async () => {
    const [a, b] = makeRecords(2);
    const rig = watchSyncRig(scripted([deferAll('phone storage for 2026-11 is full'), deferAll('record version 2 is newer than this app understands; update Knead')]), {
      records: [a, b].filter((r) => r !== undefined),
      maxBatchBytes: 1,
    });
    const result = await rig.sync.flush();
    expect(rig.sent).toHaveLength(2);
    expect(result.error).toBe('phone storage for 2026-11 is full');
    expect(loadOutbox(rig.store).state.pending.map((e) => e.lastError)).toEqual(['phone storage for 2026-11 is full', 'record version 2 is newer than this app understands; update Knead']);
  });

  it('a temporary error reply: the 10 min timer sends again by itself', async () => {
    const rig = watchSyncRig(scripted([async () => ({ error: { code: 'internal', message: 'try later' } }), accept]), { records: makeRecords(1) });
    expect((await rig.sync.flush()).retryInMs).toBe(RETRY_LATER_MS);
    rig.live()[0]?.fire();
    await settle();
    expect(outboxStatus(rig.store).pending).toBe(0);
  });

  it('the watch cannot save the acknowledgement: the flush says why and nothing is lost (the sessions still wait)', async () => {
    const rig = watchSyncRig(async (method, params) => {
      rig.store.failWrites = true;
      return acceptAll(method, params);
    }, { records: makeRecords(2) });
    const result = await rig.sync.flush();
    expect(result).toMatchObject({ done: false, pending: 2 });
    expect(result.error).toContain('storage write failed');
  });
});

describe('watch sync - what Home is told', () => {
  it('every flush ends with a flushed event carrying its result', async () => {
    const rig = watchSyncRig(acceptAll, { records: makeRecords(2) });
    const result = await rig.sync.flush();
    expect(rig.events).toEqual([{ kind: 'flushed', result }]);
    expect(result).toMatchObject({ done: true, accepted: 2, pending: 0 });
  });

  it('a fault inside the flush is reported as a result (never an unhandled rejection), and the next flush runs anew', async () => {
    let broken = true;
    const clock = {
      now: () => {
        if (broken) throw new Error('clock unavailable');
        return Date.UTC(2026, 11, 1);
      },
    };
    const rig = watchSyncRig(acceptAll, { records: makeRecords(1), clock });
    const result = await rig.sync.flush();
    expect(result).toMatchObject({ done: false, pending: 1 });
    expect(result.error).toContain('clock unavailable');
    expect(rig.events).toEqual([{ kind: 'flushed', result }]);
    broken = false;
    expect(await rig.sync.flush()).toMatchObject({ done: true, pending: 0 });
    expect(rig.sent).toHaveLength(2);
  });
});

describe('watch sync - one request, one ZML frame', () => {
  it(`by default every sessions.push is at most ${WATCH_PUSH_BYTES} bytes, so a queue of sessions goes in several requests`, async () => {
    const rig = watchSyncRig(acceptAll, { records: makeRecords(12) });
    expect((await rig.sync.flush()).done).toBe(true);
    expect(rig.sent.length).toBeGreaterThan(1);
    for (const r of rig.sent) expect(jsonByteLength(r.params)).toBeLessThanOrEqual(WATCH_PUSH_BYTES);
  });
});
