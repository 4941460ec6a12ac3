import { BasePage } from '@zeppos/zml/base-page';
import { layout } from 'zosLoader:./index.[pf].layout.js';
import type { SettingsLayout } from './settings-layout';
import type { FlowItem } from '../kit';
import { t } from '../text';
import { watchStore } from '../../platform/storage';
import { apiLevel, now } from '../../platform/system';
import { createCuePlayer } from '../../platform/vibrator';
import type { CuePlayer } from '../../platform/vibrator';
import { CUE_NAMES } from '../../core/engine';
import type { WatchSettings } from '../../core/model';
import { supportsSceneArrays } from '../../core/watch/api-level';
import { loadSettings, nextIntensity, nextLeadIn, nextScreen, saveSettings } from '../../core/watch/settings';

const view = layout as SettingsLayout;
let player: CuePlayer | null = null;

/** A change on the watch, stamped with the watch's clock so it beats older phone Preferences. */
function update(settings: WatchSettings): void {
  if (!saveSettings(watchStore, settings, now()).ok) {
    view.renderSettings(t('settings.title'), [{ kind: 'text', text: t('settings.save-failed'), tone: 'warning' }]);
    return;
  }
  draw();
}

function draw(): void {
  const s = loadSettings(watchStore);
  const items: FlowItem[] = [
    { kind: 'button', text: t('settings.intensity', { value: t(`intensity.${s.intensity}`) }), onClick: () => update({ ...s, intensity: nextIntensity(s.intensity) }) },
    { kind: 'button', text: t('settings.lead-in', { seconds: s.leadInSeconds }), onClick: () => update({ ...s, leadInSeconds: nextLeadIn(s.leadInSeconds) }) },
    { kind: 'button', text: t(s.halfwayTick ? 'settings.halfway-on' : 'settings.halfway-off'), onClick: () => update({ ...s, halfwayTick: !s.halfwayTick }) },
    { kind: 'button', text: t(s.screen === 'keep-on' ? 'settings.screen-keep-on' : 'settings.screen-allow-off'), onClick: () => update({ ...s, screen: nextScreen(s.screen) }) },
    { kind: 'text', text: t('settings.feel'), tone: 'dim' },
  ];
  for (const cue of CUE_NAMES) {
    items.push({ kind: 'button', text: t(`cue.${cue}`), onClick: () => player?.play(cue, s.intensity) });
  }
  view.renderSettings(t('settings.title'), items);
}

Page(
  BasePage({
    state: {},
    build() {
      player = createCuePlayer(supportsSceneArrays(apiLevel()));
      draw();
    },
    onDestroy() {
      // A sample still playing finishes on its own: stopping it would cut the cue being felt.
      player = null;
    },
  }),
);
