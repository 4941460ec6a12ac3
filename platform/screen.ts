// Keeping the Session page lit on API 3.6-3.x, bounded to the session, and undoing it on leave.

import {
  pauseDropWristScreenOff,
  pausePalmScreenOff,
  resetDropWristScreenOff,
  resetPageBrightTime,
  resetPalmScreenOff,
  setPageBrightTime,
  setWakeUpRelaunch,
} from '@zos/display';

export interface ScreenKeeper {
  keepLit(ms: number): void;
  reset(): void;
}

export function createScreenKeeper(): ScreenKeeper {
  let changed = false;
  return {
    keepLit(ms) {
      changed = true;
      setPageBrightTime({ brightTime: ms });
      pauseDropWristScreenOff({ duration: ms });
      pausePalmScreenOff({ duration: ms });
      setWakeUpRelaunch({ relaunch: true });
    },
    reset() {
      if (!changed) return;
      changed = false;
      resetPageBrightTime();
      resetDropWristScreenOff();
      resetPalmScreenOff();
      setWakeUpRelaunch({ relaunch: false });
    },
  };
}

/** Only the relaunch flag, for when the person allows the screen to go off. */
export function relaunchOnWake(on: boolean): void {
  setWakeUpRelaunch({ relaunch: on });
}
