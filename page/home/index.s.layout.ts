import { getText } from '@zos/i18n';
import { SQUARE } from '../theme';
import { makeHomeLayout } from './home-layout';

export const layout = makeHomeLayout(SQUARE, () => getText('more'));
