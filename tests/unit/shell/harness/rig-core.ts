// Test rig for sync on the simulated runtime: the BUILT app (app.js with ZML), side service and
// Settings App run in the sim; the watch-side sync module (platform-sync/watch-sync.ts, not yet
// wired into a built page) runs in Node on top of the built app's own ZML messaging instance
// (getApp().globalData.messaging), the watch's simulated disk and the fake clock.

import type { KeyValueStore } from '../../../../core/sync/store';
import { createWatchSync, type WatchSync, type WatchSyncOptions } from '../../../../platform-sync/watch-sync';
import type { Simulation } from '../../../../sim/node/index';

export interface ZmlMessaging {
  request(data: unknown, options?: Record<string, unknown>): Promise<unknown>;
  onCall(handler: (data: unknown) => void): unknown;
}

interface DeviceInternals {
  app: { owner: string; realm: { global: Record<string, unknown> } } | null;
}

/** The built app's ZML messaging (null when the app is not running). */
export function appMessaging(sim: Simulation): ZmlMessaging | null {
  const app = (sim.device.runtime as unknown as DeviceInternals).app;
  if (app === null) return null;
  const getApp = app.realm.global.getApp as () => { globalData: { messaging: ZmlMessaging | null } };
  return getApp().globalData.messaging;
}

function appOwner(sim: Simulation): string {
  const app = (sim.device.runtime as unknown as DeviceInternals).app;
  return app === null ? 'test' : app.owner;
}

/** The watch's localStorage as core sees it (string values; the disk survives app kills). */
export function watchStore(sim: Simulation): KeyValueStore {
  const kv = sim.device.disk.kv;
  return {
    getItem: (key) => {
      const v = kv.get(key);
      return typeof v === 'string' ? v : undefined;
    },
    setItem: (key, value) => {
      if (sim.device.disk.failWrites) throw new Error('localStorage write failed (disk full)');
      kv.set(key, value);
    },
    removeItem: (key) => {
      kv.delete(key);
    },
    keys: () => [...kv.keys()],
  };
}

/** The phone's settingsStorage as core sees it, writing as the test (side and Settings App hear it). */
export function phoneStore(sim: Simulation): KeyValueStore {
  const s = sim.side.settingsStorage;
  return {
    getItem: (key) => s.getItem(key),
    setItem: (key, value) => s.setItem(key, value),
    removeItem: (key) => s.removeItem(key),
    keys: () => Object.keys(s.toObject()),
  };
}

export interface Rig {
  readonly sim: Simulation;
  readonly watch: KeyValueStore;
  readonly phone: KeyValueStore;
  /** The sync object of the current app launch (recreate after relaunch with `attach`). */
  sync: WatchSync;
  /** Creates the WatchSync for the running app, as a page would: ZML request, app-owned timers, onCall. */
  attach(overrides?: Partial<WatchSyncOptions>): WatchSync;
  /** Advances fake time (timer to timer) until `promise` settles or maxMs passes; returns its value. */
  settle<T>(promise: Promise<T>, maxMs?: number): Promise<T>;
}

export const REQUEST_TIMEOUT_MS = 20_000;

/** Wraps a booted simulation (side started, app launched) into a Rig; attaches sync when the app runs. */
export function rigFor(sim: Simulation): Rig {
  const watch = watchStore(sim);
  const rig: Rig = {
    sim,
    watch,
    phone: phoneStore(sim),
    sync: null as unknown as WatchSync,
    attach(overrides = {}) {
      const messaging = appMessaging(sim);
      if (messaging === null) throw new Error('the watch app is not running');
      const owner = appOwner(sim);
      const sync = createWatchSync({
        request: (method, params) => messaging.request({ method, params }, { timeout: REQUEST_TIMEOUT_MS }),
        store: watch,
        clock: sim.clock,
        setTimeout: (cb, ms) => sim.clock.schedule('timeout', owner, ms, cb),
        clearTimeout: (id) => {
          if (typeof id === 'number') sim.clock.cancel(id);
        },
        ...overrides,
      });
      messaging.onCall((data) => {
        void sync.handleCall(data);
      });
      rig.sync = sync;
      return sync;
    },
    async settle<T>(promise: Promise<T>, maxMs = 600_000): Promise<T> {
      let done = false;
      let value: T | undefined;
      let failure: unknown;
      let failed = false;
      promise.then(
        (v) => {
          done = true;
          value = v;
        },
        (e: unknown) => {
          done = true;
          failed = true;
          failure = e;
        },
      );
      const limit = sim.clock.now() + maxMs;
      await sim.clock.advance(0);
      // Jump from timer to timer: a 20 s request timeout costs one step, not 400.
      while (!done && sim.clock.now() < limit) {
        const next = sim.clock.nextDue();
        await sim.clock.runUntil(next === null ? limit : Math.min(limit, Math.max(next, sim.clock.now())));
      }
      if (!done) throw new Error(`promise did not settle within ${maxMs} fake ms`);
      if (failed) throw failure;
      return value as T;
    },
  };
  if (sim.device.running) rig.attach();
  return rig;
}
