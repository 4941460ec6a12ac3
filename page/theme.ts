// Named design tokens for every watch layout. Sizes are in design pixels (480-wide round,
// 390-wide square); layouts wrap them in px() so they scale to the real screen.

export const colour = {
  background: 0x000000,
  text: 0xffffff,
  textDim: 0xa8a8a8,
  accent: 0x3fd0a6,
  accentPressed: 0x2a9c7c,
  onAccent: 0x000000,
  surface: 0x222222,
  surfacePressed: 0x3a3a3a,
  track: 0x333333,
  warning: 0xffb020,
  danger: 0xe5484d,
  dangerPressed: 0xa8282c,
  ok: 0x46c26a,
} as const;

export const font = {
  huge: 64,
  title: 40,
  body: 30,
  small: 24,
  /** The smallest text still read at arm's length; long button labels shrink no further. */
  tiny: 20,
  /** Only for a step's hint on the Session page, which must fit under the clock; read up close. */
  fine: 16,
} as const;

export const space = {
  edge: 24,
  gap: 12,
  rowHeight: 88,
  buttonHeight: 96,
  radius: 44,
  arcWidth: 14,
  barHeight: 12,
  /** A row of answers side by side (check-in): shorter than a full row so a question fits a screen. */
  choiceHeight: 72,
  choiceGap: 8,
  /** Kept clear of a round screen's edge by rows sized to the circle. */
  roundMargin: 8,
} as const;

/** Glyph width as a share of the text size, for estimating wrapped lines (latin / CJK). */
export const glyph = {
  latin: 0.64,
  wide: 1.05,
  lineHeight: 1.3,
} as const;

/** The usable area of each design screen; round keeps content inside the circle. */
export interface Shape {
  readonly round: boolean;
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly bottom: number;
  readonly inset: number;
  /**
   * Empty room after the last row of a scrolling page, so the last row can be scrolled up to where
   * the screen is as wide as the rows (on round, ±130 px around the centre for a 352 px row).
   */
  readonly scrollTail: number;
}

export const ROUND: Shape = { round: true, width: 480, height: 480, top: 64, bottom: 424, inset: 64, scrollTail: 120 };
export const SQUARE: Shape = { round: false, width: 390, height: 450, top: 16, bottom: 434, inset: 16, scrollTail: 16 };
