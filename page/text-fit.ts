// How much room text takes on the watch, estimated from the design tokens (latin 0.6 em, CJK
// 1.05 em; words wrap whole), and the colour of each tone. Pure: no widget is drawn here, so the
// pages share one copy through app.js (docs/watch.md "Size"); page/kit.ts draws with these sizes.

import { colour, font, glyph, space } from './theme';

export type Tone = 'normal' | 'primary' | 'danger' | 'dim' | 'warning' | 'ok';

export type FlowItem =
  | { readonly kind: 'text'; readonly text: string; readonly size?: number; readonly tone?: Tone; readonly centre?: boolean }
  | { readonly kind: 'button'; readonly text: string; readonly tone?: Tone; readonly onClick: () => void };

function isWide(code: number): boolean {
  return code >= 0x2e80;
}

/** Estimated width of `text` on one line at `size`. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (let i = 0; i < text.length; i += 1) w += size * (isWide(text.charCodeAt(i)) ? glyph.wide : glyph.latin);
  return w;
}

/** Estimated lines of `text` at `size` in a box `width` wide (words wrap whole; CJK anywhere). */
export function estimateLines(text: string, size: number, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/(\s+)/)) {
    const w = textWidth(word, size);
    if (used + w > width && used > 0) {
      lines += 1;
      used = /^\s+$/.test(word) ? 0 : w;
    } else {
      used += w;
    }
    // A word longer than a line (a CJK sentence has no spaces) breaks across lines.
    while (used > width) {
      lines += 1;
      used -= width;
    }
  }
  return lines;
}

/** Width of the widest piece of `text` the watch cannot break: a run of latin letters between spaces (hyphens included), or one CJK character. */
export function widestWordWidth(text: string, size: number): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) {
    for (const run of word.split(/[\u2e80-\uffff]/)) widest = Math.max(widest, textWidth(run, size));
    if (/[\u2e80-\uffff]/.test(word)) widest = Math.max(widest, size * glyph.wide);
  }
  return widest;
}

/**
 * The size up to `preferred` at which every word of `text` fits `width`, so wrapping happens only
 * between words ("Schreibtisch-Reset" as a 40 px title is wider than a round row and would break
 * mid-word). Shrinks only as far as the widest word needs.
 */
export function wholeWordSize(text: string, width: number, preferred: number): number {
  const widest = widestWordWidth(text, preferred);
  if (widest <= width) return preferred;
  const fits = Math.floor((preferred * width) / widest);
  return Math.max(1, fits);
}

export function textHeight(text: string, size: number, width: number): number {
  const fitted = wholeWordSize(text, width, size);
  return Math.ceil(estimateLines(text, fitted, width) * fitted * glyph.lineHeight);
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

/** The largest size up to `preferred` (and not below font.tiny) at which `text` fits `room` on one line. */
export function oneLineSize(text: string, room: number, preferred: number): number {
  const fits = Math.floor((preferred * room) / Math.max(1, textWidth(text, preferred)));
  return Math.max(font.tiny, Math.min(preferred, fits));
}

/** A button label never wraps on the watch, so long ones get smaller, not cut. */
export function buttonTextSize(text: string, w: number, preferred: number): number {
  return oneLineSize(text, w - 2 * space.edge, preferred);
}

/** The height a flow row takes: a text's wrapped lines, or a button with room around its label. */
export function itemHeight(item: FlowItem, w: number): number {
  if (item.kind === 'text') return textHeight(item.text, item.size ?? font.small, w);
  return Math.max(space.rowHeight, textHeight(item.text, font.body, w - 2 * space.edge) + space.gap);
}
