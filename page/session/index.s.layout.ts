// The Session page's widgets on the square 390×450 design, from design tokens (sizes in px()).
import { SQUARE } from '../theme';
import { makeSessionLayout } from './session-layout';

// Square 390×450: bars on top, Pain alone across the bottom.
export const layout = makeSessionLayout(SQUARE, {
  area: [16, 44, 358, 46],
  detail: [16, 90, 358, 28],
  remaining: [16, 118, 358, 44],
  hint: [16, 162, 358, 64],
  next: [16, 226, 358, 24],
  pause: [16, 252, 175, 76],
  skip: [199, 252, 175, 76],
  extend: [16, 336, 175, 56],
  stop: [199, 336, 175, 56],
  pain: [16, 400, 358, 46],
  progress: [16, 32],
});
