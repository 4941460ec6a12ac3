// The one writer of phone history: the Settings App asks (request:<id>), the side service applies
// the request through core, answers under reply:<id> and removes the request.

import { describe, expect, it } from 'vitest';
import { exportAll } from '../../../core/phone/export-import';
import {
  MAX_REPLIES,
  MAX_REQUEST_BYTES,
  REPLY_PREFIX,
  applyHistoryRequest,
  applyPendingRequests,
  encodeRequest,
  newRequestId,
  replyKey,
  requestKey,
  requestState,
} from '../../../core/phone/history-requests';
import { addRecords, readHistory } from '../../../core/phone/history-store';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecords } from '../../fixtures/records';

const NOW = BASE_START + 3 * DAY_MS;

function exportOf(count: number): string {
  const source = new MemoryStore();
  addRecords(source, makeRecords(count), NOW);
  return exportAll(source, NOW).text;
}

function withoutRequestsAndReplies(store: MemoryStore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of store.keys()) if (!key.startsWith('request:') && !key.startsWith(REPLY_PREFIX)) out[key] = store.getItem(key) ?? '';
  return out;
}

describe('history requests (one writer)', () => {
  it('history requests - an import request is applied, answered with its summary in plain words and removed', () => {
    const store = new MemoryStore();
    const id = newRequestId('import', NOW, 0.5);
    store.setItem(requestKey(id), encodeRequest(id, 'import', NOW, exportOf(3)));
    expect(requestState(store, id)).toEqual({ state: 'pending' });
    const reply = applyHistoryRequest(store, id, NOW + 1);
    expect(reply).toMatchObject({ id, kind: 'import', ok: true, message: 'Import done: 3 sessions added, 0 already there (skipped), 0 rejected.' });
    expect(readHistory(store).records).toHaveLength(3);
    expect(store.getItem(requestKey(id))).toBeNull();
    expect(requestState(store, id)).toMatchObject({ state: 'answered', reply: { ok: true, summary: { added: 3 } } });
  });

  it('history requests - a delete-all request removes the history and says how much', () => {
    const store = new MemoryStore();
    addRecords(store, makeRecords(2), NOW);
    store.setItem(requestKey('d1'), encodeRequest('d1', 'delete-all', NOW));
    const reply = applyHistoryRequest(store, 'd1', NOW);
    expect(reply).toMatchObject({ ok: true, kind: 'delete-all' });
    expect(readHistory(store).records).toEqual([]);
  });

  const malformed: Array<[string, string, string]> = [
    ['not JSON', '{"v":1,"id":"r1"', 'the request is not valid JSON; nothing was changed'],
    ['not an object', '[1]', 'the request must be an object {v, id, kind, at}; nothing was changed'],
    ['a newer version', '{"v":2,"id":"r1","kind":"import","at":1,"payload":""}', 'the request is version 2, newer than this side service understands (1); update Knead; nothing was changed'],
    ['an id other than its key', '{"v":1,"id":"r2","kind":"import","at":1,"payload":""}', "the request's id does not match its key (r1); nothing was changed"],
    ['an unknown kind', '{"v":1,"id":"r1","kind":"sessions.delete","at":1}', "request kind 'sessions.delete' is not known (expected import or delete-all); nothing was changed"],
    ['an import without its text', '{"v":1,"id":"r1","kind":"import","at":1}', 'an import request carries the export text as payload; nothing was changed'],
    ['a negative time', '{"v":1,"id":"r1","kind":"delete-all","at":-5}', 'the request time (at) must be a non-negative integer; nothing was changed'],
  ];
  for (const [what, raw, error] of malformed) {
    it(`history requests - ${what} gets an error reply and changes nothing else`, () => {
      const store = new MemoryStore();
      addRecords(store, makeRecords(2), NOW);
      const before = withoutRequestsAndReplies(store);
      store.setItem(requestKey('r1'), raw);
      const reply = applyHistoryRequest(store, 'r1', NOW);
      expect(reply).toMatchObject({ ok: false, error });
      expect(withoutRequestsAndReplies(store)).toEqual(before);
      expect(store.getItem(requestKey('r1'))).toBeNull();
      expect(requestState(store, 'r1')).toMatchObject({ state: 'answered', reply: { ok: false, error } });
    });
  }

  it('history requests - a request over the size limit is refused unread and the history is kept', () => {
    const store = new MemoryStore();
    addRecords(store, makeRecords(2), NOW);
    const before = withoutRequestsAndReplies(store);
    const huge = encodeRequest('big', 'import', NOW, 'x'.repeat(MAX_REQUEST_BYTES));
    store.setItem(requestKey('big'), huge);
    const reply = applyHistoryRequest(store, 'big', NOW);
    expect(reply).toMatchObject({ ok: false, kind: 'import', error: `the request is ${huge.length} bytes; at most ${MAX_REQUEST_BYTES}; nothing was changed` });
    expect(withoutRequestsAndReplies(store)).toEqual(before);
  });

  it('history requests - a broken import file is answered with the import error; stored history unchanged', () => {
    const store = new MemoryStore();
    addRecords(store, makeRecords(2), NOW);
    const before = withoutRequestsAndReplies(store);
    store.setItem(requestKey('r1'), encodeRequest('r1', 'import', NOW, exportOf(3).slice(0, 40)));
    expect(applyHistoryRequest(store, 'r1', NOW)).toMatchObject({ ok: false, message: 'Import failed: the file is not valid JSON; nothing was imported' });
    expect(withoutRequestsAndReplies(store)).toEqual(before);
  });

  it('history requests - pending requests are applied oldest first (import then delete leaves nothing; delete then import keeps the import)', () => {
    const importThenDelete = new MemoryStore();
    importThenDelete.setItem(requestKey('zz'), encodeRequest('zz', 'import', NOW, exportOf(2)));
    importThenDelete.setItem(requestKey('aa'), encodeRequest('aa', 'delete-all', NOW + 10));
    expect(applyPendingRequests(importThenDelete, NOW + 20).map((r) => r.id)).toEqual(['zz', 'aa']);
    expect(readHistory(importThenDelete).records).toEqual([]);
    const deleteThenImport = new MemoryStore();
    deleteThenImport.setItem(requestKey('zz'), encodeRequest('zz', 'import', NOW + 10, exportOf(2)));
    deleteThenImport.setItem(requestKey('aa'), encodeRequest('aa', 'delete-all', NOW));
    applyPendingRequests(deleteThenImport, NOW + 20);
    expect(readHistory(deleteThenImport).records).toHaveLength(2);
    expect(deleteThenImport.keys().filter((k) => k.startsWith('request:'))).toEqual([]);
  });

  it('history requests - applying the same import twice (a crash before the request was removed) adds nothing the second time', () => {
    const store = new MemoryStore();
    const text = exportOf(3);
    store.setItem(requestKey('r1'), encodeRequest('r1', 'import', NOW, text));
    applyHistoryRequest(store, 'r1', NOW);
    store.setItem(requestKey('r1'), encodeRequest('r1', 'import', NOW, text));
    expect(applyHistoryRequest(store, 'r1', NOW)).toMatchObject({ ok: true, summary: { added: 0, skipped: 3 } });
    expect(readHistory(store).records).toHaveLength(3);
  });

  it('history requests - replies are bounded: only the newest are kept', () => {
    const store = new MemoryStore();
    for (let i = 0; i < MAX_REPLIES + 5; i += 1) {
      const id = `d${i}`;
      store.setItem(requestKey(id), encodeRequest(id, 'delete-all', NOW + i));
      applyHistoryRequest(store, id, NOW + i);
    }
    const replies = store.keys().filter((k) => k.startsWith(REPLY_PREFIX));
    expect(replies).toHaveLength(MAX_REPLIES);
    expect(replies).toContain(replyKey(`d${MAX_REPLIES + 4}`));
    expect(replies).not.toContain(replyKey('d0'));
  });

  it('history requests - a key naming no usable id is removed without a reply; no request, no reply', () => {
    const store = new MemoryStore();
    const bad = 'x'.repeat(65);
    store.setItem(requestKey(bad), encodeRequest(bad, 'delete-all', NOW));
    expect(applyHistoryRequest(store, bad, NOW)).toBeNull();
    expect(store.keys()).toEqual([]);
    expect(applyHistoryRequest(store, 'absent', NOW)).toBeNull();
    expect(requestState(store, 'absent')).toEqual({ state: 'none' });
  });
});
