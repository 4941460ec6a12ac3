import { describe, expect, it } from 'vitest';
import { CUE_NAMES } from '../../../core/engine/types';
import { hapticPattern, patternMs, pulseCount, vibrationMs } from '../../../core/haptics';
import { CUE_INTENSITIES } from '../../../core/model';

const SCENE_TYPES = ['GENTLE_SHORT', 'STRONG_SHORT', 'STANDARD_CROWN', 'STRONG_CROWN', 'SPULSE_CROWN', 'DIPULSE_CROWN', 'KEYCODE_CLICK', 'URGENT', 'CONTINUOUS', 'PAUSE'];

describe('haptics', () => {
  it('haptics - follows the design table at standard intensity', () => {
    const shape = (cue: (typeof CUE_NAMES)[number]): number[] => hapticPattern(cue, 'standard').pulses.map((pulse) => pulse.ms);
    expect(shape('lead-in-over')).toEqual([900]);
    expect(shape('next-area')).toEqual([150, 150, 150]);
    expect(shape('switch-side')).toEqual([450]);
    expect(shape('halfway')).toEqual([60]);
    expect(shape('done')).toEqual([200, 150, 200, 150, 200, 150, 400]);
    expect(shape('pain-stop')).toEqual([250]);
    expect(hapticPattern('halfway', 'standard').pulses[0]?.strength).toBe(1);
    expect(hapticPattern('done', 'standard').pulses[0]?.strength).toBe(3);
  });

  for (const intensity of CUE_INTENSITIES) {
    it(`haptics - at ${intensity} intensity every two cues differ in pulse count or length, not only strength`, () => {
      for (const a of CUE_NAMES) {
        for (const b of CUE_NAMES) {
          if (a >= b) continue;
          const pa = hapticPattern(a, intensity);
          const pb = hapticPattern(b, intensity);
          const sameCount = pulseCount(pa) === pulseCount(pb);
          const [short, long] = [vibrationMs(pa), vibrationMs(pb)].sort((x, y) => x - y) as [number, number];
          // Lengths must differ by half again or more to be told apart by feel.
          expect(!sameCount || long >= short * 1.5, `${a} vs ${b}`).toBe(true);
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
      const fallbacks = (['lead-in-over', 'next-area', 'switch-side', 'halfway', 'done'] as const).map((cue) => hapticPattern(cue, intensity).fallback);
      expect(new Set(fallbacks).size).toBe(fallbacks.length);
      expect(hapticPattern('pain-stop', intensity).fallback).not.toBe(hapticPattern('halfway', intensity).fallback);
    });
  }

  it('haptics - intensity changes strength but never the shape', () => {
    for (const cue of CUE_NAMES) {
      const lengths = CUE_INTENSITIES.map((intensity) => patternMs(hapticPattern(cue, intensity)));
      expect(new Set(lengths).size).toBe(1);
      const strengths = CUE_INTENSITIES.map((intensity) => hapticPattern(cue, intensity).pulses[0]?.strength ?? 0);
      expect(strengths[0]).toBeLessThanOrEqual(strengths[1] ?? 0);
      expect(strengths[1]).toBeLessThanOrEqual(strengths[2] ?? 0);
    }
  });

  it('haptics - a whole pattern stays under 2 s so cues never overlap the next one', () => {
    for (const cue of CUE_NAMES) for (const intensity of CUE_INTENSITIES) expect(patternMs(hapticPattern(cue, intensity))).toBeLessThan(2_000);
  });
});
