// Plays a haptic pattern (core/engine/haptics) on the watch's motor. API 3.6+: stop(); start(scene array)
// with the scene types mapped through getType() (the stop() right before a start() is the robust
// pattern public apps use; it replaces nothing that is still wanted, since cues never overlap);
// otherwise the closest built-in scene: stop(); setMode(VIBRATOR_SCENE_X); start().
// Nothing here stops a cue once started: every cue plays whole (a page that leaves lets it finish).

import {
  Vibrator,
  VIBRATOR_SCENE_DURATION,
  VIBRATOR_SCENE_DURATION_LONG,
  VIBRATOR_SCENE_NOTIFICATION,
  VIBRATOR_SCENE_SHORT_LIGHT,
  VIBRATOR_SCENE_SHORT_MIDDLE,
  VIBRATOR_SCENE_SHORT_STRONG,
  VIBRATOR_SCENE_STRONG_REMINDER,
} from '@zos/sensor';
import type { FallbackScene, HapticPattern } from '../core/engine/haptics';
import type { VibratorPort } from '../core/watch/session-shell';

const FALLBACK: Readonly<Record<FallbackScene, number>> = {
  SHORT_LIGHT: VIBRATOR_SCENE_SHORT_LIGHT,
  SHORT_MIDDLE: VIBRATOR_SCENE_SHORT_MIDDLE,
  SHORT_STRONG: VIBRATOR_SCENE_SHORT_STRONG,
  DURATION: VIBRATOR_SCENE_DURATION,
  DURATION_LONG: VIBRATOR_SCENE_DURATION_LONG,
  STRONG_REMINDER: VIBRATOR_SCENE_STRONG_REMINDER,
  NOTIFICATION: VIBRATOR_SCENE_NOTIFICATION,
};

export function createVibratorPort(sceneArrays: boolean): VibratorPort {
  let motor: Vibrator | null = null;
  const get = (): Vibrator => {
    if (motor === null) motor = new Vibrator();
    return motor;
  };
  return {
    play(pattern: HapticPattern) {
      const vibrator = get();
      vibrator.stop();
      const types = sceneArrays && typeof vibrator.getType === 'function' ? (vibrator.getType() as unknown as Readonly<Record<string, number>>) : null;
      if (types !== null) {
        const scene = pattern.scene.map((action) => ({ type: types[action.type] ?? 0, duration: action.duration }));
        vibrator.start(scene);
        return;
      }
      // The docs and samples pass the scene number itself; the typings say { mode }.
      (vibrator.setMode as unknown as (mode: number) => void)(FALLBACK[pattern.fallback]);
      vibrator.start();
    },
  };
}
