// The History page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeHistoryLayout } from './history-layout';

export const layout = makeHistoryLayout(ROUND);
