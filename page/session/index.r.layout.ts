// The Session page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeSessionLayout } from './session-layout';

// Round 480: everything inside the circle; rings at the edge, Pain alone at the bottom.
export const layout = makeSessionLayout(ROUND, {
  area: [114, 36, 252, 52],
  detail: [80, 88, 320, 26],
  remaining: [110, 114, 260, 40],
  hint: [56, 154, 368, 70],
  next: [50, 224, 380, 26],
  pause: [56, 252, 180, 76],
  skip: [244, 252, 180, 76],
  extend: [80, 336, 156, 60],
  stop: [244, 336, 156, 60],
  pain: [120, 404, 240, 52],
  progress: [232, 216],
});
