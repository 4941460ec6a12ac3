// The Session page's widgets on the square 390×450 design, from design tokens (sizes in px()).
import { SQUARE } from '../theme';
import { makeSessionLayout } from './session-layout';

// Square 390×450: bars on top, Pain alone across the bottom.
export const layout = makeSessionLayout(SQUARE, {
  area: [16, 40, 358, 52],
  detail: [16, 92, 358, 26],
  remaining: [16, 118, 358, 40],
  hint: [16, 158, 358, 68],
  next: [16, 226, 358, 26],
  pause: [16, 252, 175, 76],
  skip: [199, 252, 175, 76],
  extend: [16, 336, 175, 56],
  stop: [199, 336, 175, 56],
  pain: [16, 400, 358, 46],
  progress: [16, 32],
});
