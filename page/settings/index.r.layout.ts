// The Settings page's widgets on the round 480 design, from design tokens (sizes in px()).
import { ROUND } from '../theme';
import { makeSettingsLayout } from './settings-layout';

export const layout = makeSettingsLayout(ROUND);
