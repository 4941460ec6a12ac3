// The Settings page's widgets on the square 390×450 design, from design tokens (sizes in px()).
import { SQUARE } from '../theme';
import { makeSettingsLayout } from './settings-layout';

export const layout = makeSettingsLayout(SQUARE);
