// KeyValueStore (core/kernel/store) over @zos/storage localStorage. Values are always strings.
// localStorage has no documented way to list keys, so the adapter keeps its own index of the
// keys it wrote (under KEY_INDEX) and uses length/key() when the runtime offers them.

import { localStorage } from '@zos/storage';
import type { KeyValueStore } from '../core/kernel/store';
import { OUTBOX_RECORD_PREFIX } from '../core/sync/outbox-keys';

const KEY_INDEX = 'knead.keys';

interface Listable {
  readonly length?: unknown;
  key?: unknown;
}

function readIndex(): string[] {
  const raw: unknown = localStorage.getItem(KEY_INDEX);
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
  localStorage.setItem(KEY_INDEX, JSON.stringify(index));
}

export const watchStore: KeyValueStore = {
  getItem(key) {
    const value: unknown = localStorage.getItem(key);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  },
  setItem(key, value) {
    localStorage.setItem(key, value);
    remember(key);
  },
  removeItem(key) {
    localStorage.removeItem(key);
  },
  keys() {
    const listable = localStorage as unknown as Listable;
    if (typeof listable.length === 'number' && typeof listable.key === 'function') {
      const out: string[] = [];
      const keyAt = listable.key as (index: number) => unknown;
      for (let i = 0; i < listable.length; i += 1) {
        const k = keyAt.call(localStorage, i);
        if (typeof k === 'string') out.push(k);
      }
      return out;
    }
    return readIndex();
  },
};
