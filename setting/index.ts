// The Settings App (phone companion): every build renders the current storage. Texts are English
// for now (the phone's gettext i18n is not wired yet); the report goes through core's Translate.

import { settingsKeyValueStore } from '../app-side/settings-store';
import { renderApp } from './app-view';
import { phoneOffsetMin } from './format';

AppSettingsPage({
  build(props) {
    const now = Date.now();
    return renderApp(settingsKeyValueStore(props.settingsStorage), { now, tzOffsetMin: phoneOffsetMin(now) });
  },
});
