// The Check-in page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeCheckinLayout } from './checkin-layout';

export const layout = makeCheckinLayout(ROUND);
