// The key-value store port (core/kernel/store.ts) and the phone's layout version
// (core/kernel/storage-version.ts): "bad input gets a clear error and loses nothing already
// stored" — a failing write never leaves half an update, a throwing adapter is a reason, not a crash.

import { describe, expect, it } from 'vitest';
import { MemoryStore, unreadableKey } from '../../fixtures/memory-store';
import type { KeyValueStore } from '../../../core/kernel/store';
import { errorText, freeQuarantineKeys, listKeys, readItem, settingsKeyValueStore, writeAll } from '../../../core/kernel/store';
import { STORAGE_VERSION, STORAGE_VERSION_KEY, checkStorageVersion } from '../../../core/kernel/storage-version';

/** A store that refuses every write of one key (a value over the quota), and nothing else. */
function refusing(store: MemoryStore, badKey: string): KeyValueStore {
  return {
    getItem: (key) => store.getItem(key),
    setItem: (key, value) => {
      if (key === badKey) throw new Error('storage write failed');
      store.setItem(key, value);
    },
    removeItem: (key) => store.removeItem(key),
    keys: () => store.keys(),
  };
}

describe('kernel store', () => {
  it('store - readItem reads a string, and null (nothing stored) as absent', () => {
    const store = new MemoryStore({ a: 'x' });
    expect(readItem(store, 'a')).toEqual({ value: 'x' });
    expect(readItem(store, 'b')).toEqual({ value: undefined });
  });

  it('store - a throwing read is absent plus a reason naming the key, never an exception', () => {
    const read = readItem(unreadableKey(new MemoryStore(), 'plan'), 'plan');
    expect(read.value).toBeUndefined();
    expect(read.error).toBe('could not read plan: disk error');
  });

  it('store - writeAll writes and removes every key of the update', () => {
    const store = new MemoryStore({ old: 'gone', keep: 'k' });
    expect(writeAll(store, [['a', '1'], ['old', undefined], ['b', '2']])).toEqual({ ok: true });
    expect(store.snapshot()).toEqual({ a: '1', b: '2', keep: 'k' });
  });

  it('store - a write that throws puts back every key already written, removes new ones, and names the key', () => {
    const store = new MemoryStore({ a: 'A0', gone: 'G0' });
    const before = store.snapshot();
    const result = writeAll(refusing(store, 'c'), [['a', 'A1'], ['gone', undefined], ['new', 'N1'], ['c', 'C1']]);
    expect(result).toEqual({ ok: false, error: 'could not save c: storage write failed' });
    expect(store.snapshot()).toEqual(before);
  });

  it('store - a key written twice in one update goes back to its first value, not the middle one', () => {
    const store = new MemoryStore({ a: 'original' });
    const result = writeAll(refusing(store, 'b'), [['a', 'first'], ['a', 'second'], ['b', 'x']]);
    expect(result.ok).toBe(false);
    expect(store.snapshot()).toEqual({ a: 'original' });
  });

  it('store - an unreadable key stops the update before it is written and rolls back the rest', () => {
    const memory = new MemoryStore({ a: 'A0' });
    const store = unreadableKey(memory, 'b');
    const result = writeAll(store, [['a', 'A1'], ['b', 'B1']]);
    expect(result).toEqual({ ok: false, error: 'could not read b: disk error' });
    expect(memory.snapshot()).toEqual({ a: 'A0' });
  });

  it('store - a roll-back that is itself refused goes on with the other keys', () => {
    const memory = new MemoryStore({ a: 'A0', b: 'B0' });
    let failing = false;
    const store: KeyValueStore = {
      getItem: (key) => memory.getItem(key),
      setItem: (key, value) => {
        if (key === 'c') failing = true;
        if (failing && key !== 'a') throw new Error('refused');
        memory.setItem(key, value);
      },
      removeItem: (key) => memory.removeItem(key),
      keys: () => memory.keys(),
    };
    const result = writeAll(store, [['a', 'A1'], ['b', 'B1'], ['c', 'C1']]);
    expect(result).toEqual({ ok: false, error: 'could not save c: refused' });
    // b's roll-back throws; a is still put back after it.
    expect(memory.getItem('a')).toBe('A0');
  });

  it('store - listKeys of an adapter that throws is empty', () => {
    const store: KeyValueStore = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, keys: () => { throw new Error('no'); } };
    expect(listKeys(store)).toEqual([]);
    expect(listKeys(new MemoryStore({ x: '1', y: '2' })).sort()).toEqual(['x', 'y']);
  });

  it('store - quarantine keys count up from 1 and never reuse a taken one', () => {
    const store = new MemoryStore({ 'q:1': 'a', 'q:3': 'b' });
    expect(freeQuarantineKeys(store, 'q:', 3)).toEqual(['q:2', 'q:4', 'q:5']);
    expect(freeQuarantineKeys(new MemoryStore(), 'bad:', 1)).toEqual(['bad:1']);
    expect(freeQuarantineKeys(new MemoryStore(), 'bad:', 0)).toEqual([]);
  });

  it('store - errorText: the message of an Error, the text of anything else thrown', () => {
    expect(errorText(new Error('quota exceeded'))).toBe('quota exceeded');
    expect(errorText('plain')).toBe('plain');
    expect(errorText(42)).toBe('42');
  });

  it('store - the settingsStorage adapter passes reads, writes and removals through and lists its keys', () => {
    const data: Record<string, string> = { a: '1' };
    const store = settingsKeyValueStore({
      getItem: (key) => data[key],
      setItem: (key, value) => { data[key] = value; },
      removeItem: (key) => { delete data[key]; },
      toObject: () => ({ ...data }),
    });
    expect(store.getItem('a')).toBe('1');
    store.setItem('b', '2');
    store.removeItem('a');
    expect(data).toEqual({ b: '2' });
    expect(store.keys()).toEqual(['b']);
  });

  it('store - a settingsStorage whose toObject gives nothing lists no keys', () => {
    const store = settingsKeyValueStore({
      getItem: () => undefined,
      setItem: () => undefined,
      removeItem: () => undefined,
      toObject: () => null as unknown as Record<string, string>,
    });
    expect(store.keys()).toEqual([]);
  });
});

