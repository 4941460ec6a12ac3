// The phone's KeyValueStore: settingsStorage (string values only) seen through core's interface.
// Shared by the side service and the Settings App, which read and write the same store.

import type { KeyValueStore } from '../core/sync/store';

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
