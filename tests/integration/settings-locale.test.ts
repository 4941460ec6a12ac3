// The BUILT Settings App writes dates and counts the way the phone's language does, and massage
// time the one way the watch writes it (expected strings written by hand): "29.11.2026 16:40 · … ·
// 5:48 · abgeschlossen", "1 Einheit", no "颈部部位".
import { describe, expect, it } from 'vitest';
import { addRecords } from '../../core/phone/history-store';
import { savePlan } from '../../core/routines/plan-store';
import { MemoryStore } from '../fixtures/memory-store';
import { makeRecord, makeStep } from '../fixtures/records';
import { makePlan } from '../fixtures/plans';
import { autoCheckErrors, bootWatch, type Simulation } from '../fixtures/sim';

autoCheckErrors();

// 2026-11-29 15:40 UTC, lived at UTC+1: 16:40 on 29 November; 3 × 116 s = 348 s massaged, 5:48.
const STARTED = Date.UTC(2026, 10, 29, 15, 40);
const NOW = STARTED + 3_600_000;

async function openIn(language: string): Promise<Simulation> {
  const store = new MemoryStore();
  const steps = [makeStep({ area: 'neck', doneMs: 116_000 }), makeStep({ area: 'forearms', side: 'left', doneMs: 116_000 }), makeStep({ area: 'forearms', side: 'right', doneMs: 116_000 })];
  addRecords(store, [makeRecord({ startedAt: STARTED, tzOffsetMin: 60, steps })], NOW);
  savePlan(store, makePlan({ weeklyTarget: 1 }));
  const sim = await bootWatch({ startTime: NOW, settings: store.snapshot(), launch: false, language });
  sim.side.openSettings();
  return sim;
}

const CASES = [
  { language: 'en-US', last: 'Last session: 2026-11-29 16:40 · Desk reset · 5:48 · completed', target: 'Weekly target: 1 session', area: 'Neck area' },
  { language: 'de-DE', last: 'Letzte Einheit: 29.11.2026 16:40 · Schreibtisch-Reset · 5:48 · abgeschlossen', target: 'Wochenziel: 1 Einheit', area: 'Bereich Nacken' },
  { language: 'zh-CN', last: '上次练习：2026年11月29日 16:40 · ', target: '每周目标：1 次', area: '颈部' },
] as const;

describe('Settings App locale (built)', () => {
  for (const c of CASES) {
    it(`locale - ${c.language}: the last session's date and massage time, a one-session target and area labels in the language`, async () => {
      const sim = await openIn(c.language);
      const text = sim.side.settingsText();
      expect(text).toContain(c.last);
      const labels = [...sim.side.findSettings('', 'Slider'), ...sim.side.findSettings('', 'Select')].map((n) => String(n.attrs.label));
      expect(labels).toContain(c.target);
      expect(labels).toContain(c.area);
      expect(labels.join(' ')).not.toContain('颈部部位');
      expect(text).not.toContain('颈部部位');
    });
  }

  it('locale - zh-CN: the massage time reads 5:48 as on the watch, then the outcome in Chinese', async () => {
    const sim = await openIn('zh-CN');
    expect(sim.side.settingsText()).toContain('5:48 · 已完成');
  });
});
