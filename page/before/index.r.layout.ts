// The Before page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeBeforeLayout } from './before-layout';

export const layout = makeBeforeLayout(ROUND);
