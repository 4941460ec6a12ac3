// What the Session page shows: area and side in large type, time left in the step, the step's
// hint, progress of the step and of the routine (arcs on round, bars on square), what comes next,
// and big controls with "Pain — stop now" in the danger colour in its own place at the bottom.
// Stop and Pain act on a long press (the BUTTON's longpress_func, 700 ms by the docs) and show it
// filling the step's ring or bar in the danger colour while the finger stays; a tap only says to hold.

import { createWidget, widget, prop } from '@zos/ui';
import { px } from '@zos/utils';
import { button, clearScreen, drawShape, holdButton, label, setLineText, setParagraph, setText, track } from '../kit';
import { colour, font, space } from '../theme';
import type { Shape } from '../theme';

export interface SessionModel {
  readonly area: string;
  readonly detail: string;
  readonly remaining: string;
  /** What comes next; null while a message (showMessage) holds the line. */
  readonly next: string | null;
  /** The step's hint and the therapist's technique note ('' for none). */
  readonly hint: string;
  readonly stepProgress: number;
  readonly routineProgress: number;
  readonly paused: boolean;
}

export interface SessionLabels {
  readonly pause: string;
  readonly resume: string;
  readonly skip: string;
  readonly extend: string;
  readonly stop: string;
  readonly pain: string;
}

export interface SessionHandlers {
  togglePause(): void;
  skip(): void;
  extend(): void;
  /** Long press: the deliberate action. */
  stop(): void;
  pain(): void;
  /** A tap (a brush) on Stop / Pain: say how to use it, do nothing else. */
  stopTapped(): void;
  painTapped(): void;
}

/** The documented long press of a BUTTON (longpress_func: "Long press (700ms)"). */
export const HOLD_MS = 700;
const HOLD_FRAME_MS = 50;

export interface SessionLayout {
  renderControls(labels: SessionLabels, handlers: SessionHandlers): void;
  renderStep(model: SessionModel): void;
  showMessage(text: string): void;
}

/** Positions in design px for one shape. */
export interface SessionGeometry {
  readonly area: readonly [number, number, number, number];
  readonly detail: readonly [number, number, number, number];
  readonly remaining: readonly [number, number, number, number];
  readonly next: readonly [number, number, number, number];
  readonly hint: readonly [number, number, number, number];
  readonly pause: readonly [number, number, number, number];
  readonly skip: readonly [number, number, number, number];
  readonly extend: readonly [number, number, number, number];
  readonly stop: readonly [number, number, number, number];
  readonly pain: readonly [number, number, number, number];
  /** Round: ring radii (routine outside, step inside). Square: bar rows (routine, step). */
  readonly progress: readonly [number, number];
}

type Widget = ReturnType<typeof createWidget>;

const FULL_ARC_START = -90;
const FULL_ARC_SWEEP = 360;

