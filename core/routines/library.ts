// The built-in routines. Names and hints are i18n message ids so the watch shows them in the
// person's language; LIBRARY_MESSAGES holds the English source text the .po files are made from.
// Pressure is always described as gentle: this is upkeep between a therapist's deep work.

import type { Area, Routine, Side, Step, Tool } from './model';

function step(area: Area, side: Side, seconds: number, tool: Tool, hint: string): Step {
  return { area, side, seconds, tool, hint };
}

/** The same work on the left, then on the right, so the person feels each side change. */
function bothSides(area: Area, seconds: number, tool: Tool, hint: string): readonly Step[] {
  return [step(area, 'left', seconds, tool, hint), step(area, 'right', seconds, tool, hint)];
}

export const DESK_RESET: Routine = {
  id: 'desk-reset',
  name: 'routine.desk-reset',
  steps: [
    step('neck', 'both', 60, 'hands', 'hint.neck.slow-circles'),
    ...bothSides('upper-trapezius', 45, 'hands', 'hint.upper-trapezius.squeeze'),
    ...bothSides('shoulders', 40, 'hands', 'hint.shoulders.palm-circles'),
    ...bothSides('forearms', 45, 'hands', 'hint.forearms.thumb-strokes'),
  ],
};

export const TYPING_HANDS: Routine = {
  id: 'typing-hands',
  name: 'routine.typing-hands',
  steps: [
    ...bothSides('forearms', 75, 'hands', 'hint.forearms.thumb-strokes'),
    ...bothSides('hands', 60, 'hands', 'hint.hands.palm-circles'),
  ],
};

export const TIRED_FEET: Routine = {
  id: 'tired-feet',
  name: 'routine.tired-feet',
  steps: [
    ...bothSides('feet', 90, 'massage-ball', 'hint.feet.ball-roll'),
    ...bothSides('feet', 45, 'massage-ball', 'hint.feet.arch-press'),
  ],
};

export const AFTER_A_WALK: Routine = {
  id: 'after-a-walk',
  name: 'routine.after-a-walk',
  steps: [
    ...bothSides('calves', 60, 'foam-roller', 'hint.calves.roll-slowly'),
    ...bothSides('thighs', 75, 'foam-roller', 'hint.thighs.roll-front'),
  ],
};

export const LOWER_BACK_UNWIND: Routine = {
  id: 'lower-back-unwind',
  name: 'routine.lower-back-unwind',
  steps: [
    step('lower-back', 'both', 90, 'hands', 'hint.lower-back.palm-warm'),
    ...bothSides('glutes', 75, 'massage-ball', 'hint.glutes.ball-lean'),
    step('lower-back', 'both', 60, 'massage-ball', 'hint.lower-back.ball-wall'),
  ],
};

/** A whole-body maintenance round of exactly 10 minutes, head to feet. */
export const BETWEEN_APPOINTMENTS: Routine = {
  id: 'between-appointments',
  name: 'routine.between-appointments',
  steps: [
    step('neck', 'both', 60, 'hands', 'hint.neck.slow-circles'),
    ...bothSides('upper-trapezius', 45, 'hands', 'hint.upper-trapezius.squeeze'),
    ...bothSides('shoulders', 40, 'hands', 'hint.shoulders.palm-circles'),
    step('upper-back', 'both', 60, 'massage-ball', 'hint.upper-back.ball-wall'),
    ...bothSides('forearms', 40, 'hands', 'hint.forearms.thumb-strokes'),
    ...bothSides('hands', 30, 'hands', 'hint.hands.palm-circles'),
    ...bothSides('calves', 45, 'hands', 'hint.calves.squeeze-up'),
    ...bothSides('feet', 40, 'massage-ball', 'hint.feet.ball-roll'),
  ],
};

export const LIBRARY: readonly Routine[] = [
  DESK_RESET,
  TYPING_HANDS,
  TIRED_FEET,
  AFTER_A_WALK,
  LOWER_BACK_UNWIND,
  BETWEEN_APPOINTMENTS,
];

/** English text for every message id used by LIBRARY (the .po source). */
export const LIBRARY_MESSAGES: Readonly<Record<string, string>> = {
  'routine.desk-reset': 'Desk reset',
  'routine.typing-hands': 'Typing hands',
  'routine.tired-feet': 'Tired feet',
  'routine.after-a-walk': 'After a walk',
  'routine.lower-back-unwind': 'Lower back unwind',
  'routine.between-appointments': 'Between appointments',
  'hint.neck.slow-circles': 'Fingertips beside the spine, slow small circles. Light pressure.',
  'hint.upper-trapezius.squeeze': 'Squeeze the muscle between neck and shoulder, release slowly. Gentle.',
  'hint.shoulders.palm-circles': 'Flat palm over the shoulder, slow circles. Gentle pressure.',
  'hint.forearms.thumb-strokes': 'Thumb strokes from wrist to elbow. Press lightly, never on the bone.',
  'hint.hands.palm-circles': 'Thumb circles over the palm and between the fingers. Gentle.',
  'hint.feet.ball-roll': 'Roll the ball from heel to toes, slowly. Let the foot rest lightly.',
  'hint.feet.arch-press': 'Rest the arch on the ball and press gently, then release.',
  'hint.calves.roll-slowly': 'Roll slowly from ankle to knee. Support your weight with your hands.',
  'hint.calves.squeeze-up': 'Squeeze gently from ankle up to knee, towards the heart.',
  'hint.thighs.roll-front': 'Roll the front of the thigh, hip to just above the knee. Ease off if sharp.',
  'hint.lower-back.palm-warm': 'Warm palms on the lower back, slow strokes beside the spine. Gentle.',
  'hint.lower-back.ball-wall': 'Ball between back and wall, beside the spine, lean in lightly.',
  'hint.glutes.ball-lean': 'Sit or lean on the ball and shift slowly. Light pressure, never on the nerve.',
  'hint.upper-back.ball-wall': 'Ball between shoulder blade and wall, small slow moves. Never on the spine.',
};
