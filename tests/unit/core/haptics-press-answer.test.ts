// The answer to a press and patterns played back to back (docs/haptics.md "The press tick"): the
// tick is one 30 ms key click (KEYCODE_CLICK on API 3.6+), and a tick followed by the cue the press
// causes is ONE scene array: the tick, a 400 ms PAUSE, the cue's own scenes, so neither cuts the other.
import { describe, expect, it } from 'vitest';
import { ackTick, hapticPattern, thenPlay } from '../../../core/engine/haptics';

describe('haptics - the press answer', () => {
  it('haptics - the press tick is one 30 ms key click, shorter than any cue\'s tap', () => {
    const tick = ackTick();
    expect(tick.scene).toEqual([{ type: 'KEYCODE_CLICK', duration: 30 }]);
    expect(tick.pulses.filter((p) => p.strength > 0).map((p) => p.ms)).toEqual([30]);
  });

  it('haptics - a tick then "next area" is one scene array: click, 400 ms pause, the two short pulses', () => {
    const next = hapticPattern('next-area', 'standard');
    const joined = thenPlay(ackTick(), next);
    expect(joined.scene).toEqual([{ type: 'KEYCODE_CLICK', duration: 30 }, { type: 'PAUSE', duration: 400 }, ...next.scene]);
    expect(joined.scene.map((a) => a.duration)).toEqual([30, 400, 120, 150, 120]);
    expect(joined.pulses.map((p) => p.ms)).toEqual([30, 400, 120, 150, 120]);
    // Older watches play one built-in scene: the cue's, which matters more than the click.
    expect(joined.fallback).toBe(next.fallback);
  });
});
