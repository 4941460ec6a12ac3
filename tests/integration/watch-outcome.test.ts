// Summaries that agree, on the BUILT bundles: a session with a skipped step and a pain stop read
// the same on the watch Summary, the watch History and the phone's History, on both shapes and in
// all three languages (expected texts written by hand from the product description).
import { beforeAll, describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { painStoppedSession, sessionWithSkippedStep } from '../fixtures/watch-flows';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;
interface Saved {
  readonly storage: Record<string, unknown>;
  readonly settings: Record<string, string>;
}

const save = (sim: Sim): Saved => ({ storage: sim.device.storage() as Record<string, unknown>, settings: sim.side.settingsStorage.toObject() });

/** Per language: how the watch and the phone word the two sessions. */
const WORDS = {
  'en-US': {
    completedSkipped: 'Completed with 1 skipped',
    skipped: 'Skipped: Upper traps left',
    pain: 'Stopped for pain: Neck',
    phoneSkipped: '4:45 · completed with 1 skipped',
    phonePain: '0:30 · stopped for pain: Neck',
  },
  'de-DE': {
    completedSkipped: 'Abgeschlossen, 1 übersprungen',
    skipped: 'Übersprungen: Oberer Trapez links',
    pain: 'Wegen Schmerz gestoppt: Nacken',
    phoneSkipped: '4:45 · abgeschlossen, 1 übersprungen',
    phonePain: '0:30 · wegen Schmerz beendet: Nacken',
  },
  'zh-CN': {
    completedSkipped: '已完成，跳过 1 步',
    skipped: '已跳过：上斜方肌左侧',
    pain: '因疼痛停止：颈部',
    phoneSkipped: '4:45 · 已完成，跳过 1 步',
    phonePain: '0:30 · 因疼痛停止：颈部',
  },
} as const;

const PROFILES = ['balance-3.7', 'gts4-3.6'];
const DANGER = 0xe5484d;

let afterSkip: Saved;
let afterPain: Saved;

beforeAll(async () => {
  // One person's two sessions, run once in English; each case opens the stored result in its language.
  const sim = await bootWatch({ profile: 'balance-3.7', advance: 1_000 });
  await sessionWithSkippedStep(sim);
  await sim.clock.advance(2_000);
  afterSkip = save(sim);
  sim.device.click('Done');
  await sim.clock.advance(500);
  await painStoppedSession(sim);
  await sim.clock.advance(2_000);
  afterPain = save(sim);
});

describe('summaries that agree (built)', () => {
  for (const profile of PROFILES) {
    for (const language of ['en-US', 'de-DE', 'zh-CN'] as const) {
      const words = WORDS[language];
      it(`outcome - ${profile} ${language}: a skipped step is named and the session is not plainly "Completed"`, async () => {
        const sim = await bootWatch({ profile, language, storage: afterSkip.storage, settings: afterSkip.settings, page: 'page/summary/index.page', advance: 500 });
        const texts = sim.device.texts();
        expect(texts).toContain(words.completedSkipped);
        expect(texts).toContain(words.skipped);
        expect(texts.some((text) => text.includes('4:45'))).toBe(true);
      });

      it(`outcome - ${profile} ${language}: a pain stop in its own colour with its area on Summary and History, and the phone says the same`, async () => {
        const sim = await bootWatch({ profile, language, storage: afterPain.storage, settings: afterPain.settings, page: 'page/summary/index.page', advance: 500 });
        const painText = sim.device.widgets().find((w) => w.type === 'TEXT' && w.text === words.pain);
        expect(painText?.props['color']).toBe(DANGER);
        // Its own colour: nothing else on the page is drawn in it.
        expect(sim.device.widgets().filter((w) => w.type === 'TEXT' && w.props['color'] === DANGER).map((w) => w.text)).toEqual([words.pain]);
        sim.device.open('page/history/index.page');
        await sim.clock.advance(200);
        const history = sim.device.widgets().filter((w) => w.type === 'TEXT');
        const painRow = history.find((w) => w.text.startsWith(`${words.pain} · 0:30`));
        expect(painRow?.props['color']).toBe(DANGER);
        expect(history.filter((w) => w.props['color'] === DANGER)).toHaveLength(1);
        expect(history.some((w) => w.text.startsWith(`${words.completedSkipped} · 4:45`))).toBe(true);
        expect(history.map((w) => w.text)).toContain(words.skipped);
        sim.side.openSettings();
        const phone = sim.side.settingsText();
        expect(phone).toContain(words.phoneSkipped);
        expect(phone).toContain(words.phonePain);
        const painButton = sim.side.findSettings(words.phonePain, 'Button')[0];
        expect(painButton?.attrs['style']).toEqual({ color: '#b00020' });
      });
    }
  }

  it('outcome - a pain stop never lists the steps it did not reach as skipped', async () => {
    const sim = await bootWatch({ profile: 'balance-3.7', storage: afterPain.storage, settings: afterPain.settings, page: 'page/summary/index.page', advance: 500 });
    expect(sim.device.texts().some((text) => text.startsWith('Skipped:'))).toBe(false);
    expect(sim.device.texts()).toContain('Massage: 0:30');
  });
});
