// The shared vocabulary of Knead: routines, steps, session records and the therapist plan.
// Every other core module builds on these shapes; the watch, the side service and the
// Settings App exchange them as JSON, so they are plain data (no classes, no Dates).

export const AREAS = [
  'neck',
  'upper-trapezius',
  'shoulders',
  'upper-back',
  'chest',
  'lower-back',
  'glutes',
  'hips',
  'forearms',
  'hands',
  'thighs',
  'calves',
  'shins',
  'feet',
] as const;
export type Area = (typeof AREAS)[number];

/** Areas that exist on both sides of the body, so routines work them left and right. */
export const PAIRED_AREAS: ReadonlySet<Area> = new Set<Area>([
  'upper-trapezius',
  'shoulders',
  'glutes',
  'hips',
  'forearms',
  'hands',
  'thighs',
  'calves',
  'shins',
  'feet',
]);

export const SIDES = ['left', 'right', 'both'] as const;
export type Side = (typeof SIDES)[number];

export const TOOLS = ['hands', 'massage-ball', 'foam-roller', 'other'] as const;
export type Tool = (typeof TOOLS)[number];

export interface Step {
  readonly area: Area;
  readonly side: Side;
  readonly seconds: number;
  readonly tool: Tool;
  /** For built-in routines an i18n message id; for custom routines the person's own text. */
  readonly hint: string;
}

export type RoutineSource = 'builtin' | 'custom' | 'assigned';

export interface Routine {
  readonly id: string;
  /** For built-in routines an i18n message id; for custom routines the person's own text. */
  readonly name: string;
  readonly steps: readonly Step[];
}

/** Reminder days and time (validated by core/settings/reminder-prefs.ts, which owns the rules). */
/** Monday = 0 … Sunday = 6 (the week starts on Monday everywhere in Knead). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface ReminderPrefs {
  readonly on: boolean;
  /** Chosen days, ascending, no repeats; empty = follow the plan's weekly target (defaultDays). */
  readonly days: readonly Weekday[];
  /** Local time of day, minutes after midnight (0-1439). */
  readonly minute: number;
}


