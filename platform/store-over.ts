// KeyValueStore (core/kernel/store) over a localStorage-like object: the logic of
// platform/storage.ts, apart from @zos/storage so that app.js carries it once for every page
// (docs/watch.md "Size"). Values are always strings. localStorage has no documented way to list
// keys, so the adapter keeps its own index of the keys it wrote (under KEY_INDEX) and uses
// length/key() when the runtime offers them.

import type { KeyValueStore } from '../core/kernel/store';
import { OUTBOX_RECORD_PREFIX } from '../core/sync/outbox-keys';

const KEY_INDEX = 'knead.keys';

/** What the adapter uses of @zos/storage's localStorage. */
export interface LocalStorageLike {
  getItem(key: string): unknown;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Listable {
  readonly length?: unknown;
  key?: unknown;
}

export function storeOver(local: LocalStorageLike): KeyValueStore {
  function readIndex(): string[] {
    const raw: unknown = local.getItem(KEY_INDEX);
    if (typeof raw !== 'string') return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
    } catch {
      return [];
    }
  }

  function remember(key: string): void {
    // The outbox's per-session keys are found from its own index (slot numbers), not by listing:
    // recording each would make this list, rewritten whole, grow with every session ever saved.
    if (key.indexOf(OUTBOX_RECORD_PREFIX) === 0) return;
    const index = readIndex();
    if (index.indexOf(key) >= 0) return;
    index.push(key);
    local.setItem(KEY_INDEX, JSON.stringify(index));
  }

  return {
    getItem(key) {
      const value: unknown = local.getItem(key);
      if (value === undefined || value === null) return undefined;
      return typeof value === 'string' ? value : JSON.stringify(value);
    },
    setItem(key, value) {
      local.setItem(key, value);
      remember(key);
    },
    removeItem(key) {
      local.removeItem(key);
    },
    keys() {
      const listable = local as unknown as Listable;
      if (typeof listable.length === 'number' && typeof listable.key === 'function') {
        const out: string[] = [];
        const keyAt = listable.key as (index: number) => unknown;
        for (let i = 0; i < listable.length; i += 1) {
          const k = keyAt.call(local, i);
          if (typeof k === 'string') out.push(k);
        }
        return out;
      }
      return readIndex();
    },
  };
}
