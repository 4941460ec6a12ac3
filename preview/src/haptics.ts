// The haptic indicator: every Vibrator.start() the built code made (as the sim's VibratorLog
// recorded it) becomes a row of pulses over time, named after the cue it matches in the haptic
// language (core/engine/haptics.ts), and is played as WebAudio buzzes and navigator.vibrate().

import { CUE_NAMES, type CueName } from '../../core/engine/types';
import { hapticPattern } from '../../core/engine/haptics';
import { CUE_INTENSITIES } from '../../core/routines/model';
import type { VibrationCall } from '../../sim/platform/sensor';
import { VIBRATOR_TYPES } from '../../sim/platform/sensor';

export interface Pulse {
  readonly ms: number;
  /** 0 is a gap; 1-3 gentle, standard, strong. */
  readonly strength: 0 | 1 | 2 | 3;
}

export interface Buzz {
  readonly time: number;
  readonly pulses: readonly Pulse[];
  /** The cue this matches ('next-area'…), or null. */
  readonly cue: CueName | null;
  readonly intensity: string | null;
  /** What the watch asked for: a scene name or 'SEQUENCE'. */
  readonly source: string;
  readonly realm: string;
}

const TYPE_NAMES = new Map<number, string>(Object.entries(VIBRATOR_TYPES).map(([k, v]) => [v, k]));

const TYPE_STRENGTH: Readonly<Record<string, 0 | 1 | 2 | 3>> = {
  PAUSE: 0,
  GENTLE_SHORT: 1,
  KEYCODE_CLICK: 1,
  CONTINUOUS: 1,
  SPULSE_CROWN: 2,
  DIPULSE_CROWN: 2,
  STANDARD_CROWN: 2,
  STRONG_SHORT: 3,
  STRONG_CROWN: 3,
  URGENT: 3,
};

/** What the built-in scenes feel like (docs/platform.md §5); continuous ones are shown for 2 s. */
const SCENES: Readonly<Record<string, readonly Pulse[]>> = {
  SHORT_LIGHT: [{ ms: 20, strength: 1 }],
  SHORT_MIDDLE: [{ ms: 20, strength: 2 }],
  SHORT_STRONG: [{ ms: 20, strength: 3 }],
  DURATION: [{ ms: 600, strength: 3 }],
  DURATION_LONG: [{ ms: 1000, strength: 3 }],
  STRONG_REMINDER: [150, 150, 150, 150, 150, 150, 150].map((ms, i) => ({ ms, strength: i % 2 === 0 ? 3 : 0 })),
  NOTIFICATION: [
    { ms: 150, strength: 2 },
    { ms: 150, strength: 0 },
    { ms: 150, strength: 2 },
  ],
  CALL: [{ ms: 2000, strength: 3 }],
  TIMER: [{ ms: 2000, strength: 2 }],
};

function typeName(type: unknown): string {
  if (typeof type === 'string') return type;
  return typeof type === 'number' ? (TYPE_NAMES.get(type) ?? `type ${type}`) : '?';
}

/** The pattern one start() call plays, or null when it is not a start(). */
export function decode(call: VibrationCall): Buzz | null {
  if (call.method !== 'start') return null;
  const arg = call.args[0];
  let pulses: Pulse[];
  let sequence: Array<{ type: string; duration: number }> | null = null;
  if (Array.isArray(arg)) {
    sequence = arg.map((a: unknown) => {
      const o = (typeof a === 'object' && a !== null ? a : {}) as { type?: unknown; duration?: unknown };
      return { type: typeName(o.type), duration: typeof o.duration === 'number' ? o.duration : 0 };
    });
    pulses = sequence.map((a) => ({ ms: a.duration, strength: TYPE_STRENGTH[a.type] ?? 2 }));
  } else {
    pulses = [...(SCENES[call.scene ?? ''] ?? [{ ms: 300, strength: 2 }])];
  }
  const match = matchCue(sequence, call.scene);
  return { time: call.time, pulses, cue: match?.cue ?? null, intensity: match?.intensity ?? null, source: call.scene ?? '?', realm: call.realm };
}

