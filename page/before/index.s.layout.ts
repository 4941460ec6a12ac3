// The Before page's widgets on the square 390×450 design, from design tokens (sizes in px()).
import { SQUARE } from '../theme';
import { makeBeforeLayout } from './before-layout';

export const layout = makeBeforeLayout(SQUARE);
