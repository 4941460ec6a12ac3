// The continuous cue service (API 4.0+): plays the session's cues while the screen sleeps.
// Wiring over core/watch/session-shell serviceWake: each wake applies the clock to the stored
// session, plays what is due, and arms ONE createSysTimer to the next wake-up. With nothing left
// to wait for (paused or finished) it exits, but only after the cue it just started has played
// whole. The Session page stops and starts it around each press (see session-shell).

import { exit } from '@zos/app-service';
import { createSysTimer, stopTimer } from '@zos/timer';
import { watchStore } from '../platform/storage';
import { createVibratorPort } from '../platform/vibrator';
import { serviceWake } from '../core/watch/session-shell';

let timerId: number | null = null;
const vibrator = createVibratorPort(true);

function disarm(): void {
  if (timerId !== null) stopTimer(timerId);
  timerId = null;
}

function wake(): void {
  disarm();
  const result = serviceWake({ store: watchStore, clock: { now: () => Date.now() }, vibrator });
  if (result.next !== null) {
    timerId = createSysTimer(false, Math.max(1, result.next - Date.now()), () => wake());
    return;
  }
  if (result.playingMs > 0) timerId = createSysTimer(false, result.playingMs, () => exit());
  else exit();
}

AppService({
  onInit() {
    wake();
  },
  onDestroy() {
    disarm();
  },
});
