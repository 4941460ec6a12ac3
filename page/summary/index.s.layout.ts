// The Summary page's widgets on the square 390×450 design, from design tokens (sizes in px()).
import { SQUARE } from '../theme';
import { makeSummaryLayout } from './summary-layout';

export const layout = makeSummaryLayout(SQUARE);
