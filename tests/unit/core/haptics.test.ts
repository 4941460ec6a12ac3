import { describe, expect, it } from 'vitest';
import { CUE_NAMES } from '../../../core/engine/types';
import type { CueName } from '../../../core/engine/types';
import { hapticPattern, patternMs } from '../../../core/engine/haptics';
import type { HapticPattern } from '../../../core/engine/haptics';
import { CUE_INTENSITIES } from '../../../core/routines/model';
import type { CueIntensity } from '../../../core/routines/model';

const SCENE_TYPES = ['GENTLE_SHORT', 'STRONG_SHORT', 'STANDARD_CROWN', 'STRONG_CROWN', 'SPULSE_CROWN', 'DIPULSE_CROWN', 'KEYCODE_CLICK', 'URGENT', 'CONTINUOUS', 'PAUSE'];

/** Number of vibrations (gaps not counted). */
function pulseCount(pattern: HapticPattern): number {
  return pattern.pulses.filter((pulse) => pulse.strength > 0).length;
}

/** Total time the motor runs (gaps not counted), in ms. */
function vibrationMs(pattern: HapticPattern): number {
  return pattern.pulses.reduce((sum, pulse) => sum + (pulse.strength > 0 ? pulse.ms : 0), 0);
}

/**
 * A cue's rhythm as a person feels it, written from docs/design.md §4 (not from core/engine/haptics.ts):
 * each vibration is a tap (under 200 ms) or held (400 ms or more), and each gap between them is
 * short or long. Two cues with the same rhythm could only be told apart by exact length or strength.
 */
function rhythm(cue: CueName, intensity: CueIntensity): string {
  return hapticPattern(cue, intensity)
    .pulses.map((pulse) => {
      if (pulse.strength === 0) return pulse.ms < 400 ? ' ' : '   ';
      if (pulse.ms < 200) return '.';
      if (pulse.ms < 400) return '?';
      return pulse.ms >= 1200 ? '=' : '-';
    })
    .join('');
}

describe('haptics', () => {
  it('haptics - each cue has the rhythm of the design table', () => {
    const expected: Record<CueName, string> = {
      'lead-in-over': '-', // one long pulse
      'next-area': '. .', // two short pulses
      'switch-side': '. -', // short then long
      halfway: '.', // one tick
      'change-coming': '. . .', // three light ticks
      done: '. . . -', // a longer pattern: four pulses, the last held
      'pain-stop': '=', // one strong long pulse (the longest), then silence
    };
    for (const intensity of CUE_INTENSITIES) for (const cue of CUE_NAMES) expect(rhythm(cue, intensity), `${cue} at ${intensity}`).toBe(expected[cue]);
  });

  it('haptics - the pain stop is strong at every setting; every other cue plays at the chosen strength', () => {
    const chosen: Record<CueIntensity, number> = { gentle: 1, standard: 2, strong: 3 };
    for (const intensity of CUE_INTENSITIES) {
      for (const cue of CUE_NAMES) {
        const strengths = new Set(hapticPattern(cue, intensity).pulses.filter((pulse) => pulse.strength > 0).map((pulse) => pulse.strength));
        expect([...strengths], `${cue} at ${intensity}`).toEqual([cue === 'pain-stop' ? 3 : chosen[intensity]]);
      }
    }
  });

  it('haptics - a held pulse is a held scene and a tap a short one, at the pulse\'s strength', () => {
    const held: Record<number, string> = { 1: 'CONTINUOUS', 2: 'STANDARD_CROWN', 3: 'STRONG_CROWN' };
    const tap: Record<number, string> = { 1: 'GENTLE_SHORT', 2: 'SPULSE_CROWN', 3: 'STRONG_SHORT' };
    for (const intensity of CUE_INTENSITIES) {
      for (const cue of CUE_NAMES) {
        const pattern = hapticPattern(cue, intensity);
        pattern.pulses.forEach((pulse, i) => {
          if (pulse.strength === 0) return;
          expect(pattern.scene[i]?.type).toBe((pulse.ms >= 400 ? held : tap)[pulse.strength]);
        });
      }
    }
  });

  for (const intensity of CUE_INTENSITIES) {
    it(`haptics - at ${intensity} intensity every two cues differ in rhythm (pulse count or tap/hold/gap pattern), not only strength`, () => {
      for (const a of CUE_NAMES) {
        for (const b of CUE_NAMES) {
          if (a >= b) continue;
          const pa = hapticPattern(a, intensity);
          const pb = hapticPattern(b, intensity);
          const differ = pulseCount(pa) !== pulseCount(pb) || rhythm(a, intensity) !== rhythm(b, intensity);
          expect(differ, `${a} vs ${b}`).toBe(true);
          // Single pulses of different kinds are at least twice as long as each other, so a tap, a hold and the pain hold never blur.
          if (pulseCount(pa) === 1 && pulseCount(pb) === 1) {
            const [short, long] = [vibrationMs(pa), vibrationMs(pb)].sort((x, y) => x - y) as [number, number];
            expect(long, `${a} vs ${b}`).toBeGreaterThanOrEqual(short * 2);
          }
        }
      }
    });

    it(`haptics - at ${intensity} intensity the scene sequence has the pulses' timing and known types`, () => {
      for (const cue of CUE_NAMES) {
        const pattern = hapticPattern(cue, intensity);
        expect(pattern.scene.map((action) => action.duration)).toEqual(pattern.pulses.map((pulse) => pulse.ms));
        expect(pattern.scene.map((action) => action.type === 'PAUSE')).toEqual(pattern.pulses.map((pulse) => pulse.strength === 0));
        for (const action of pattern.scene) expect(SCENE_TYPES).toContain(action.type);
      }
    });

    it(`haptics - at ${intensity} intensity the fallback scenes of the timed cues all differ`, () => {
      const fallbacks = (['lead-in-over', 'next-area', 'switch-side', 'halfway', 'change-coming', 'done'] as const).map((cue) => hapticPattern(cue, intensity).fallback);
      expect(new Set(fallbacks).size).toBe(fallbacks.length);
      expect(hapticPattern('pain-stop', intensity).fallback).not.toBe(hapticPattern('halfway', intensity).fallback);
    });
  }

  it('haptics - intensity changes strength but never the shape', () => {
    for (const cue of CUE_NAMES) {
      const lengths = CUE_INTENSITIES.map((intensity) => patternMs(hapticPattern(cue, intensity)));
      expect(new Set(lengths).size).toBe(1);
      const rhythms = CUE_INTENSITIES.map((intensity) => hapticPattern(cue, intensity).pulses.map((pulse) => `${pulse.ms}${pulse.strength === 0 ? 'gap' : 'on'}`).join());
      expect(new Set(rhythms).size).toBe(1);
      const strengths = CUE_INTENSITIES.map((intensity) => hapticPattern(cue, intensity).pulses[0]?.strength ?? 0);
      expect(strengths[0]).toBeLessThanOrEqual(strengths[1] ?? 0);
      expect(strengths[1]).toBeLessThanOrEqual(strengths[2] ?? 0);
    }
  });

  it('haptics - a whole pattern stays under 2 s so cues never overlap the next one', () => {
    for (const cue of CUE_NAMES) for (const intensity of CUE_INTENSITIES) expect(patternMs(hapticPattern(cue, intensity))).toBeLessThan(2_000);
  });
});
