import { ROUND } from '../theme';
import { makeSessionLayout } from './session-layout';

// Round 480: everything inside the circle; rings at the edge, Pain alone at the bottom.
export const layout = makeSessionLayout(ROUND, {
  area: [90, 52, 300, 56],
  detail: [90, 108, 300, 34],
  remaining: [110, 142, 260, 72],
  next: [80, 214, 320, 34],
  pause: [56, 252, 180, 76],
  skip: [244, 252, 180, 76],
  extend: [80, 336, 156, 60],
  stop: [244, 336, 156, 60],
  pain: [120, 404, 240, 52],
  progress: [232, 216],
});
