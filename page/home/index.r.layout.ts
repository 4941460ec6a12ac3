import { getText } from '@zos/i18n';
import { ROUND } from '../theme';
import { makeHomeLayout } from './home-layout';

export const layout = makeHomeLayout(ROUND, () => getText('more'));
