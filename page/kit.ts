// The small widget kit every layout uses: a flow of text rows and buttons laid out top to bottom
// inside the shape's safe area, paged with a "more" button when it does not fit, so no widget
// ever lies outside the screen. Widgets are tracked so a redraw deletes the previous ones.

import * as ui from '@zos/ui';
import { createWidget, widget, align, text_style, prop } from '@zos/ui';
import { px } from '@zos/utils';
import { colour, font, glyph, space } from './theme';
import type { Shape } from './theme';

type Widget = ReturnType<typeof createWidget>;

export type Tone = 'normal' | 'primary' | 'danger' | 'dim' | 'warning' | 'ok';

export type FlowItem =
  | { readonly kind: 'text'; readonly text: string; readonly size?: number; readonly tone?: Tone; readonly centre?: boolean }
  | { readonly kind: 'button'; readonly text: string; readonly tone?: Tone; readonly onClick: () => void };

const created: Widget[] = [];

export function clearScreen(): void {
  while (created.length > 0) {
    const w = created.pop();
    // deleteWidget exists on every API level but @zeppos/device-types 4.0.0 does not export it.
    if (w !== undefined) (ui as unknown as { deleteWidget(w: Widget): void }).deleteWidget(w);
  }
}

export function track(w: Widget): Widget {
  created.push(w);
  return w;
}

function isWide(code: number): boolean {
  return code >= 0x2e80;
}

/** Estimated lines of `text` at `size` in a box `width` wide (words wrap as a whole). */
export function estimateLines(text: string, size: number, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/(\s+)/)) {
    let w = 0;
    for (let i = 0; i < word.length; i += 1) w += size * (isWide(word.charCodeAt(i)) ? glyph.wide : glyph.latin);
    if (used + w > width && used > 0) {
      lines += 1;
      used = /^\s+$/.test(word) ? 0 : w;
      while (used > width) {
        lines += 1;
        used -= width;
      }
    } else {
      used += w;
    }
  }
  return lines;
}

export function textHeight(text: string, size: number, width: number): number {
  return Math.ceil(estimateLines(text, size, width) * size * glyph.lineHeight);
}

export function toneColour(tone: Tone | undefined): number {
  switch (tone) {
    case 'dim':
      return colour.textDim;
    case 'danger':
      return colour.danger;
    case 'warning':
      return colour.warning;
    case 'ok':
      return colour.ok;
    case 'primary':
      return colour.accent;
    default:
      return colour.text;
  }
}

export function label(x: number, y: number, w: number, h: number, text: string, size: number, color: number, centre = true): Widget {
  return track(
    createWidget(widget.TEXT, {
      x: px(x),
      y: px(y),
      w: px(w),
      h: px(h),
      text,
      text_size: px(size),
      color,
      align_h: centre ? align.CENTER_H : align.LEFT,
      align_v: align.CENTER_V,
      text_style: text_style.WRAP,
    }),
  );
}

export function button(x: number, y: number, w: number, h: number, text: string, tone: Tone, onClick: () => void, size: number = font.body): Widget {
  const danger = tone === 'danger';
  const primary = tone === 'primary';
  return track(
    createWidget(widget.BUTTON, {
      x: px(x),
      y: px(y),
      w: px(w),
      h: px(h),
      radius: px(Math.min(space.radius, Math.floor(h / 2))),
      normal_color: danger ? colour.danger : primary ? colour.accent : colour.surface,
      press_color: danger ? colour.dangerPressed : primary ? colour.accentPressed : colour.surfacePressed,
      text,
      text_size: px(size),
      color: primary ? colour.onAccent : colour.text,
      click_func: () => onClick(),
    }),
  );
}

export function setText(w: Widget, text: string): void {
  w.setProperty(prop.MORE, { text });
}

export interface FlowOptions {
  readonly title: string;
  readonly moreText: string;
}

/**
 * Draws `items` from `offset` until the next one would pass the bottom of the safe area; then a
 * "more" button continues from there (and wraps to the start after the last screen).
 */
export function renderFlow(shape: Shape, items: readonly FlowItem[], options: FlowOptions, offset = 0): void {
  clearScreen();
  const x = shape.inset;
  const w = shape.width - 2 * shape.inset;
  let y = shape.top;
  const titleH = textHeight(options.title, font.title, w);
  label(x, y, w, titleH, options.title, font.title, colour.text);
  y += titleH + space.gap;
  const moreH = space.rowHeight;
  let index = offset;
  for (; index < items.length; index += 1) {
    const item = items[index];
    if (item === undefined) break;
    const h = itemHeight(item, w);
    const last = index === items.length - 1;
    const limit = last ? shape.bottom : shape.bottom - moreH - space.gap;
    if (y + h > limit && index > offset) break;
    drawItem(item, x, y, w, h);
    y += h + space.gap;
  }
  if (index < items.length || offset > 0) {
    const next = index < items.length ? index : 0;
    button(x, Math.min(y, shape.bottom - moreH), w, moreH, options.moreText, 'dim', () => renderFlow(shape, items, options, next), font.small);
  }
}

function itemHeight(item: FlowItem, w: number): number {
  if (item.kind === 'text') return textHeight(item.text, item.size ?? font.small, w);
  return Math.max(space.rowHeight, textHeight(item.text, font.body, w - 2 * space.edge) + space.gap);
}

function drawItem(item: FlowItem, x: number, y: number, w: number, h: number): void {
  if (item.kind === 'text') {
    label(x, y, w, h, item.text, item.size ?? font.small, toneColour(item.tone), item.centre !== false);
    return;
  }
  button(x, y, w, h, item.text, item.tone ?? 'normal', item.onClick);
}