/** Finds the cue (and intensity) of the haptic language whose pattern this is. */
function matchCue(sequence: ReadonlyArray<{ type: string; duration: number }> | null, scene: string | null): { cue: CueName; intensity: string } | null {
  for (const cue of CUE_NAMES) {
    for (const intensity of CUE_INTENSITIES) {
      const pattern = hapticPattern(cue, intensity);
      if (sequence !== null) {
        const same = pattern.scene.length === sequence.length && pattern.scene.every((s, i) => s.type === sequence[i]?.type && s.duration === sequence[i]?.duration);
        if (same) return { cue, intensity };
      }
    }
  }
  // A single built-in scene (watches below API 3.6) is ambiguous between cues: name it only when unique.
  if (sequence === null && scene !== null) {
    const cues = new Set<CueName>();
    for (const cue of CUE_NAMES) for (const intensity of CUE_INTENSITIES) if (hapticPattern(cue, intensity).fallback === scene) cues.add(cue);
    if (cues.size === 1) return { cue: [...cues][0] as CueName, intensity: 'fallback' };
  }
  return null;
}

export const CUE_LABELS: Readonly<Record<CueName, string>> = {
  'lead-in-over': 'first area begins',
  'next-area': 'next area',
  'switch-side': 'switch side',
  halfway: 'halfway',
  'change-coming': 'change coming',
  done: 'routine done',
  'pain-stop': 'stopped for pain',
};

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG strip: pulses as bars (height = strength) on a time axis. */
export function pulseStrip(pulses: readonly Pulse[], pxPerMs = 0.12): SVGSVGElement {
  const total = pulses.reduce((s, p) => s + p.ms, 0);
  const width = Math.max(24, Math.round(total * pxPerMs) + 4);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', '22');
  svg.setAttribute('class', 'pulse-strip');
  let x = 2;
  for (const pulse of pulses) {
    const w = Math.max(1.5, pulse.ms * pxPerMs);
    if (pulse.strength > 0) {
      const h = 6 + pulse.strength * 5;
      const rect = document.createElementNS(SVG_NS, 'rect');
      rect.setAttribute('x', x.toFixed(1));
      rect.setAttribute('y', String(22 - h));
      rect.setAttribute('width', w.toFixed(1));
      rect.setAttribute('height', String(h));
      rect.setAttribute('rx', '1.5');
      rect.setAttribute('class', `pulse s${pulse.strength}`);
      svg.appendChild(rect);
    }
    x += pulse.ms * pxPerMs;
  }
  return svg;
}

/** Plays pulses as short buzzes (square wave, louder for stronger) and on the device's vibrator. */
export class BuzzPlayer {
  private context: AudioContext | null = null;
  /** Audio time at which the last queued buzz ends: cues that come together play one after another. */
  private nextAt = 0;
  soundOn = false;

  /** Must be called from a user gesture (browsers only start audio then). */
  enableSound(on: boolean): void {
    this.soundOn = on;
    if (on && this.context === null && typeof AudioContext !== 'undefined') this.context = new AudioContext();
    if (on) void this.context?.resume();
  }

  play(pulses: readonly Pulse[]): void {
    if (typeof navigator.vibrate === 'function') {
      // Alternating on/off durations, starting with "on".
      const pattern: number[] = [];
      for (const p of pulses) {
        const on = p.strength > 0;
        if (pattern.length % 2 === (on ? 1 : 0)) pattern.push(0);
        pattern.push(Math.max(1, Math.round(p.ms)));
      }
      try {
        navigator.vibrate(pattern);
      } catch {
        // Not allowed without a user gesture: the picture and the sound still show the cue.
      }
    }
    const ctx = this.context;
    if (!this.soundOn || ctx === null) return;
    // Never more than a few seconds of backlog (a clock jump can fire many cues at once).
    if (this.nextAt - ctx.currentTime > 4) return;
    let at = Math.max(ctx.currentTime + 0.02, this.nextAt);
    for (const p of pulses) {
      const seconds = Math.max(0.02, p.ms / 1000);
      if (p.strength > 0) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'square';
        osc.frequency.value = 110 + 40 * p.strength;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.04 * p.strength, at + 0.01);
        gain.gain.setValueAtTime(0.04 * p.strength, at + seconds - 0.01);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
        osc.connect(gain).connect(ctx.destination);
        osc.start(at);
        osc.stop(at + seconds + 0.02);
      }
      at += seconds;
    }
    this.nextAt = at + 0.25;
  }
}
