// The Home page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeHomeLayout } from './home-layout';

export const layout = makeHomeLayout(ROUND);
