// The session shell's ScreenPort: keeping the page lit, bounded to the session (bright time,
// drop-wrist and palm screen-off pauses, all with a duration), giving it all back, and the
// wake-up relaunch flag. Drop-wrist and palm pauses are system-wide, so they are always bounded.

import {
  pauseDropWristScreenOff,
  pausePalmScreenOff,
  resetDropWristScreenOff,
  resetPageBrightTime,
  resetPalmScreenOff,
  setPageBrightTime,
  setWakeUpRelaunch,
} from '@zos/display';
import type { ScreenPort } from '../core/watch/session-shell';

export function createScreenPort(): ScreenPort {
  let lit = false;
  return {
    keepLit(ms) {
      lit = true;
      setPageBrightTime({ brightTime: ms });
      pauseDropWristScreenOff({ duration: ms });
      pausePalmScreenOff({ duration: ms });
    },
    release() {
      if (!lit) return;
      lit = false;
      resetPageBrightTime();
      resetDropWristScreenOff();
      resetPalmScreenOff();
    },
    relaunchOnWake(on) {
      setWakeUpRelaunch({ relaunch: on });
    },
  };
}
