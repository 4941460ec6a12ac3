import { SQUARE } from '../theme';
import { makeBeforeLayout } from './before-layout';

export const layout = makeBeforeLayout(SQUARE);
