// The Settings App (phone companion): every build renders the current storage. Texts come from
// setting/i18n/<lang>.po through zpm's `i18n` module (./text); core's report gets the same lookup.

import { settingsKeyValueStore } from '../core/kernel/store';
import { renderApp } from './app-view';
import { phoneOffsetMin } from './format';
import { phoneT } from './text';

AppSettingsPage({
  build(props) {
    const now = Date.now();
    return renderApp(settingsKeyValueStore(props.settingsStorage), { now, tzOffsetMin: phoneOffsetMin(now), t: phoneT });
  },
});
