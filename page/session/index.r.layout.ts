// The Session page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeSessionLayout } from './session-layout';

// Round 480: everything inside the circle; rings at the edge, Pain alone at the bottom.
export const layout = makeSessionLayout(ROUND, {
  area: [102, 44, 276, 44],
  detail: [80, 88, 320, 26],
  remaining: [110, 114, 260, 44],
  hint: [56, 158, 368, 66],
  next: [50, 224, 380, 26],
  pause: [56, 252, 180, 76],
  skip: [244, 252, 180, 76],
  extend: [80, 336, 156, 60],
  stop: [244, 336, 156, 60],
  pain: [120, 404, 240, 52],
  progress: [232, 216],
});
