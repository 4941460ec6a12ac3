// What the Checkin page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
// Questions are short lines of text, answers are rows of buttons side by side (the chosen one in the
// accent colour), so the first screen's two questions and Save fit one screen. On round, a row on
// the first screen is as wide as the circle allows at its height; later rows scroll to the middle.
import { button, buttonTextSize, clearScreen, drawShape, label, textHeight, toneColour, track } from '../kit';
import type { Tone } from '../kit';
import { widget } from '@zos/ui';
import { px } from '@zos/utils';
import { colour, font, space } from '../theme';
import type { Shape } from '../theme';

export interface Choice {
  readonly text: string;
  /** Shown as chosen (accent colour); tapping it again takes the answer back. */
  readonly chosen?: boolean;
  readonly tone?: Tone;
  readonly onClick: () => void;
}

export type CheckinRow =
  | { readonly kind: 'question'; readonly text: string; readonly tone?: Tone }
  | { readonly kind: 'choices'; readonly choices: readonly Choice[] };

export interface CheckinLayout {
  /** Draws the rows top to bottom; a page taller than the screen scrolls. */
  renderCheckIn(rows: readonly CheckinRow[]): void;
}

/** Left edge and width of a row from `y` to `y + h`: the safe width, narrowed to the circle on round. */
function rowBounds(shape: Shape, y: number, h: number): { x: number; w: number } {
  const full = shape.width - 2 * shape.inset;
  if (!shape.round || y + h > shape.height) return { x: shape.inset, w: full };
  const r = shape.width / 2;
  const dy = Math.max(Math.abs(y - r), Math.abs(y + h - r));
  const half = Math.sqrt(Math.max(0, r * r - dy * dy)) - space.roundMargin;
  const w = Math.max(0, Math.min(full, Math.floor(2 * half)));
  return { x: Math.round(r - w / 2), w };
}

function questionHeight(shape: Shape, text: string, y: number): number {
  // Measured at the row's own width: narrower near the top of a round screen.
  const guess = textHeight(text, font.small, rowBounds(shape, y, font.small * 2).w);
  return textHeight(text, font.small, rowBounds(shape, y, guess).w);
}

export function renderCheckInRows(shape: Shape, rows: readonly CheckinRow[]): void {
  clearScreen();
  let y = shape.top;
  for (const row of rows) {
    if (row.kind === 'question') {
      const h = questionHeight(shape, row.text, y);
      const { x, w } = rowBounds(shape, y, h);
      label(x, y, w, h, row.text, font.small, toneColour(row.tone === undefined ? 'dim' : row.tone));
      y += h + space.choiceGap;
      continue;
    }
    const h = space.choiceHeight;
    const { x, w } = rowBounds(shape, y, h);
    const count = Math.max(1, row.choices.length);
    const each = Math.floor((w - (count - 1) * space.choiceGap) / count);
    // One text size per row (the size the longest label needs), so answers side by side look alike.
    const size = row.choices.reduce<number>((smallest, choice) => Math.min(smallest, buttonTextSize(choice.text, each, font.body)), font.body);
    row.choices.forEach((choice, i) => {
      const tone: Tone = choice.chosen === true ? 'primary' : choice.tone === undefined ? 'normal' : choice.tone;
      button(x + i * (each + space.choiceGap), y, each, h, choice.text, tone, choice.onClick, size);
    });
    y += h + space.choiceGap;
  }
  if (y > shape.bottom) {
    track(drawShape(widget.FILL_RECT, { x: 0, y: px(y), w: px(shape.width), h: px(shape.scrollTail), color: colour.background }));
  }
}

export function makeCheckinLayout(shape: Shape): CheckinLayout {
  return { renderCheckIn: (rows) => renderCheckInRows(shape, rows) };
}
