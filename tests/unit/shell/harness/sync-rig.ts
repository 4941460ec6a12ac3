// Test rig for sync on the simulated runtime, booted through the shared fixture so that
// autoCheckErrors() sees every simulation. See rig-core.ts for what runs where.

import { bootWatch, type BootOptions } from '../../../fixtures/sim';
import { rigFor, type Rig } from './rig-core';

export { appMessaging, phoneStore, watchStore, REQUEST_TIMEOUT_MS, rigFor, type Rig, type ZmlMessaging } from './rig-core';

export async function bootRig(options: BootOptions = {}): Promise<Rig> {
  return rigFor(await bootWatch(options));
}