export const SESSION_STATUSES = ['completed', 'stopped', 'pain'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface StepRecord {
  readonly area: Area;
  readonly side: Side;
  /** The time the step ran with (after adaptation and progression), the one "planned" means elsewhere. */
  readonly plannedMs: number;
  readonly doneMs: number;
  readonly skipped: boolean;
  /**
   * What the therapist's plan alone gave the step, present only when the run differed
   * (core/routines/adaptation, core/routines/progression); 0 for an area added by progression. Absent in records
   * from before it existed: read as "the plan's time", i.e. plannedMs.
   */
  readonly baseMs?: number;
}

/** The person's answer to a progression offer (core/routines/progression), kept on the watch and sent with records. */
export interface ProgressionAnswer {
  /** Local day number of the Monday of the week the answer was given. */
  readonly week: number;
  readonly choice: 'accepted' | 'declined';
  /** The area offered; absent: the offer was a little more time. */
  readonly area?: Area;
}

/** Tightness in words on every screen: 0 none, 1 mild, 2 moderate, 3 strong. */
export type Tightness = 0 | 1 | 2 | 3;

/** Which side of a paired area felt tighter; 'same' is an answer too (not the same as unrated). */
export const TIGHTER_SIDES = ['left', 'right', 'same'] as const;
export type TighterSide = (typeof TIGHTER_SIDES)[number];

/**
 * The person's detail for one area. Every field but the area is what the person touched: an
 * absent field was not rated (never read as 0 or "no"). Records written before the ten-second
 * check-in carry all four of tightness/newSoreness/sidesDiffer/pain.
 */
export interface AreaCheckIn {
  readonly area: Area;
  readonly tightness?: Tightness;
  readonly newSoreness?: boolean;
  readonly sidesDiffer?: boolean;
  readonly pain?: boolean;
  /** Only for an area worked on both sides (PAIRED_AREAS). */
  readonly tighterSide?: TighterSide;
}

/** Overall, compared with before the session. */
export const FEELINGS = ['better', 'same', 'worse'] as const;
export type Feeling = (typeof FEELINGS)[number];

/** The side of an area that hurt (an area worked on both sides may name one). */
export const HURT_SIDES = ['left', 'right'] as const;
export type HurtSide = (typeof HURT_SIDES)[number];

/** Pain scores run 0 (none) to 10 (worst imaginable), the usual numeric rating scale. */
export const MAX_PAIN_SCORE = 10;

export const PRESET_NOTES = [
  'felt-good',
  'still-tight',
  'more-sore-than-usual',
  'less-sore-than-usual',
  'slept-badly',
  'long-desk-day',
  'after-exercise',
] as const;
export type PresetNote = (typeof PRESET_NOTES)[number];

export const RECORD_VERSION = 1;

export interface SessionRecord {
  readonly v: typeof RECORD_VERSION;
  /** Unique across watches: device part + start time + random part, never a counter alone. */
  readonly id: string;
  readonly routineId: string;
  readonly routineName: string;
  /** UTC milliseconds. */
  readonly startedAt: number;
  readonly endedAt: number;
  /** Minutes east of UTC at the start (e.g. +60 for CET), as `-Date#getTimezoneOffset()`. */
  readonly tzOffsetMin: number;
  readonly status: SessionStatus;
  readonly steps: readonly StepRecord[];
  /** Index of the step during which pain was reported, when status is 'pain'. */
  readonly painStepIndex?: number;
  readonly checkIn: readonly AreaCheckIn[];
  readonly notes: readonly PresetNote[];
  /** Time spent paused between startedAt and endedAt (absent: none); the rest was active. */
  readonly pausedMs?: number;
  /** Set by the phone when the watch clock looked wrong (before 2020, or over a day ahead). */
  readonly clockSuspect?: true;
  /**
   * The watch's progression answers when the session was saved (the last few, oldest first).
   * Absent in records from watches without progression. The phone reads the newest record's.
   */
  readonly progression?: readonly ProgressionAnswer[];
  /** Check-in, first screen: how it felt overall compared with before (absent: not rated). */
  readonly feeling?: Feeling;
  /** "Anything hurt?": false is "no"; absent is not answered. */
  readonly hurt?: boolean;
  /** Only with hurt true: the area of this session that hurt, and optionally its side. */
  readonly hurtArea?: Area;
  readonly hurtSide?: HurtSide;
  /** 0-10, given on the watch with hurt true or after a pain stop (the phone may add its own, which wins). */
  readonly painScore?: number;
}

export const PLAN_VERSION = 1;

/** The therapist's advice for one area: the tool to use and a one-line technique note. */
export interface AreaAdvice {
  readonly area: Area;
  readonly tool: Tool;
  /** One line in the therapist's words, e.g. "slow strokes toward the heart"; may be empty. */
  readonly technique: string;
}

/** What the therapist asked for, edited in the Settings App and kept on the watch for offline use. */
export interface TherapistPlan {
  readonly v: typeof PLAN_VERSION;
  readonly focusAreas: readonly Area[];
  readonly avoidAreas: readonly Area[];
  /** Sessions per week the therapist asked for; 0 means no target. */
  readonly weeklyTarget: number;
  /** Ids of built-in or custom routines the therapist assigned; shown first on the watch. */
  readonly assignedRoutineIds: readonly string[];
  readonly customRoutines: readonly Routine[];
  readonly updatedAt: number;
  /** Per-area tool and technique, shown on Before-you-start for the steps of that area (optional). */
  readonly advice?: readonly AreaAdvice[];
  /** A short note from the therapist, shown in the Settings App (optional). */
  readonly note?: string;
  /**
   * UTC ms when the weekly target got its current value; the report judges weeks from then on.
   * Absent in plans saved before it existed: the report then counts from `updatedAt`.
   */
  readonly targetSince?: number;
}

export const CUE_INTENSITIES = ['gentle', 'standard', 'strong'] as const;
export type CueIntensity = (typeof CUE_INTENSITIES)[number];

export const SCREEN_BEHAVIOURS = ['keep-on', 'allow-off'] as const;
export type ScreenBehaviour = (typeof SCREEN_BEHAVIOURS)[number];

export interface WatchSettings {
  readonly intensity: CueIntensity;
  /** Seconds before the first step, 0-15. */
  readonly leadInSeconds: number;
  readonly halfwayTick: boolean;
  /** Three light ticks a few seconds before each step ends; absent = off. */
  readonly changeComing?: boolean;
  readonly screen: ScreenBehaviour;
  /** Reminder days and time (core/settings/reminder-prefs); absent = DEFAULT_REMINDERS (off). */
  readonly reminders?: ReminderPrefs;
  /** Whether routines adapt to recent check-ins (core/routines/adaptation); absent = on. */
  readonly adapt?: boolean;
}

export const DEFAULT_SETTINGS: WatchSettings = {
  intensity: 'standard',
  leadInSeconds: 5,
  halfwayTick: true,
  screen: 'allow-off',
};

/** +30 s per press of "+30 s". */
export const EXTEND_MS = 30000;
/** At most ten presses per step: a step stays bounded, and the phone can check a record's times. */
export const MAX_EXTRA_MS = 10 * EXTEND_MS;
/** The longest lead-in before the first step (the settings and the engine's snapshot check it). */
export const MAX_LEAD_IN_SECONDS = 15;
