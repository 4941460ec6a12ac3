// Starting and stopping the continuous cue service (API 4.0+), with the run-time permission.

import { queryPermission, requestPermission } from '@zos/app';
import { start, stop } from '@zos/app-service';

export const CUE_SERVICE_FILE = 'app-service/cue-service';
const BG_PERMISSION = 'device:os.bg_service';

/** Calls back true when the background-service permission is (or gets) granted. */
export function ensureBackgroundPermission(done: (granted: boolean) => void): void {
  const [state] = queryPermission({ permissions: [BG_PERMISSION] });
  if (state === 2) {
    done(true);
    return;
  }
  requestPermission({
    permissions: [BG_PERMISSION],
    callback: (result) => done(result[0] === 2),
  });
}

/**
 * (Re)starts the service so it re-reads the stored session and re-arms its timer; `reload` makes a
 * service that is still running start over instead of being left as it was. True when accepted.
 */
export function restartCueService(): boolean {
  return start({ file: CUE_SERVICE_FILE, param: JSON.stringify({ reason: 'session' }), reload: true, complete_func: () => undefined });
}

export function stopCueService(): void {
  stop({ file: CUE_SERVICE_FILE, complete_func: () => undefined });
}
