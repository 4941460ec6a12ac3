// The haptic language (docs/design.md §4) as data. Hands are busy during a routine, so each cue must
// be told apart by feel alone: cues differ in rhythm (how many pulses, and which are taps and which
// are held), never only in strength. Intensity changes strength only, so the rhythm a person learns
// stays the same at every setting; the pain stop is always strong.

import type { CueName } from './types';
import type { CueIntensity } from '../routines/model';

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

/** A cue's rhythm: vibration lengths (ms) separated by a fixed gap. */
interface Shape {
  readonly on: readonly number[];
  readonly gapMs: number;
  /** Pain confirms a stop whatever the setting, so it is always strong; everything else follows the setting. */
  readonly alwaysStrong: boolean;
  readonly fallback: Readonly<Record<CueIntensity, FallbackScene>>;
}

const same = (scene: FallbackScene): Readonly<Record<CueIntensity, FallbackScene>> => ({ gentle: scene, standard: scene, strong: scene });

/** The rhythms. Taps are 50-120 ms, held pulses 500-700 ms, the pain hold 1400 ms (docs/core.md). */
const SHAPES: Readonly<Record<CueName, Shape>> = {
  // One long pulse.
  'lead-in-over': { on: [700], gapMs: 0, alwaysStrong: false, fallback: same('DURATION_LONG') },
  // Two short pulses.
  'next-area': { on: [120, 120], gapMs: 150, alwaysStrong: false, fallback: same('NOTIFICATION') },
  // Short then long.
  'switch-side': { on: [120, 500], gapMs: 150, alwaysStrong: false, fallback: same('DURATION') },
  // One tick.
  halfway: { on: [50], gapMs: 0, alwaysStrong: false, fallback: { gentle: 'SHORT_MIDDLE', standard: 'SHORT_MIDDLE', strong: 'SHORT_STRONG' } },
  // Three light ticks, a few seconds before a step ends (optional).
  'change-coming': { on: [50, 50, 50], gapMs: 200, alwaysStrong: false, fallback: same('SHORT_LIGHT') },
  // Four pulses, the last one held: the longest pattern.
  done: { on: [150, 150, 150, 600], gapMs: 150, alwaysStrong: false, fallback: same('STRONG_REMINDER') },
  // One strong hold, then silence.
  'pain-stop': { on: [1400], gapMs: 0, alwaysStrong: true, fallback: same('DURATION_LONG') },
};

const BASE_STRENGTH: Readonly<Record<CueIntensity, 1 | 2 | 3>> = { gentle: 1, standard: 2, strong: 3 };

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
  const strength = shape.alwaysStrong ? 3 : BASE_STRENGTH[intensity];
  const pulses: Pulse[] = [];
  shape.on.forEach((ms, index) => {
    if (index > 0) pulses.push({ ms: shape.gapMs, strength: 0 });
    pulses.push({ ms, strength });
  });
  return { pulses, scene: pulses.map(sceneFor), fallback: shape.fallback[shape.alwaysStrong ? 'strong' : intensity] };
}

/** Whole pattern length including gaps, in ms. */
export function patternMs(pattern: HapticPattern): number {
  return pattern.pulses.reduce((sum, pulse) => sum + pulse.ms, 0);
}

/**
 * The answer to a press of Skip or +30 s: one key click, shorter than any cue's tap (30 ms against
 * 50), felt at the finger that pressed. It is not a cue of the routine (the engine never gives it),
 * so it stands outside the cue table's "every pair differs" rule; what tells it apart is that it
 * comes at once under the person's own press.
 */
export const ACK_TICK_MS = 30;

export function ackTick(): HapticPattern {
  return { pulses: [{ ms: ACK_TICK_MS, strength: 2 }], scene: [{ type: 'KEYCODE_CLICK', duration: ACK_TICK_MS }], fallback: 'SHORT_LIGHT' };
}

/** Between two patterns played back to back, so they are felt as two and not merged into one rhythm. */
export const PATTERN_GAP_MS = 400;

/** `first`, a gap, then `second`, as one pattern (one start() on the motor, so nothing is cut). */
export function thenPlay(first: HapticPattern, second: HapticPattern): HapticPattern {
  const gap: Pulse = { ms: PATTERN_GAP_MS, strength: 0 };
  return {
    pulses: [...first.pulses, gap, ...second.pulses],
    scene: [...first.scene, { type: 'PAUSE', duration: PATTERN_GAP_MS }, ...second.scene],
    fallback: second.fallback,
  };
}
