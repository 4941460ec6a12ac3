// @zos/sensor: a Vibrator that records every call with the fake time, and a minimal Screen/Time.

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
}

export class VibratorLog {
  readonly calls: VibrationCall[] = [];
  private instances = 0;

  constructor(private readonly now: () => number) {}

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
        log.record(this.instance, 'start', option === undefined ? [] : [clone(option)], scene, realm);
      }
      stop(): void {
        log.record(this.instance, 'stop', [], null, realm);
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

  private record(instance: number, method: VibrationCall['method'], args: unknown[], scene: string | null, realm: string): void {
    this.calls.push({ time: this.now(), method, instance, args, scene, realm });
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
