// @zos/sensor: a Vibrator that records every call with the fake time, and a minimal Screen/Time.
// The watch has ONE motor: whatever instance or realm calls start() replaces what plays, and a
// stop() ends it at once. Each pattern has a length, so a stop() that ends a cue before its end is
// a cut cue (reported to the error log) unless a start() in the same instant replaced it.

export const VIBRATOR_SCENES = {
  VIBRATOR_SCENE_SHORT_LIGHT: 23,
  VIBRATOR_SCENE_SHORT_MIDDLE: 24,
  VIBRATOR_SCENE_SHORT_STRONG: 25,
  VIBRATOR_SCENE_DURATION: 9,
  VIBRATOR_SCENE_DURATION_LONG: 27,
  VIBRATOR_SCENE_STRONG_REMINDER: 28,
  VIBRATOR_SCENE_NOTIFICATION: 0,
  VIBRATOR_SCENE_CALL: 1,
  VIBRATOR_SCENE_TIMER: 5,
} as const;

/** API 3.6 `getType()` names (values are the simulator's). */
export const VIBRATOR_TYPES = {
  GENTLE_SHORT: 0,
  STRONG_SHORT: 1,
  STANDARD_CROWN: 2,
  STRONG_CROWN: 3,
  SPULSE_CROWN: 4,
  DIPULSE_CROWN: 5,
  KEYCODE_CLICK: 6,
  URGENT: 7,
  CONTINUOUS: 8,
  PAUSE: 9,
} as const;

/**
 * How long each built-in scene plays, in ms. Documented: SHORT_* are 20 ms clicks, DURATION 600,
 * DURATION_LONG 1000, STRONG_REMINDER 4 pulses in 1200; CALL and TIMER run until stop().
 * NOTIFICATION ("2 short pulses") has no documented length: 400 ms is the simulator's assumption.
 */
export const SCENE_MS: Readonly<Record<string, number>> = {
  SHORT_LIGHT: 20,
  SHORT_MIDDLE: 20,
  SHORT_STRONG: 20,
  DURATION: 600,
  DURATION_LONG: 1000,
  STRONG_REMINDER: 1200,
  NOTIFICATION: 400,
  CALL: Number.POSITIVE_INFINITY,
  TIMER: Number.POSITIVE_INFINITY,
};

/** Length of a start() argument: a scene array sums its durations (PAUSE included). */
export function startLengthMs(option: unknown, scene: string | null): number {
  if (Array.isArray(option)) {
    return option.reduce((sum: number, action: unknown) => {
      const d = typeof action === 'object' && action !== null ? (action as { duration?: unknown }).duration : undefined;
      return sum + (typeof d === 'number' && Number.isFinite(d) && d > 0 ? d : 0);
    }, 0);
  }
  return scene === null ? 0 : (SCENE_MS[scene] ?? 0);
}

/** A cue ended early by stop(). */
export interface CutCue {
  readonly startedAt: number;
  readonly cutAt: number;
  readonly lengthMs: number;
  readonly realm: string;
}

const sceneNames = new Map<number, string>(Object.entries(VIBRATOR_SCENES).map(([k, v]) => [v, k.replace('VIBRATOR_SCENE_', '')]));

export interface VibrationCall {
  readonly time: number;
  readonly method: 'start' | 'stop' | 'setMode' | 'getType' | 'getConfig' | 'getMode';
  /** Which Vibrator instance (1, 2…) made the call. */
  readonly instance: number;
  readonly args: readonly unknown[];
  /** For start(): the scene name in force (e.g. 'DURATION'), 'SEQUENCE' for an array, or null. */
  readonly scene: string | null;
  readonly realm: string;
  /** For start(): how long the pattern plays (ms; Infinity for CALL/TIMER), else 0. */
  readonly lengthMs: number;
}

export class VibratorLog {
  readonly calls: VibrationCall[] = [];
  readonly cuts: CutCue[] = [];
  private instances = 0;
  /** What the motor plays now (the last start), if it has not ended. */
  private playing: VibrationCall | null = null;
  /** A cut made by stop() in this instant: withdrawn if a start() follows in the same instant. */
  private pendingCut: { readonly cut: CutCue; readonly withdraw: () => void } | null = null;

