// The phone's storage layout version. A layout written by a newer Knead is refused untouched
// (an older side service must not rewrite data it does not understand); older layouts are
// upgraded by STORAGE_MIGRATIONS. Layout 2 (history in bounded parts plus an id index,
// history-layout.ts) needs no migration writes here: its readers read layout 1's month values too,
// and the side service converts them the first time it writes history (history-writer.ts), so the
// Settings App, which also writes through this check (notes, plan), never writes history.

import { newerVersionMessage } from './checks';
import type { KeyValueStore } from './store';
import { readItem } from './store';

export const STORAGE_VERSION_KEY = 'storage:version';
export const STORAGE_VERSION = 2;

/** Writes that upgrade layout `from` to `from + 1`, computed from the current store. */
export type StorageMigration = (store: KeyValueStore) => ReadonlyArray<readonly [string, string | undefined]>;
export const STORAGE_MIGRATIONS: Readonly<Record<number, StorageMigration>> = { 1: () => [] };

export type VersionCheck =
  | { readonly ok: true; readonly writes: ReadonlyArray<readonly [string, string | undefined]> }
  | { readonly ok: false; readonly error: string };

/**
 * Whether Knead may write to this store, and the writes that bring it to STORAGE_VERSION, to be
 * applied together with the caller's own change (so the version never moves without the data).
 */
export function checkStorageVersion(
  store: KeyValueStore,
  migrations: Readonly<Record<number, StorageMigration>> = STORAGE_MIGRATIONS,
): VersionCheck {
  const read = readItem(store, STORAGE_VERSION_KEY);
  if (read.error !== undefined) return { ok: false, error: read.error };
  if (read.value === undefined) return { ok: true, writes: [[STORAGE_VERSION_KEY, String(STORAGE_VERSION)]] };
  const found = Number(read.value);
  if (!/^\d{1,6}$/.test(read.value) || !Number.isInteger(found)) {
    return { ok: false, error: `phone storage version '${read.value.slice(0, 20)}' is unreadable; nothing was changed` };
  }
  if (found > STORAGE_VERSION) return { ok: false, error: newerVersionMessage('phone storage', found, STORAGE_VERSION) };
  const writes: Array<readonly [string, string | undefined]> = [];
  for (let from = found; from < STORAGE_VERSION; from += 1) {
    const step = Object.prototype.hasOwnProperty.call(migrations, from) ? migrations[from] : undefined;
    if (step === undefined) return { ok: false, error: `phone storage version ${found} is not one this app can upgrade` };
    writes.push(...step(store));
  }
  if (found < STORAGE_VERSION) writes.push([STORAGE_VERSION_KEY, String(STORAGE_VERSION)]);
  return { ok: true, writes };
}
