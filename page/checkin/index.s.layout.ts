// The Check-in page's widgets on the square 390×450 design, from design tokens (sizes in px()).
import { SQUARE } from '../theme';
import { makeCheckinLayout } from './checkin-layout';

export const layout = makeCheckinLayout(SQUARE);
