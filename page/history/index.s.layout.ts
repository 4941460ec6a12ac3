// The History page's widgets on the square 390×450 design, from design tokens (sizes in px()).
import { SQUARE } from '../theme';
import { makeHistoryLayout } from './history-layout';

export const layout = makeHistoryLayout(SQUARE);