  constructor(
    private readonly now: () => number,
    /** Told about each cut cue; returns a function that withdraws the report (the cue was replaced). */
    private readonly onCut: (cut: CutCue) => () => void = () => () => undefined,
  ) {}

  /** Only the start() calls: what the wrist actually felt. */
  starts(): VibrationCall[] {
    return this.calls.filter((c) => c.method === 'start');
  }

  /** The Vibrator class for one realm ('device', 'service'). */
  vibratorClass(realm: string): new () => object {
    // The class below is handed to app code; it closes over this recorder.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const log = this;
    return class Vibrator {
      private mode: number = VIBRATOR_SCENES.VIBRATOR_SCENE_SHORT_MIDDLE;
      private readonly instance = ++log.instances;

      start(option?: unknown): void {
        let scene: string | null = sceneNames.get(this.mode) ?? null;
        if (Array.isArray(option)) scene = 'SEQUENCE';
        else if (typeof option === 'object' && option !== null && typeof (option as { mode?: unknown }).mode === 'number') {
          scene = sceneNames.get((option as { mode: number }).mode) ?? null;
        }
        log.started(this.instance, option, scene, realm);
      }
      stop(): void {
        log.stopped(this.instance, realm);
      }
      setMode(mode: number): void {
        this.mode = mode;
        log.record(this.instance, 'setMode', [mode], sceneNames.get(mode) ?? null, realm);
      }
      getMode(): number {
        return this.mode;
      }
      getType(): Record<string, number> {
        log.record(this.instance, 'getType', [], null, realm);
        return { ...VIBRATOR_TYPES };
      }
      getConfig(): Array<{ mode: number; duration: number }> {
        log.record(this.instance, 'getConfig', [], null, realm);
        return [
          { mode: VIBRATOR_SCENES.VIBRATOR_SCENE_DURATION, duration: 600 },
          { mode: VIBRATOR_SCENES.VIBRATOR_SCENE_DURATION_LONG, duration: 1000 },
          { mode: VIBRATOR_SCENES.VIBRATOR_SCENE_STRONG_REMINDER, duration: 1200 },
        ];
      }
    };
  }

  private started(instance: number, option: unknown, scene: string | null, realm: string): void {
    const at = this.now();
    // A newer cue replacing one that a stop() ended in this same instant is not a cut.
    if (this.pendingCut !== null && this.pendingCut.cut.cutAt === at) {
      this.pendingCut.withdraw();
      this.cuts.splice(this.cuts.indexOf(this.pendingCut.cut), 1);
    }
    this.pendingCut = null;
    const call: VibrationCall = { time: at, method: 'start', instance, args: option === undefined ? [] : [clone(option)], scene, realm, lengthMs: startLengthMs(option, scene) };
    this.calls.push(call);
    this.playing = call;
  }

  private stopped(instance: number, realm: string): void {
    const at = this.now();
    this.record(instance, 'stop', [], null, realm);
    const playing = this.playing;
    this.playing = null;
    if (playing === null || at >= playing.time + playing.lengthMs) return;
    const cut: CutCue = { startedAt: playing.time, cutAt: at, lengthMs: playing.lengthMs, realm };
    this.cuts.push(cut);
    this.pendingCut = { cut, withdraw: this.onCut(cut) };
  }

  private record(instance: number, method: VibrationCall['method'], args: unknown[], scene: string | null, realm: string): void {
    this.calls.push({ time: this.now(), method, instance, args, scene, realm, lengthMs: 0 });
  }
}

function clone(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return value;
  }
}

export type ScreenStatus = 'on' | 'off' | 'aod';

/** Screen state shared by the Screen sensor and the test API. */
export class ScreenState {
  status: ScreenStatus = 'on';
  private readonly listeners = new Set<() => void>();

  set(status: ScreenStatus, invoke: (what: string, fn: () => void) => void): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of [...this.listeners]) invoke('Screen onChange', listener);
  }

  sensorClass(): new () => object {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class closes over this state
    const state = this;
    return class Screen {
      getStatus(): number {
        return state.status === 'on' ? 1 : state.status === 'aod' ? 3 : 2;
      }
      onChange(callback: () => void): void {
        state.listeners.add(callback);
      }
      offChange(callback?: () => void): void {
        if (callback === undefined) state.listeners.clear();
        else state.listeners.delete(callback);
      }
    };
  }
}
