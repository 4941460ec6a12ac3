// The continuous cue service (API 4.0+): plays the session's cues while the screen sleeps.
// Each wake re-reads the stored session, applies the clock (tick), vibrates, persists, and arms
// ONE createSysTimer to the next wake-up. Paused or finished: nothing to wait for, so it exits;
// the Session page restarts it after every event it sends. The record stays in the finished
// snapshot; the app queues it on its next launch (or the Check-in page does).

import { exit } from '@zos/app-service';
import { createSysTimer, stopTimer } from '@zos/timer';
import { watchStore } from '../platform/storage';
import { createCuePlayer } from '../platform/vibrator';
import { runStored } from '../core/watch/runner';

let timerId: number | null = null;
const player = createCuePlayer(true);

function disarm(): void {
  if (timerId !== null) stopTimer(timerId);
  timerId = null;
}

function wake(): void {
  disarm();
  let next: number | null = null;
  const result = runStored(
    { type: 'tick', now: Date.now() },
    {
      store: watchStore,
      cue: (cue, state) => player.play(cue, state.phase === 'idle' ? 'standard' : state.settings.intensity),
      schedule: (at) => {
        next = at;
      },
    },
  );
  const at: number | null = next;
  if (result.kind !== 'ran' || result.result.finished !== null || at === null) {
    exit();
    return;
  }
  timerId = createSysTimer(false, Math.max(1, at - Date.now()), () => wake());
}

AppService({
  onInit() {
    wake();
  },
  onDestroy() {
    disarm();
  },
});
