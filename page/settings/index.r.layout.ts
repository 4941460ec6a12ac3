import { ROUND } from '../theme';
import { makeSettingsLayout } from './settings-layout';

export const layout = makeSettingsLayout(ROUND);
