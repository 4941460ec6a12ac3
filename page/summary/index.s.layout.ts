import { SQUARE } from '../theme';
import { makeSummaryLayout } from './summary-layout';

export const layout = makeSummaryLayout(SQUARE);
