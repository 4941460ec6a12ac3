import { ROUND } from '../theme';
import { makeCheckinLayout } from './checkin-layout';

export const layout = makeCheckinLayout(ROUND);
