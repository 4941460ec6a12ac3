// The session engine's public surface.
export { transition } from './transition';
export { nextWakeUp } from './wake';
export { lastCueGiven } from './last-cue';
export type { GivenCue } from './last-cue';
export { sessionView } from './view';
export type { SessionView } from './view';
export { snapshot, restore, restoreUnfinished, SNAPSHOT_VERSION } from './snapshot';
export { CUE_NAMES, EXTEND_MS, MAX_EXTRA_MS, HALFWAY_MIN_STEP_MS, IDLE, MAX_LEAD_IN_SECONDS } from './types';
export type { CueName, Effect, EngineEvent, EngineState, IdleState, SessionPhase, SessionState, Transition } from './types';
