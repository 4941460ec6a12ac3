// What the Settings App reads back about a history request (docs/sync.md, "One writer"): nothing,
// pending while the request waits, the reply once answered, or "unreadable" with a reason; request
// ids (kind, clock, random part; at most 64 printable characters); the envelope's checks; replies
// without a readable time are the first to go; a delete storage refuses is answered as such.

import { describe, expect, it } from 'vitest';
import {
  MAX_REPLIES,
  MAX_REQUEST_BYTES,
  REPLY_PREFIX,
  applyHistoryRequest,
  applyPendingRequests,
  encodeRequest,
  isRequestId,
  newRequestId,
  parseRequest,
  pendingRequestIds,
  replyKey,
  requestKey,
  requestState,
} from '../../../core/phone/history-requests';
import { addRecords, readHistory } from '../../../core/phone/history-store';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecords } from '../../fixtures/records';

const NOW = BASE_START + 3 * DAY_MS;

describe('history request states', () => {
  it('request state - none before asking, pending while the request waits, answered with the reply after', () => {
    const store = new MemoryStore();
    expect(requestState(store, 'r1')).toEqual({ state: 'none' });
    store.setItem(requestKey('r1'), encodeRequest('r1', 'delete-all', NOW));
    expect(requestState(store, 'r1')).toEqual({ state: 'pending' });
    const reply = applyHistoryRequest(store, 'r1', NOW + 5);
    expect(reply).toEqual({ v: 1, id: 'r1', kind: 'delete-all', at: NOW + 5, ok: true, removed: 0, message: expect.stringContaining('0') });
    expect(requestState(store, 'r1')).toEqual({ state: 'answered', reply });
  });

  it('request state - a reply that is not JSON, not an outcome, or an import answered ok without its summary is unreadable, with a reason', () => {
    const store = new MemoryStore();
    store.setItem(replyKey('a'), '{"ok":tru');
    store.setItem(replyKey('b'), JSON.stringify({ ok: 'yes', message: 'x' }));
    store.setItem(replyKey('c'), JSON.stringify({ ok: true }));
    store.setItem(replyKey('d'), JSON.stringify([1]));
    store.setItem(replyKey('e'), JSON.stringify({ v: 1, id: 'e', kind: 'import', at: 1, ok: true, message: 'Import done', summary: { added: 1 } }));
    store.setItem(replyKey('f'), JSON.stringify({ v: 1, id: 'f', kind: 'import', at: 1, ok: true, message: 'Import done' }));
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const state = requestState(store, id);
      expect(state.state, id).toBe('unreadable');
      expect(state.state === 'unreadable' && state.error.length > 0, id).toBe(true);
    }
    // An import refused, and a delete answered: readable without a summary.
    store.setItem(replyKey('g'), JSON.stringify({ v: 1, id: 'g', kind: 'import', at: 1, ok: false, message: 'Import failed: x', error: 'x' }));
    store.setItem(replyKey('h'), JSON.stringify({ v: 1, id: 'h', kind: 'delete-all', at: 1, ok: true, message: 'Deleted', removed: 3 }));
    expect(requestState(store, 'g').state).toBe('answered');
    expect(requestState(store, 'h').state).toBe('answered');
  });

  it('request ids - say their kind, are unique per clock and random part, and always usable as an id', () => {
    const a = newRequestId('import', NOW, 0.25);
    const b = newRequestId('import', NOW, 0.5);
    const c = newRequestId('delete-all', NOW + 1, 0.25);
    expect(a.startsWith('import-')).toBe(true);
    expect(c.startsWith('delete-all-')).toBe(true);
    expect(new Set([a, b, c, newRequestId('import', NOW + 1, 0.25)]).size).toBe(4);
    expect(a).toBe(`import-${NOW.toString(36)}-${(250_000_000).toString(36)}`);
    // A clock before 1970 or fractional still gives a usable id.
    for (const id of [a, b, c, newRequestId('import', -5, 0), newRequestId('delete-all', 1.7, 0.999999999), newRequestId('import', Number.MAX_SAFE_INTEGER, 0.999999999)]) expect(isRequestId(id), id).toBe(true);
    expect(newRequestId('import', -5, 0)).toBe('import-0-0');
    expect(newRequestId('import', 71.9, 0)).toBe('import-1z-0');
  });

  it('request ids - 1 to 64 printable characters, nothing else', () => {
    expect(isRequestId('a')).toBe(true);
    expect(isRequestId('x'.repeat(64))).toBe(true);
    expect(isRequestId('x'.repeat(65))).toBe(false);
    expect(isRequestId('')).toBe(false);
    expect(isRequestId('a b')).toBe(false);
    expect(isRequestId('tab\there')).toBe(false);
    expect(isRequestId(42)).toBe(false);
  });

  it('request envelope - a version that is not a whole number from 1, a kind that is missing, or a time that is not whole is refused saying which', () => {
    const at = (fields: Record<string, unknown>): string => JSON.stringify({ v: 1, id: 'r1', kind: 'delete-all', at: 1, ...fields });
    const errorOf = (raw: string): string => {
      const parsed = parseRequest('r1', raw);
      return parsed.ok ? 'ok' : parsed.problems.map((p) => p.message).join('; ');
    };
    for (const v of [0, 1.5, '1', null]) expect(errorOf(at({ v })), String(v)).toMatch(/no readable version.*nothing was changed$/);
    expect(errorOf(at({ kind: undefined }))).toMatch(/kind missing is not known/);
    expect(errorOf(at({ kind: 7 }))).toMatch(/kind missing is not known/);
    expect(errorOf(at({ at: 1.5 }))).toMatch(/\(at\) must be a non-negative integer/);
    expect(errorOf(at({ at: '1' }))).toMatch(/\(at\) must be a non-negative integer/);
    expect(errorOf(at({ at: 0 }))).toBe('ok');
  });

  it('request envelope - a valid request reads back as written; a delete-all keeps a payload only when it has one', () => {
    expect(parseRequest('r1', encodeRequest('r1', 'import', 7, 'text'))).toEqual({ ok: true, value: { v: 1, id: 'r1', kind: 'import', at: 7, payload: 'text' } });
    expect(parseRequest('r2', encodeRequest('r2', 'delete-all', 8))).toEqual({ ok: true, value: { v: 1, id: 'r2', kind: 'delete-all', at: 8 } });
    expect(JSON.parse(encodeRequest('r2', 'delete-all', 8))).toEqual({ v: 1, id: 'r2', kind: 'delete-all', at: 8 });
  });

  it('request envelope - a request of exactly the size limit is read; one byte more is refused unread', () => {
    const shell = encodeRequest('r1', 'import', 1, '');
    const exact = encodeRequest('r1', 'import', 1, 'x'.repeat(MAX_REQUEST_BYTES - shell.length));
    expect(exact.length).toBe(MAX_REQUEST_BYTES);
    expect(parseRequest('r1', exact).ok).toBe(true);
    const over = encodeRequest('r1', 'import', 1, 'x'.repeat(MAX_REQUEST_BYTES - shell.length + 1));
    const refused = parseRequest('r1', over);
    expect(refused.ok ? 'ok' : refused.problems[0]?.message).toContain(`at most ${MAX_REQUEST_BYTES}`);
  });

  it('request refused - the error reply names the kind the request asked for when it can be read, else "unknown"', () => {
    const store = new MemoryStore();
    store.setItem(requestKey('r1'), '{"v":9,"id":"r1","kind":"delete-all","at":1}');
    store.setItem(requestKey('r2'), '{"v":9,"id":"r2","kind":"import","at":1}');
    store.setItem(requestKey('r3'), '{"v":9');
    expect(applyHistoryRequest(store, 'r1', NOW)).toMatchObject({ ok: false, kind: 'delete-all', message: expect.stringMatching(/^Request refused: /) });
    expect(applyHistoryRequest(store, 'r2', NOW)).toMatchObject({ ok: false, kind: 'import' });
    expect(applyHistoryRequest(store, 'r3', NOW)).toMatchObject({ ok: false, kind: 'unknown' });
  });

  it('pending requests - oldest first by their time, then by id; one whose time cannot be read comes first, to be answered', () => {
    const store = new MemoryStore({ 'reply:x': '{}', 'ui:data-request': 'b' });
    store.setItem(requestKey('b'), encodeRequest('b', 'delete-all', 20));
    store.setItem(requestKey('a'), encodeRequest('a', 'delete-all', 20));
    store.setItem(requestKey('c'), encodeRequest('c', 'delete-all', 5));
    store.setItem(requestKey('broken'), '{"v":1,"id":"broken"');
    store.setItem(requestKey('huge'), encodeRequest('huge', 'import', 1, 'x'.repeat(5_000)).replace('"at":1', '"at":10'));
    expect(pendingRequestIds(store)).toEqual(['broken', 'c', 'huge', 'a', 'b']);
    expect(applyPendingRequests(store, NOW).map((r) => r.id)).toEqual(['broken', 'c', 'huge', 'a', 'b']);
    expect(pendingRequestIds(store)).toEqual([]);
  });

  it('pending requests - a delete asked before a large import is applied first, so the import is kept (the time is read from the head of any request)', () => {
    const source = new MemoryStore();
    addRecords(source, makeRecords(20), NOW);
    const big = JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: readHistory(source).records, notes: [], plan: null });
    expect(big.length).toBeGreaterThan(8_000);
    const store = new MemoryStore();
    addRecords(store, makeRecords(2, { startedAt: BASE_START + 50 * DAY_MS }), NOW);
    store.setItem(requestKey('zz-delete'), encodeRequest('zz-delete', 'delete-all', NOW));
    store.setItem(requestKey('aa-import'), encodeRequest('aa-import', 'import', NOW + 10, big));
    expect(applyPendingRequests(store, NOW + 20).map((r) => r.id)).toEqual(['zz-delete', 'aa-import']);
    expect(readHistory(store).records).toHaveLength(20);
  });

  it('replies - a reply whose time cannot be read goes before the timed ones; the reply being written is always kept', () => {
    const store = new MemoryStore();
    store.setItem(replyKey('old-broken'), 'garbled');
    for (let i = 0; i < MAX_REPLIES - 1; i += 1) store.setItem(replyKey(`t${i}`), JSON.stringify({ at: 100 + i }));
    store.setItem(requestKey('new'), encodeRequest('new', 'delete-all', 50));
    applyHistoryRequest(store, 'new', 50);
    const replies = store.keys().filter((k) => k.startsWith(REPLY_PREFIX)).sort();
    expect(replies).toEqual([replyKey('new'), ...Array.from({ length: MAX_REPLIES - 1 }, (_, i) => replyKey(`t${i}`))].sort());
  });

  it('delete everything refused by storage - the reply says nothing was deleted and why; the request still goes', () => {
    class NoRemove extends MemoryStore {
      blockRemoves = false;
      override removeItem(key: string): void {
        if (this.blockRemoves && !key.startsWith('request:')) throw new Error('read-only');
        super.removeItem(key);
      }
    }
    const store = new NoRemove();
    addRecords(store, makeRecords(2), NOW);
    store.setItem(requestKey('d'), encodeRequest('d', 'delete-all', NOW));
    store.blockRemoves = true;
    const reply = applyHistoryRequest(store, 'd', NOW);
    expect(reply).toMatchObject({ ok: false, kind: 'delete-all', error: expect.stringContaining('read-only'), message: expect.stringMatching(/^Nothing deleted: .*read-only/) });
    expect(readHistory(store).records).toHaveLength(2);
    expect(store.getItem(requestKey('d'))).toBeNull();
  });

  it('import done - the reply says in words how many were added, skipped and rejected', () => {
    const source = new MemoryStore();
    addRecords(source, makeRecords(3), NOW);
    const store = new MemoryStore();
    addRecords(store, makeRecords(1), NOW);
    const text = JSON.stringify({ ...JSON.parse(encodeRequest('i', 'import', NOW, '')), payload: '' });
    expect(text).toContain('"payload":""');
    const exported = JSON.parse(JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [...(JSON.parse(JSON.stringify(readHistory(source).records)) as unknown[]), { id: 'bad' }], notes: [], plan: null }));
    store.setItem(requestKey('i'), encodeRequest('i', 'import', NOW, JSON.stringify(exported)));
    const reply = applyHistoryRequest(store, 'i', NOW);
    expect(reply).toMatchObject({ ok: true, kind: 'import', summary: { added: 3, skipped: 0 } });
    expect(reply?.message).toMatch(/3 sessions added, 0 already there \(skipped\), 1 rejected/);
  });
});
