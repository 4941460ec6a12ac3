// The edges of the Settings App's history requests (docs/sync.md, "One writer"): pending requests
// are applied oldest first by `at`, then by id, whatever order storage lists them in, and one whose
// time cannot be read comes before any timed one (even one asked at time 0), to be answered; the
// envelope is read from the head of a request or reply only (a 20 MiB import is not scanned), so a
// time or kind written past it counts as unreadable; replies keep the newest MAX_REPLIES, an
// unreadable one going first, and a request asked again under its id replaces its own reply
// without pushing out another; a failed import is answered as an import; a damaged reply is
// reported naming the reply.

import { describe, expect, it } from 'vitest';
import {
  MAX_REPLIES,
  REPLY_PREFIX,
  applyHistoryRequest,
  applyPendingRequests,
  encodeRequest,
  pendingRequestIds,
  replyKey,
  requestKey,
  requestState,
} from '../../../core/phone/history-requests';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS } from '../../fixtures/records';

const NOW = BASE_START + 3 * DAY_MS;
/** Well past the head that is read for the envelope (4 KiB). */
const LONG = 'x'.repeat(6_000);

const replyKeys = (store: MemoryStore): string[] => store.keys().filter((k) => k.startsWith(REPLY_PREFIX)).sort();

describe('history request edges', () => {
  it('pending requests - two asked in the same millisecond go in id order, whichever storage lists first', () => {
    for (const stored of [['req-a', 'req-b'], ['req-b', 'req-a']]) {
      const store = new MemoryStore();
      for (const id of stored) store.setItem(requestKey(id), encodeRequest(id, 'delete-all', NOW));
      expect(pendingRequestIds(store), stored.join(' ')).toEqual(['req-a', 'req-b']);
      expect(applyPendingRequests(store, NOW + 1).map((r) => r.id), stored.join(' ')).toEqual(['req-a', 'req-b']);
    }
  });

  it('pending requests - one whose time cannot be read is answered before one asked at time 0', () => {
    for (const stored of [['at-zero', 'garbled'], ['garbled', 'at-zero']]) {
      const store = new MemoryStore();
      for (const id of stored) store.setItem(requestKey(id), id === 'garbled' ? 'garbled' : encodeRequest(id, 'delete-all', 0));
      const replies = applyPendingRequests(store, NOW);
      expect(replies.map((r) => [r.id, r.ok]), stored.join(' ')).toEqual([['garbled', false], ['at-zero', true]]);
    }
  });

  it('pending requests - a request whose time is written past its head (after a long payload) counts as unreadable and comes first', () => {
    const store = new MemoryStore();
    store.setItem(requestKey('timed'), encodeRequest('timed', 'delete-all', NOW));
    // Valid, but not as encodeRequest writes it: the payload before the time.
    store.setItem(requestKey('tail'), JSON.stringify({ v: 1, id: 'tail', kind: 'delete-all', payload: LONG, at: NOW + 10 }));
    expect(pendingRequestIds(store)).toEqual(['tail', 'timed']);
  });

  it('request refused - a kind written past the head of the request is not read: the reply says "unknown"', () => {
    const store = new MemoryStore();
    store.setItem(requestKey('late'), JSON.stringify({ v: 9, id: 'late', payload: LONG, kind: 'import', at: 1 }));
    store.setItem(requestKey('early'), JSON.stringify({ v: 9, id: 'early', kind: 'import', at: 1, payload: LONG }));
    expect(applyHistoryRequest(store, 'late', NOW)).toMatchObject({ ok: false, kind: 'unknown' });
    expect(applyHistoryRequest(store, 'early', NOW)).toMatchObject({ ok: false, kind: 'import' });
  });

  it('import failed - the reply is an import\'s, not ok, with the reason, and reads back so', () => {
    const store = new MemoryStore();
    store.setItem(requestKey('imp'), encodeRequest('imp', 'import', NOW, '{"format":'));
    const reply = applyHistoryRequest(store, 'imp', NOW);
    expect(reply).toMatchObject({ id: 'imp', kind: 'import', ok: false, error: expect.stringContaining('not valid JSON') });
    expect(requestState(store, 'imp')).toMatchObject({ state: 'answered', reply: { kind: 'import', ok: false } });
  });

  it('replies - an unreadable reply goes before one written at time 0', () => {
    const store = new MemoryStore();
    store.setItem(replyKey('garbled'), 'garbled');
    for (let i = 0; i < MAX_REPLIES; i += 1) {
      store.setItem(requestKey(`z${i}`), encodeRequest(`z${i}`, 'delete-all', 0));
      applyHistoryRequest(store, `z${i}`, 0);
    }
    expect(replyKeys(store)).toEqual(Array.from({ length: MAX_REPLIES }, (_, i) => replyKey(`z${i}`)).sort());
  });

  it('replies - a reply whose time is written past its head counts as unreadable and goes first', () => {
    const store = new MemoryStore();
    store.setItem(replyKey('tail'), JSON.stringify({ v: 1, id: 'tail', kind: 'delete-all', ok: false, message: LONG, error: 'e', at: NOW + 100 }));
    for (let i = 0; i < MAX_REPLIES; i += 1) {
      store.setItem(requestKey(`d${i}`), encodeRequest(`d${i}`, 'delete-all', NOW + i));
      applyHistoryRequest(store, `d${i}`, NOW + i);
    }
    expect(replyKeys(store)).toEqual(Array.from({ length: MAX_REPLIES }, (_, i) => replyKey(`d${i}`)).sort());
  });

  it('replies - a request asked again under its id replaces its reply and keeps the other newest replies', () => {
    const store = new MemoryStore();
    for (let i = 0; i < MAX_REPLIES; i += 1) {
      store.setItem(requestKey(`d${i}`), encodeRequest(`d${i}`, 'delete-all', NOW + i));
      applyHistoryRequest(store, `d${i}`, NOW + i);
    }
    const again = `d${MAX_REPLIES - 1}`;
    store.setItem(requestKey(again), encodeRequest(again, 'delete-all', NOW + 50));
    applyHistoryRequest(store, again, NOW + 50);
    expect(replyKeys(store)).toEqual(Array.from({ length: MAX_REPLIES }, (_, i) => replyKey(`d${i}`)).sort());
    expect(JSON.parse(store.getItem(replyKey(again)) ?? 'null')).toMatchObject({ at: NOW + 50 });
  });

  it('request state - a reply that is not JSON is unreadable, the reason naming the reply', () => {
    const store = new MemoryStore({ [replyKey('r1')]: '{"v":1,' });
    const state = requestState(store, 'r1');
    expect(state).toMatchObject({ state: 'unreadable', error: expect.stringMatching(/reply.*not valid JSON/) });
  });
});
