// The built Settings App in the phone's language: zpm's `i18n` module (setting/i18n/*.po inlined
// into side/setting.js) as the simulated Zepp app provides it for userSettings.lang.

import { describe, expect, it } from 'vitest';
import { addRecords } from '../../core/phone/history-store';
import { savePlan } from '../../core/routines/plan-store';
import { MemoryStore } from '../fixtures/memory-store';
import { makeRecords, BASE_START } from '../fixtures/records';
import { makePlan } from '../fixtures/plans';
import { autoCheckErrors, bootWatch, type Simulation } from '../fixtures/sim';

autoCheckErrors();

const NOW = BASE_START + 3 * 86_400_000;

async function openIn(language: string | undefined): Promise<Simulation> {
  const store = new MemoryStore();
  addRecords(store, makeRecords(3), NOW);
  savePlan(store, makePlan({ weeklyTarget: 3 }));
  const sim = await bootWatch({ startTime: NOW, settings: store.snapshot(), launch: false, ...(language === undefined ? {} : { language }) });
  sim.side.openSettings();
  return sim;
}

const titles = (sim: Simulation): string[] => sim.side.findSettings('', 'Section').map((n) => String(n.attrs.title));

describe('Settings App language (built)', () => {
  it('en-US by default', async () => {
    const sim = await openIn(undefined);
    expect(titles(sim)).toEqual(['Overview', 'History', 'Report for your therapist', 'Plan from your therapist', 'Paste a plan code', 'Your routines', 'Preferences', 'Data']);
    expect(sim.side.settingsText()).toContain('This week: 3 of 3');
  });

  it('de-DE: sections, overview, areas and the report in German', async () => {
    const sim = await openIn('de-DE');
    expect(titles(sim)).toEqual(['Übersicht', 'Verlauf', 'Bericht für deine Therapeutin / deinen Therapeuten', 'Plan von deiner Therapeutin / deinem Therapeuten', 'Plan-Code einfügen', 'Deine Abläufe', 'Einstellungen', 'Daten']);
    const text = sim.side.settingsText();
    expect(text).toContain('Diese Woche: 3 von 3');
    expect(text).toContain('Bereich Nacken');
    expect(text).toContain('Knead-Selbstmassage-Bericht');
    expect(text).not.toContain('This week');
    expect(sim.side.findSettings('Alle Daten löschen', 'Button')).toHaveLength(1);
  });

  it('zh-CN: sections and overview in Chinese', async () => {
    const sim = await openIn('zh-CN');
    expect(titles(sim)).toEqual(['概览', '历史记录', '给治疗师的报告', '治疗师的计划', '粘贴计划代码', '你的流程', '偏好设置', '数据']);
    expect(sim.side.settingsText()).toContain('本周：3 / 3');
    expect(sim.side.settingsText()).toContain('Knead 自我按摩报告');
  });

  it('a language without a .po falls back to en-US', async () => {
    const sim = await openIn('fr-FR');
    expect(titles(sim)[0]).toBe('Overview');
  });
});
