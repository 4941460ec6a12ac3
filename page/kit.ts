// The small widget kit every layout uses: a flow of text rows and buttons laid out top to bottom
// inside the shape's safe width. A flow taller than the screen scrolls (the page's default free
// scrolling), so every row can be brought into the readable middle of a round screen; nothing is
// ever wider than the screen. Widgets are tracked so a redraw deletes the previous ones.

// Named imports only: a namespace import makes zpm add its interop helper to every page.
import { createWidget, deleteWidget, event, widget, align, text_style, prop } from '@zos/ui';
import { px } from '@zos/utils';
import { colour, font, space } from './theme';
import type { Shape } from './theme';
import { buttonTextSize, itemHeight, oneLineSize, textHeight, toneColour, wholeWordSize } from './text-fit';
import type { FlowItem, Tone } from './text-fit';

// The measuring half is pure and lives in text-fit.ts, so app.js carries it once for every page.
export { buttonTextSize, textHeight, toneColour } from './text-fit';
export type { FlowItem, Tone } from './text-fit';

type Widget = ReturnType<typeof createWidget>;


const created: Widget[] = [];

export function clearScreen(): void {
  while (created.length > 0) {
    const w = created.pop();
    // deleteWidget exists on every API level; types/zepp-globals.d.ts declares it for device-types 4.0.0.
    if (w !== undefined) deleteWidget(w);
  }
}

export function track(w: Widget): Widget {
  created.push(w);
  return w;
}

export function label(x: number, y: number, w: number, h: number, text: string, size: number, color: number, centre = true): Widget {
  return track(
    createWidget(widget.TEXT, {
      x: px(x),
      y: px(y),
      w: px(w),
      h: px(h),
      text,
      // Same size textHeight planned for, so every word stays whole on its line.
      text_size: px(wholeWordSize(text, w, size)),
      color,
      align_h: centre ? align.CENTER_H : align.LEFT,
      align_v: align.CENTER_V,
      text_style: text_style.WRAP,
    }),
  );
}

/** How a button looks by its tone: its box, colours and a label sized to fit on one line. */
function buttonLook(x: number, y: number, w: number, h: number, text: string, tone: Tone, preferred: number) {
  const danger = tone === 'danger';
  const primary = tone === 'primary';
  return {
    x: px(x),
    y: px(y),
    w: px(w),
    h: px(h),
    radius: px(Math.min(space.radius, Math.floor(h / 2))),
    normal_color: danger ? colour.danger : primary ? colour.accent : colour.surface,
    press_color: danger ? colour.dangerPressed : primary ? colour.accentPressed : colour.surfacePressed,
    text,
    text_size: px(buttonTextSize(text, w, preferred)),
    color: primary ? colour.onAccent : colour.text,
  };
}

export function button(x: number, y: number, w: number, h: number, text: string, tone: Tone, onClick: () => void, preferred: number = font.body): Widget {
  return track(createWidget(widget.BUTTON, { ...buttonLook(x, y, w, h, text, tone, preferred), click_func: () => onClick() }));
}

/**
 * A button that acts on a long press (BUTTON longpress_func, 700 ms by the docs) and only says how
 * to use it on a tap, so a brush cannot trigger it. CLICK_DOWN / CLICK_UP / MOVE_OUT go to
 * `pressing(true | false)` so the layout can show the hold filling up.
 */
export function holdButton(x: number, y: number, w: number, h: number, text: string, tone: Tone, onTap: () => void, onHold: () => void, pressing: (down: boolean) => void, preferred: number = font.body): Widget {
  const b = track(
    createWidget(widget.BUTTON, {
      ...buttonLook(x, y, w, h, text, tone, preferred),
      click_func: () => onTap(),
      longpress_func: () => onHold(),
    }),
  );
  b.addEventListener(event.CLICK_DOWN, () => pressing(true));
  b.addEventListener(event.CLICK_UP, () => pressing(false));
  b.addEventListener(event.MOVE_OUT, () => pressing(false));
  return b;
}

/**
 * Sets a text box's text at the largest size from `preferred` down to `smallest` at which it fits
 * `width` × `height`; if it fits at none, the words that do fit at `smallest`, then "…".
 */
export function setParagraph(w: Widget, text: string, width: number, height: number, preferred: number, smallest: number): void {
  const room = width - space.gap;
  let size = preferred;
  while (size > smallest && textHeight(text, size, room) > height) size -= 1;
  let shown = text;
  if (textHeight(shown, size, room) > height) {
    const words = text.split(' ');
    while (words.length > 1 && textHeight(`${words.join(' ')}…`, size, room) > height) words.pop();
    shown = `${words.join(' ')}…`;
  }
  w.setProperty(prop.MORE, { text: shown, text_size: px(wholeWordSize(shown, room, size)) });
}

/**
 * ARC and FILL_RECT with the documented option names; device-types 4.0.0's per-widget option
 * types reject some of them under exactOptionalPropertyTypes, so the options go through unknown.
 */
export function drawShape(type: number, options: Readonly<Record<string, unknown>>): Widget {
  return (createWidget as unknown as (t: number, o: Readonly<Record<string, unknown>>) => Widget)(type, options);
}

export function setText(w: Widget, text: string): void {
  w.setProperty(prop.MORE, { text });
}

/** Sets a one-line label's text, shrinking it (from `preferred`) to fit its `width` in design px. */
export function setLineText(w: Widget, text: string, width: number, preferred: number): void {
  // A little room to spare: glyph widths are estimates, and a cut-off label is worse than a small one.
  w.setProperty(prop.MORE, { text, text_size: px(oneLineSize(text, width - space.gap, preferred)) });
}

/**
 * Draws the title and `items` top to bottom. A flow taller than the screen ends in empty room
 * (shape.scrollTail), so on a round screen the last row can scroll up past the curved edge.
 */
export function renderFlow(shape: Shape, title: string, items: readonly FlowItem[]): void {
  clearScreen();
  const x = shape.inset;
  const w = shape.width - 2 * shape.inset;
  let y = shape.top;
  const titleH = textHeight(title, font.title, w);
  label(x, y, w, titleH, title, font.title, colour.text);
  y += titleH + space.gap;
  for (const item of items) {
    const h = itemHeight(item, w);
    drawItem(item, x, y, w, h);
    y += h + space.gap;
  }
  if (y > shape.bottom) {
    track(drawShape(widget.FILL_RECT, { x: 0, y: px(y), w: px(shape.width), h: px(shape.scrollTail), color: colour.background }));
  }
}

/** A page layout's render method for a flow screen on `shape` (the pages share one look). */
export function flowRenderer(shape: Shape): (title: string, items: readonly FlowItem[]) => void {
  return (title, items) => renderFlow(shape, title, items);
}

function drawItem(item: FlowItem, x: number, y: number, w: number, h: number): void {
  if (item.kind === 'text') {
    label(x, y, w, h, item.text, item.size ?? font.small, toneColour(item.tone), item.centre !== false);
    return;
  }
  button(x, y, w, h, item.text, item.tone ?? 'normal', item.onClick);
}
