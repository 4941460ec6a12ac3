// @zos/display: keeps the current screen-keeping state and a log of every call.

export interface DisplayCall {
  readonly time: number;
  readonly method: string;
  readonly args: readonly unknown[];
}

export interface DisplayState {
  /** setPageBrightTime value in force (ms), or null (system default). Reset when the page is destroyed. */
  pageBrightTime: number | null;
  /** Fake time until which drop-wrist screen-off is paused; Infinity for duration 0; null when not paused. */
  dropWristPausedUntil: number | null;
  palmPausedUntil: number | null;
  wakeUpRelaunch: boolean;
  autoBright: boolean;
  brightness: number;
  keepScreenOn: boolean;
}

export class DisplayRecorder {
  readonly log: DisplayCall[] = [];
  readonly state: DisplayState = {
    pageBrightTime: null,
    dropWristPausedUntil: null,
    palmPausedUntil: null,
    wakeUpRelaunch: false,
    autoBright: true,
    brightness: 60,
    keepScreenOn: false,
  };

  constructor(private readonly now: () => number) {}

  /** Is drop-wrist screen-off paused at the current time? */
  dropWristPaused(): boolean {
    const until = this.state.dropWristPausedUntil;
    return until !== null && this.now() < until;
  }

  palmPaused(): boolean {
    const until = this.state.palmPausedUntil;
    return until !== null && this.now() < until;
  }

  /** The page was destroyed: page-scoped settings go back to defaults (system-wide ones stay). */
  pageDestroyed(): void {
    this.state.pageBrightTime = null;
  }

  module(): Record<string, unknown> {
    const rec = (method: string, args: unknown[]) => this.log.push({ time: this.now(), method, args });
    const until = (option: unknown): number => {
      const duration = typeof option === 'object' && option !== null ? (option as { duration?: unknown }).duration : undefined;
      return typeof duration === 'number' && duration > 0 ? this.now() + duration : Number.POSITIVE_INFINITY;
    };
    return {
      setPageBrightTime: (option: { brightTime?: number }) => {
        rec('setPageBrightTime', [option]);
        const t = option.brightTime;
        if (typeof t !== 'number' || t < 1000 || t > 2147483000) return -1;
        this.state.pageBrightTime = t;
        return 0;
      },
      resetPageBrightTime: () => {
        rec('resetPageBrightTime', []);
        this.state.pageBrightTime = null;
        return 0;
      },
      pauseDropWristScreenOff: (option?: { duration?: number }) => {
        rec('pauseDropWristScreenOff', [option]);
        this.state.dropWristPausedUntil = until(option);
        return 0;
      },
      resetDropWristScreenOff: () => {
        rec('resetDropWristScreenOff', []);
        this.state.dropWristPausedUntil = null;
        return 0;
      },
      pausePalmScreenOff: (option?: { duration?: number }) => {
        rec('pausePalmScreenOff', [option]);
        this.state.palmPausedUntil = until(option);
        return 0;
      },
      resetPalmScreenOff: () => {
        rec('resetPalmScreenOff', []);
        this.state.palmPausedUntil = null;
        return 0;
      },
      setWakeUpRelaunch: (option: { relaunch?: boolean }) => {
        rec('setWakeUpRelaunch', [option]);
        this.state.wakeUpRelaunch = option.relaunch === true;
      },
      getWakeUpRelaunch: () => this.state.wakeUpRelaunch,
      setAutoBright: (option: { autoBright?: boolean }) => {
        rec('setAutoBright', [option]);
        this.state.autoBright = option.autoBright === true;
      },
      getAutoBright: () => this.state.autoBright,
      setBrightness: (option: { brightness?: number }) => {
        rec('setBrightness', [option]);
        if (typeof option.brightness === 'number') this.state.brightness = option.brightness;
      },
      getBrightness: () => this.state.brightness,
      setScreenOff: () => rec('setScreenOff', []),
      setScreenOn: () => rec('setScreenOn', []),
    };
  }
}
