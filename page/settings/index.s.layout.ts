import { SQUARE } from '../theme';
import { makeSettingsLayout } from './settings-layout';

export const layout = makeSettingsLayout(SQUARE);
