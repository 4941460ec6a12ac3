import { SQUARE } from '../theme';
import { makeCheckinLayout } from './checkin-layout';

export const layout = makeCheckinLayout(SQUARE);
