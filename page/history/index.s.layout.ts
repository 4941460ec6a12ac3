import { SQUARE } from '../theme';
import { makeHistoryLayout } from './history-layout';

export const layout = makeHistoryLayout(SQUARE);
