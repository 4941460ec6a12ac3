// The session engine's values. A state is read-only plain data (it is persisted as JSON after
// every transition), and effects are data too, so tests assert on them and adapters perform them.

import type { Routine, SessionRecord, StepRecord, WatchSettings } from '../routines/model';

export const CUE_NAMES = ['lead-in-over', 'next-area', 'switch-side', 'halfway', 'change-coming', 'done', 'pain-stop'] as const;
export type CueName = (typeof CUE_NAMES)[number];

/** Before any session, or after the page was opened without one. */
export interface IdleState {
  readonly phase: 'idle';
}

export type SessionPhase = 'lead-in' | 'running' | 'paused' | 'finished';

/**
 * A session in progress or just ended. Time is never counted here: the position in the current
 * segment (the lead-in or one step) is `elapsedMs` as measured at wall time `anchorAt`, and while
 * the session runs it grows with the clock, so a late timer cannot make the session drift.
 */
export interface SessionState {
  readonly phase: SessionPhase;
  readonly sessionId: string;
  readonly routine: Routine;
  /**
   * What the plan alone gave each step, in step order, when the routine was adapted or progressed
   * (absent otherwise); the record keeps it beside what ran (StepRecord.baseMs).
   */
  readonly baseSeconds?: readonly number[];
  readonly settings: WatchSettings;
  readonly tzOffsetMin: number;
  /** UTC ms of the start event. */
  readonly startedAt: number;
  /** Planned lead-in, from settings.leadInSeconds clamped to 0-15 s. */
  readonly leadInMs: number;
  /** True until the lead-in is over; stays true while paused during the lead-in. */
  readonly inLeadIn: boolean;
  /** The current step; during the lead-in, the step about to begin (0). */
  readonly stepIndex: number;
  /** Wall time at which `elapsedMs` was measured; while paused, the moment of pausing. */
  readonly anchorAt: number;
  /** Active ms into the current segment at `anchorAt`. */
  readonly elapsedMs: number;
  /** +30 s extensions of the current step. */
  readonly extraMs: number;
  /** Whether the halfway cue of the current step has been given. */
  readonly halfwayDone: boolean;
  /** Whether the "change coming" cue has been given for the current end of the step (+30 s moves the end, and it is given again). */
  readonly comingDone: boolean;
  /** How long the lead-in actually lasted (shorter when skipped), once it is over. */
  readonly leadInSpentMs: number;
  /** Total time spent paused. */
  readonly pausedMs: number;
  /** The latest clock reading seen (engine time, i.e. wall clock + clockShiftMs). */
  readonly lastNow: number;
  /**
   * How far the watch clock has been set back during this session, in total: engine time is the
   * wall clock plus this, so a clock set back mid-session neither stalls the cues (the session
   * goes on from where it was) nor shortens the recorded duration (startedAt and endedAt stay on
   * one timeline). Wake-ups are given back in wall time. 0 when the clock never went back.
   */
  readonly clockShiftMs: number;
  /** Steps that have ended, in order. */
  readonly ended: readonly StepRecord[];
  /** Set once the session is finished. */
  readonly record: SessionRecord | null;
}

export type EngineState = IdleState | SessionState;

export type EngineEvent =
  | {
      readonly type: 'start';
      readonly now: number;
      readonly routine: Routine;
      /** See SessionState.baseSeconds; one entry per step of `routine`, else ignored. */
      readonly baseSeconds?: readonly number[];
      readonly settings: WatchSettings;
      readonly sessionId: string;
      readonly tzOffsetMin: number;
    }
  | { readonly type: 'pause'; readonly now: number }
  | { readonly type: 'resume'; readonly now: number }
  | { readonly type: 'skip'; readonly now: number }
  | { readonly type: 'extend'; readonly now: number }
  | { readonly type: 'stop'; readonly now: number }
  | { readonly type: 'pain'; readonly now: number }
  | { readonly type: 'tick'; readonly now: number };

export type Effect =
  | { readonly type: 'cue'; readonly cue: CueName }
  /** Write `snapshot(state)` so a relaunch resumes at the right step and time. */
  | { readonly type: 'persist' }
  /** The next wake-up (UTC ms); null cancels any pending one (paused or finished). */
  | { readonly type: 'schedule'; readonly at: number | null }
  | { readonly type: 'finished'; readonly record: SessionRecord };

export interface Transition {
  readonly state: EngineState;
  readonly effects: readonly Effect[];
}

export const IDLE: IdleState = { phase: 'idle' };

// Limits the records and the settings check too, so they live with the vocabulary (core/routines/model.ts).
export { EXTEND_MS, MAX_EXTRA_MS, MAX_LEAD_IN_SECONDS } from '../routines/model';
/** The halfway tick is only worth feeling on steps this long or longer. */
export const HALFWAY_MIN_STEP_MS = 60000;
/** The optional "change coming" cue plays this long before a step ends. */
export const CHANGE_COMING_MS = 5000;
