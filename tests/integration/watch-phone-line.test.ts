// Live connection state on the BUILT bundles: Home and Summary change their phone line on the link
// event itself (ZML's onBleChanged from @zos/ble's listener), not at the next launch or retry, and
// say each state in plain words, in all three languages and on both shapes.
import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch, isZmlDisconnect } from '../fixtures/sim';
import { stoppedSession } from '../fixtures/watch-flows';

autoCheckErrors();

const WORDS = {
  'en-US': { connected: 'Phone connected', offline: 'Phone not connected', offlineWaiting: 'Phone not connected — sessions wait on the watch', syncing: 'Syncing…', appClosed: 'Phone connected — open the Zepp app to sync' },
  'de-DE': { connected: 'Telefon verbunden', offline: 'Telefon nicht verbunden', offlineWaiting: 'Telefon nicht verbunden — Sitzungen warten auf der Uhr', syncing: 'Wird synchronisiert…', appClosed: 'Telefon verbunden — Zepp-App öffnen zum Synchronisieren' },
  'zh-CN': { connected: '手机已连接', offline: '手机未连接', offlineWaiting: '手机未连接 — 记录暂存在手表上', syncing: '正在同步…', appClosed: '手机已连接 — 请打开 Zepp 应用以同步' },
} as const;

describe('phone line (built)', () => {
  for (const profile of ['balance-3.7', 'gts4-3.6']) {
    for (const language of ['en-US', 'de-DE', 'zh-CN'] as const) {
      const words = WORDS[language];
      it(`phone line - ${profile} ${language}: Home says "not connected" on the link-down event itself and "connected" on the link-up event`, async () => {
        const sim = await bootWatch({ profile, language, advance: 1_000 });
        expect(sim.device.texts()).toContain(words.connected);
        sim.link.cut();
        // No time passes: the event alone changes the line (it used to stay for 10 s and more).
        await sim.clock.advance(0);
        expect(sim.device.texts()).toContain(words.offline);
        expect(sim.device.texts()).not.toContain(words.connected);
        sim.link.heal();
        await sim.clock.advance(0);
        expect(sim.device.texts()).toContain(words.connected);
        sim.expectErrors(isZmlDisconnect);
      });
    }
  }

  for (const language of ['en-US', 'de-DE', 'zh-CN'] as const) {
    const words = WORDS[language];
    it(`phone line - ${language}: Summary of a session that waits says so while the link is down, "Syncing…" as it comes back, then "on phone"`, async () => {
      const sim = await bootWatch({ profile: 'balance-3.7', advance: 1_000 });
      sim.link.cut();
      await sim.clock.advance(0);
      await stoppedSession(sim);
      sim.expectErrors(isZmlDisconnect);
      // Re-open the Summary in the language under test, the link still down.
      const saved = sim.device.storage() as Record<string, unknown>;
      const phone = sim.side.settingsStorage.toObject();
      const again = await bootWatch({ profile: 'balance-3.7', language, storage: saved, settings: phone, link: { connected: false }, page: 'page/summary/index.page', advance: 500 });
      expect(again.device.texts()).toContain(words.offlineWaiting);
      again.link.heal();
      await again.clock.advance(0);
      expect(again.device.texts()).toContain(words.syncing);
      await again.clock.advance(2_000);
      expect(again.device.texts()).toContain(words.connected);
      again.expectErrors(isZmlDisconnect);
    });
  }

  it('phone line - without the side service the line asks to open the Zepp app, in plain words, no bare code', async () => {
    for (const language of ['en-US', 'de-DE', 'zh-CN'] as const) {
      const sim = await bootWatch({ profile: 'gts4-3.6', language, sideService: false, advance: 1_000 });
      expect(sim.device.texts()).toContain(WORDS[language].appClosed);
      expect(sim.device.texts().join(' ')).not.toMatch(/\(\d\)/);
    }
  });
});
