// The continuous cue service (API 4.0+) as the session shell's CueServicePort: the run-time
// permission, and start/stop that complete through complete_func. start()/stop() answer at once
// with an ERROR_CODE (0 = accepted; 2 = "service status error", e.g. starting one that runs);
// only complete_func says when the service actually runs or is gone, so the shell waits for it.

import { queryPermission, requestPermission } from '@zos/app';
import { getAllAppServices, start, stop } from '@zos/app-service';
import type { CueServicePort } from '../core/watch/session-shell';

export const CUE_SERVICE_FILE = 'app-service/cue-service';
const BG_PERMISSION = 'device:os.bg_service';
const GRANTED = 2;

function ensureBackgroundPermission(done: (granted: boolean) => void): void {
  const [state] = queryPermission({ permissions: [BG_PERMISSION] });
  if (state === GRANTED) {
    done(true);
    return;
  }
  requestPermission({
    permissions: [BG_PERMISSION],
    callback: (result) => done(result[0] === GRANTED),
  });
}

/** The typings say boolean; the docs' tables say a number, 0 meaning accepted. */
function accepted(code: unknown): boolean {
  return code === 0 || code === true;
}

function isRunning(): boolean {
  try {
    const list = getAllAppServices() as unknown;
    return Array.isArray(list) && list.some((file) => typeof file === 'string' && file.replace(/^\//, '').replace(/\.js$/, '') === CUE_SERVICE_FILE);
  } catch {
    return false;
  }
}

export function createCueServicePort(): CueServicePort {
  return {
    isRunning,
    ensurePermission(done) {
      try {
        ensureBackgroundPermission(done);
      } catch {
        done(false);
      }
    },
    start(done) {
      let answered = false;
      const once = (ok: boolean) => {
        if (answered) return;
        answered = true;
        done(ok);
      };
      const code: unknown = start({ file: CUE_SERVICE_FILE, param: JSON.stringify({ reason: 'session' }), complete_func: (r: { result?: unknown }) => once(r.result === true) });
      if (!accepted(code)) once(false);
    },
    stop(done) {
      let answered = false;
      const once = () => {
        if (answered) return;
        answered = true;
        done();
      };
      const code: unknown = stop({ file: CUE_SERVICE_FILE, complete_func: () => once() });
      // Refused (not running, or already stopping): either way it is not ours to wait for.
      if (!accepted(code)) once();
    },
  };
}
