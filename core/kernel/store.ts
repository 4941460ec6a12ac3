// The storage both sides see: string values under string keys. The watch adapter wraps
// @zos/storage localStorage, the phone adapter wraps settingsStorage (string values only).
// Core code never assumes writes succeed: setItem may throw (full disk, quota).

export interface KeyValueStore {
  getItem(key: string): string | null | undefined;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

/** The part of settingsStorage the adapter needs (the side's global and the Settings App's props). */
export interface SettingsStorageLike {
  getItem(key: string): string | null | undefined;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  toObject(): Record<string, string>;
}

export function settingsKeyValueStore(storage: SettingsStorageLike): KeyValueStore {
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
    keys: () => Object.keys(storage.toObject() || {}),
  };
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Reads a key; a throwing adapter reads as "absent" plus the reason, never as an exception. */
export function readItem(store: KeyValueStore, key: string): { readonly value: string | undefined; readonly error?: string } {
  try {
    const value = store.getItem(key);
    return { value: typeof value === 'string' ? value : undefined };
  } catch (error) {
    return { value: undefined, error: `could not read ${key}: ${errorText(error)}` };
  }
}

/**
 * Applies several writes (undefined = remove) so that either all land or, when one throws, the
 * keys already written are put back: storage never holds half of an update.
 */
export function writeAll(store: KeyValueStore, writes: ReadonlyArray<readonly [string, string | undefined]>): WriteResult {
  const undo: Array<readonly [string, string | undefined]> = [];
  for (const [key, value] of writes) {
    const before = readItem(store, key);
    if (before.error !== undefined) {
      rollBack(store, undo);
      return { ok: false, error: before.error };
    }
    try {
      if (value === undefined) store.removeItem(key);
      else store.setItem(key, value);
      undo.push([key, before.value]);
    } catch (error) {
      rollBack(store, undo);
      return { ok: false, error: `could not save ${key}: ${errorText(error)}` };
    }
  }
  return { ok: true };
}

function rollBack(store: KeyValueStore, undo: ReadonlyArray<readonly [string, string | undefined]>): void {
  for (let i = undo.length - 1; i >= 0; i -= 1) {
    const entry = undo[i];
    if (entry === undefined) continue;
    try {
      if (entry[1] === undefined) store.removeItem(entry[0]);
      else store.setItem(entry[0], entry[1]);
    } catch {
      // The store refuses writes altogether; the earlier error already reports that.
      continue;
    }
  }
}

export function listKeys(store: KeyValueStore): string[] {
  try {
    return store.keys();
  } catch {
    return [];
  }
}

/**
 * `count` keys `<prefix><n>` (n = 1, 2, …) not yet in the store: where a damaged value is set
 * aside verbatim (the watch's session snapshot, the outbox), never over an earlier one.
 */
export function freeQuarantineKeys(store: KeyValueStore, prefix: string, count: number): string[] {
  const taken = new Set(listKeys(store));
  const out: string[] = [];
  for (let n = 1; out.length < count; n += 1) {
    const key = `${prefix}${n}`;
    if (!taken.has(key)) out.push(key);
  }
  return out;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
