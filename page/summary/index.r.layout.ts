import { ROUND } from '../theme';
import { makeSummaryLayout } from './summary-layout';

export const layout = makeSummaryLayout(ROUND);
