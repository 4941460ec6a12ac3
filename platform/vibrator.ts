// Plays a cue (core/haptics) on the watch's motor. API 3.6+: stop(); start(scene array) with the
// scene types mapped through getType(); otherwise the closest built-in scene:
// stop(); setMode(VIBRATOR_SCENE_X); start().

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
import { hapticPattern } from '../core/haptics';
import type { FallbackScene } from '../core/haptics';
import type { CueName } from '../core/engine';
import type { CueIntensity } from '../core/model';

const FALLBACK: Readonly<Record<FallbackScene, number>> = {
  SHORT_LIGHT: VIBRATOR_SCENE_SHORT_LIGHT,
  SHORT_MIDDLE: VIBRATOR_SCENE_SHORT_MIDDLE,
  SHORT_STRONG: VIBRATOR_SCENE_SHORT_STRONG,
  DURATION: VIBRATOR_SCENE_DURATION,
  DURATION_LONG: VIBRATOR_SCENE_DURATION_LONG,
  STRONG_REMINDER: VIBRATOR_SCENE_STRONG_REMINDER,
  NOTIFICATION: VIBRATOR_SCENE_NOTIFICATION,
};

export interface CuePlayer {
  play(cue: CueName, intensity: CueIntensity): void;
  /** Stops anything still vibrating (call on leave). */
  stop(): void;
}

export function createCuePlayer(sceneArrays: boolean): CuePlayer {
  let motor: Vibrator | null = null;
  const get = (): Vibrator => {
    if (motor === null) motor = new Vibrator();
    return motor;
  };
  return {
    play(cue, intensity) {
      const pattern = hapticPattern(cue, intensity);
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
    stop() {
      if (motor !== null) motor.stop();
    },
  };
}
