// Reading the stored session (core/watch/session-store.ts, docs/watch.md "Storage keys"): an empty
// value is no session, and a corrupt one is set aside verbatim under knead.session.quarantine.<n>
// (never lost, never read again as a session), leaving the outbox alone.
import { describe, expect, it } from 'vitest';
import { KEYS } from '../../../core/watch/keys';
import { loadSession } from '../../../core/watch/session-store';
import { MemoryStore } from '../../fixtures/memory-store';

describe('stored session', () => {
  it('session store - an empty value (how a removed key can read back) is no session, and nothing is set aside', () => {
    const store = new MemoryStore({ [KEYS.session]: '' });
    expect(loadSession(store)).toEqual({ kind: 'none' });
    expect(store.keys()).toEqual([KEYS.session]);
  });

  it('session store - a corrupt snapshot is moved verbatim to knead.session.quarantine.1, then .2, and the outbox is untouched', () => {
    const store = new MemoryStore({ outbox: '{"kept":true}' });
    store.setItem(KEYS.session, '{"v":1,"state":{"phase":"running"}}');
    const first = loadSession(store);
    expect(first.kind === 'corrupt' ? first.quarantineKey : null).toBe('knead.session.quarantine.1');
    store.setItem(KEYS.session, 'not json');
    const second = loadSession(store);
    expect(second.kind === 'corrupt' ? second.quarantineKey : null).toBe('knead.session.quarantine.2');
    expect(store.snapshot()).toEqual({
      'knead.session.quarantine.1': '{"v":1,"state":{"phase":"running"}}',
      'knead.session.quarantine.2': 'not json',
      outbox: '{"kept":true}',
    });
    expect(loadSession(store)).toEqual({ kind: 'none' });
  });
});
