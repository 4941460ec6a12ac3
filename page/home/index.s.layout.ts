import { SQUARE } from '../theme';
import { makeHomeLayout } from './home-layout';

export const layout = makeHomeLayout(SQUARE);
