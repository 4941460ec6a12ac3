// The Session page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeSessionLayout } from './session-layout';

// Round 480: everything inside the circle; rings at the edge, Pain alone at the bottom.
export const layout = makeSessionLayout(ROUND, {
  area: [90, 50, 300, 54],
  detail: [90, 104, 300, 32],
  remaining: [110, 134, 260, 80],
  next: [50, 214, 380, 34],
  pause: [56, 252, 180, 76],
  skip: [244, 252, 180, 76],
  extend: [80, 336, 156, 60],
  stop: [244, 336, 156, 60],
  pain: [120, 404, 240, 52],
  progress: [232, 216],
});
