// The haptic language (docs/design.md §4) as data. Hands are busy during a routine, so each cue must
// be told apart by feel alone: cues differ in pulse count or length, never only in strength.
// Intensity changes strength only, so the shape a person learns stays the same at every setting.

import type { CueName } from './engine/types';
import type { CueIntensity } from './model';

/** Keys of Vibrator#getType() (Zepp OS API 3.6+). */
export type SceneType =
  | 'GENTLE_SHORT'
  | 'STRONG_SHORT'
  | 'STANDARD_CROWN'
  | 'STRONG_CROWN'
  | 'SPULSE_CROWN'
  | 'DIPULSE_CROWN'
  | 'KEYCODE_CLICK'
  | 'URGENT'
  | 'CONTINUOUS'
  | 'PAUSE';

export interface SceneAction {
  readonly type: SceneType;
  /** ms */
  readonly duration: number;
}

/** Built-in VIBRATOR_SCENE_* names for watches below API 3.6; the adapter maps them to constants. */
export type FallbackScene =
  | 'SHORT_LIGHT'
  | 'SHORT_MIDDLE'
  | 'SHORT_STRONG'
  | 'DURATION'
  | 'DURATION_LONG'
  | 'STRONG_REMINDER'
  | 'NOTIFICATION';

/** 0 is a gap; 1-3 are gentle, standard and strong vibration. */
export type PulseStrength = 0 | 1 | 2 | 3;

export interface Pulse {
  readonly ms: number;
  readonly strength: PulseStrength;
}

export interface HapticPattern {
  /** The abstract shape: pulses with gaps between them (strength 0). */
  readonly pulses: readonly Pulse[];
  /** The same shape as a Vibrator#start() scene array (API 3.6+). */
  readonly scene: readonly SceneAction[];
  /** The closest single built-in scene, for older watches. */
  readonly fallback: FallbackScene;
}

/** A cue's shape: vibration lengths (ms) separated by a fixed gap, and how it leans in strength. */
interface Shape {
  readonly on: readonly number[];
  readonly gapMs: number;
  /** Halfway stays soft so it never startles; done and pain lean stronger. */
  readonly bias: -1 | 0 | 1;
  readonly fallback: Readonly<Record<CueIntensity, FallbackScene>>;
}

const SHAPES: Readonly<Record<CueName, Shape>> = {
  'lead-in-over': { on: [900], gapMs: 0, bias: 0, fallback: { gentle: 'DURATION_LONG', standard: 'DURATION_LONG', strong: 'DURATION_LONG' } },
  'next-area': { on: [150, 150], gapMs: 150, bias: 0, fallback: { gentle: 'NOTIFICATION', standard: 'NOTIFICATION', strong: 'NOTIFICATION' } },
  'switch-side': { on: [450], gapMs: 0, bias: 0, fallback: { gentle: 'DURATION', standard: 'DURATION', strong: 'DURATION' } },
  halfway: { on: [60], gapMs: 0, bias: -1, fallback: { gentle: 'SHORT_LIGHT', standard: 'SHORT_LIGHT', strong: 'SHORT_MIDDLE' } },
  done: { on: [200, 200, 200, 400], gapMs: 150, bias: 1, fallback: { gentle: 'STRONG_REMINDER', standard: 'STRONG_REMINDER', strong: 'STRONG_REMINDER' } },
  'pain-stop': { on: [250], gapMs: 0, bias: 1, fallback: { gentle: 'SHORT_MIDDLE', standard: 'SHORT_STRONG', strong: 'SHORT_STRONG' } },
};

const BASE_STRENGTH: Readonly<Record<CueIntensity, 1 | 2 | 3>> = { gentle: 1, standard: 2, strong: 3 };

function strengthFor(intensity: CueIntensity, bias: -1 | 0 | 1): 1 | 2 | 3 {
  const value = BASE_STRENGTH[intensity] + bias;
  return value <= 1 ? 1 : value >= 3 ? 3 : 2;
}

/** Pulses up to this long are taps; longer ones are held (continuous) vibration. */
const TAP_MAX_MS = 160;

function sceneFor(pulse: Pulse): SceneAction {
  if (pulse.strength === 0) return { type: 'PAUSE', duration: pulse.ms };
  if (pulse.ms > TAP_MAX_MS) {
    // Held vibration: the crown scenes carry the strength, CONTINUOUS the gentle one.
    const held: SceneType = pulse.strength === 3 ? 'STRONG_CROWN' : pulse.strength === 2 ? 'STANDARD_CROWN' : 'CONTINUOUS';
    return { type: held, duration: pulse.ms };
  }
  const tap: SceneType = pulse.strength === 3 ? 'STRONG_SHORT' : pulse.strength === 2 ? 'SPULSE_CROWN' : 'GENTLE_SHORT';
  return { type: tap, duration: pulse.ms };
}

export function hapticPattern(cue: CueName, intensity: CueIntensity): HapticPattern {
  const shape = SHAPES[cue];
  const strength = strengthFor(intensity, shape.bias);
  const pulses: Pulse[] = [];
  shape.on.forEach((ms, index) => {
    if (index > 0) pulses.push({ ms: shape.gapMs, strength: 0 });
    pulses.push({ ms, strength });
  });
  return { pulses, scene: pulses.map(sceneFor), fallback: shape.fallback[intensity] };
}

/** Number of vibrations (gaps not counted). */
export function pulseCount(pattern: HapticPattern): number {
  return pattern.pulses.filter((pulse) => pulse.strength > 0).length;
}

/** Total time the motor runs (gaps not counted), in ms. */
export function vibrationMs(pattern: HapticPattern): number {
  return pattern.pulses.reduce((sum, pulse) => sum + (pulse.strength > 0 ? pulse.ms : 0), 0);
}

/** Whole pattern length including gaps, in ms. */
export function patternMs(pattern: HapticPattern): number {
  return pattern.pulses.reduce((sum, pulse) => sum + pulse.ms, 0);
}
