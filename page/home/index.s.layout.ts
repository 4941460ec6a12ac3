// The Home page's widgets on the square 390×450 design, from design tokens (sizes in px()).
import { SQUARE } from '../theme';
import { makeHomeLayout } from './home-layout';

export const layout = makeHomeLayout(SQUARE);