describe('phone storage version', () => {
  it('storage version - a new store gets the current version written with the first change', () => {
    expect(checkStorageVersion(new MemoryStore())).toEqual({ ok: true, writes: [[STORAGE_VERSION_KEY, String(STORAGE_VERSION)]] });
  });

  it('storage version - the current version needs no writes', () => {
    expect(checkStorageVersion(new MemoryStore({ [STORAGE_VERSION_KEY]: String(STORAGE_VERSION) }))).toEqual({ ok: true, writes: [] });
  });

  it('storage version - layout 1 is upgraded: its migration writes, then the version', () => {
    const check = checkStorageVersion(new MemoryStore({ [STORAGE_VERSION_KEY]: '1' }), { 1: () => [['moved', 'x']] });
    expect(check).toEqual({ ok: true, writes: [['moved', 'x'], [STORAGE_VERSION_KEY, String(STORAGE_VERSION)]] });
    // The shipped migration from layout 1 writes nothing but the version.
    expect(checkStorageVersion(new MemoryStore({ [STORAGE_VERSION_KEY]: '1' }))).toEqual({ ok: true, writes: [[STORAGE_VERSION_KEY, '2']] });
  });

  it('storage version - a newer layout is refused with "update Knead", nothing to write', () => {
    const check = checkStorageVersion(new MemoryStore({ [STORAGE_VERSION_KEY]: String(STORAGE_VERSION + 1) }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(/phone storage version 3 is newer .*update Knead/);
  });

  it('storage version - a layout with no migration is refused by name', () => {
    const check = checkStorageVersion(new MemoryStore({ [STORAGE_VERSION_KEY]: '0' }));
    expect(check).toEqual({ ok: false, error: 'phone storage version 0 is not one this app can upgrade' });
  });

  it.each(['abc', '1.5', '', '-1', ' 2', '1234567', '2x'])('storage version - an unreadable version %j is refused, nothing changed', (stored) => {
    const check = checkStorageVersion(new MemoryStore({ [STORAGE_VERSION_KEY]: stored }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toContain('is unreadable; nothing was changed');
  });

  it('storage version - the unreadable value is quoted, cut to 20 characters', () => {
    const check = checkStorageVersion(new MemoryStore({ [STORAGE_VERSION_KEY]: 'x'.repeat(50) }));
    expect(check).toEqual({ ok: false, error: `phone storage version '${'x'.repeat(20)}' is unreadable; nothing was changed` });
  });

  it('storage version - six digits are still a version (a far newer one)', () => {
    const check = checkStorageVersion(new MemoryStore({ [STORAGE_VERSION_KEY]: '999999' }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toContain('update Knead');
  });

  it('storage version - a store that cannot be read is refused with the reason', () => {
    const check = checkStorageVersion(unreadableKey(new MemoryStore(), STORAGE_VERSION_KEY));
    expect(check).toEqual({ ok: false, error: `could not read ${STORAGE_VERSION_KEY}: disk error` });
  });
});
