// The Summary page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeSummaryLayout } from './summary-layout';

export const layout = makeSummaryLayout(ROUND);