export function makeSessionLayout(shape: Shape, g: SessionGeometry): SessionLayout {
  let area: Widget | null = null;
  let detail: Widget | null = null;
  let remaining: Widget | null = null;
  let next: Widget | null = null;
  let hint: Widget | null = null;
  let hold: Widget | null = null;
  let holdTimer: ReturnType<typeof setInterval> | null = null;
  let pauseButton: Widget | null = null;
  let routineBar: Widget | null = null;
  let stepBar: Widget | null = null;
  let labels: SessionLabels | null = null;
  let shownPaused: boolean | null = null;
  let shownHint: string | null = null;

  const centre = shape.width / 2;
  const barW = shape.width - 2 * shape.inset;

  const progressWidget = (slot: number, colourValue: number, value: number, track_: boolean): Widget => {
    if (shape.round) {
      return track(
        // ARC is placed by its bounding box (x, y, w, h); centre and radius belong to ARC_PROGRESS.
        drawShape(widget.ARC, {
          x: px(centre - slot),
          y: px(shape.height / 2 - slot),
          w: px(2 * slot),
          h: px(2 * slot),
          start_angle: FULL_ARC_START,
          end_angle: FULL_ARC_START + Math.round(FULL_ARC_SWEEP * value),
          color: colourValue,
          line_width: px(track_ ? space.arcWidth / 2 : space.arcWidth),
        }),
      );
    }
    return track(
      drawShape(widget.FILL_RECT, {
        x: px(shape.inset),
        y: px(slot),
        w: px(Math.max(1, Math.round(barW * value))),
        h: px(space.barHeight),
        radius: px(space.barHeight / 2),
        color: colourValue,
      }),
    );
  };

  const setProgress = (w: Widget | null, slot: number, value: number): void => {
    if (w === null) return;
    if (shape.round) w.setProperty(prop.MORE, { end_angle: FULL_ARC_START + Math.round(FULL_ARC_SWEEP * value) });
    else w.setProperty(prop.MORE, { x: px(shape.inset), y: px(slot), w: px(Math.max(1, Math.round(barW * value))), h: px(space.barHeight) });
  };

  /** The hold's fill: nothing at 0 (unlike the progress bars, which always show a sliver). */
  const setHold = (w: Widget, value: number): void => {
    if (shape.round) w.setProperty(prop.MORE, { end_angle: FULL_ARC_START + Math.round(FULL_ARC_SWEEP * value) });
    else w.setProperty(prop.MORE, { x: px(shape.inset), y: px(g.progress[1]), w: px(Math.round(barW * value)), h: px(space.barHeight) });
  };

  const endHold = (): void => {
    if (holdTimer !== null) clearInterval(holdTimer);
    holdTimer = null;
    if (hold !== null) {
      setHold(hold, 0);
    }
  };

  /** The finger is down on Stop or Pain: fill the step's ring / bar in danger colour over HOLD_MS. */
  const startHold = (): void => {
    endHold();
    const w = hold;
    if (w === null) return;
    const from = Date.now();
    setHold(w, 0);
    holdTimer = setInterval(() => {
      const share = Math.min(1, (Date.now() - from) / HOLD_MS);
      setHold(w, share);
      if (share >= 1 && holdTimer !== null) {
        clearInterval(holdTimer);
        holdTimer = null;
      }
    }, HOLD_FRAME_MS);
  };

  return {
    renderControls(text, handlers) {
      endHold();
      clearScreen();
      labels = text;
      shownPaused = null;
      shownHint = null;
      progressWidget(g.progress[0], colour.track, 1, true);
      progressWidget(g.progress[1], colour.track, 1, true);
      routineBar = progressWidget(g.progress[0], colour.textDim, 0, false);
      stepBar = progressWidget(g.progress[1], colour.accent, 0, false);
      // Above the step's progress and below every button, so it never takes a touch.
      hold = progressWidget(g.progress[1], colour.danger, 0, false);
      setHold(hold, 0);
      area = label(...g.area, '', font.title, colour.text);
      detail = label(...g.detail, '', font.tiny, colour.textDim);
      remaining = label(...g.remaining, '', font.body, colour.text);
      hint = label(...g.hint, '', font.tiny, colour.text);
      next = label(...g.next, '', font.tiny, colour.textDim);
      pauseButton = button(...g.pause, text.pause, 'primary', handlers.togglePause);
      button(...g.skip, text.skip, 'normal', handlers.skip);
      button(...g.extend, text.extend, 'normal', handlers.extend, font.small);
      const pressing = (down: boolean): void => (down ? startHold() : endHold());
      const held = (act: () => void) => (): void => {
        endHold();
        act();
      };
      holdButton(...g.stop, text.stop, 'normal', handlers.stopTapped, held(handlers.stop), pressing, font.small);
      holdButton(...g.pain, text.pain, 'danger', handlers.painTapped, held(handlers.pain), pressing, font.small);
    },
    renderStep(model) {
      // Each of these is one line in a fixed slot: long words (German areas) shrink rather than cut.
      if (area !== null) setLineText(area, model.area, g.area[2], font.title);
      if (detail !== null) setLineText(detail, model.detail, g.detail[2], font.tiny);
      if (remaining !== null) setLineText(remaining, model.remaining, g.remaining[2], font.body);
      if (next !== null && model.next !== null) {
        setLineText(next, model.next, g.next[2], font.tiny);
        next.setProperty(prop.MORE, { color: colour.textDim });
      }
      if (hint !== null && shownHint !== model.hint) {
        shownHint = model.hint;
        setParagraph(hint, model.hint, g.hint[2], g.hint[3], font.tiny, font.fine);
      }
      setProgress(routineBar, g.progress[0], model.routineProgress);
      setProgress(stepBar, g.progress[1], model.stepProgress);
      if (pauseButton !== null && labels !== null && shownPaused !== model.paused) {
        shownPaused = model.paused;
        setText(pauseButton, model.paused ? labels.resume : labels.pause);
      }
    },
    showMessage(text) {
      if (next !== null) next.setProperty(prop.MORE, { text, color: colour.warning });
    },
  };
}
