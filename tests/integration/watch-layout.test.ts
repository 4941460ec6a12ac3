// Every watch page, with real content from a real session, on every screen size and in every
// language: nothing wider than the screen, no text cut short, nothing cut by a round edge.
import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { layoutProblems } from '../fixtures/layout-check';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;

function check(sim: Sim, where: string): void {
  const screen = { width: sim.profile.width, height: sim.profile.height, round: sim.profile.shape === 'round' };
  expect(layoutProblems(sim.device.widgets(), screen), `${sim.profile.id} ${sim.language} ${where}`).toEqual([]);
}

const PROFILES = ['falcon-3.6', 'cheetah-round-3.6', 'gtr4-3.6', 'balance-3.7', 'gts4-3.6'];
const LANGUAGES = ['en-US', 'de-DE', 'zh-CN'];

describe('watch layout', () => {
  for (const profile of PROFILES) {
    for (const language of LANGUAGES) {
      it(`layout - ${profile} ${language}: every page of a whole session fits the screen`, async () => {
        const sim = await bootWatch({ profile, language, advance: 1_000 });
        check(sim, 'home');
        // The first routine button after the header opens Before you start.
        const routine = sim.device.widgets().find((w) => w.type === 'BUTTON' && w.props['normal_color'] !== undefined && w.text !== '');
        expect(routine).toBeDefined();
        sim.device.open('page/before/index.page', JSON.stringify({ routineId: 'desk-reset' }));
        await sim.clock.advance(100);
        check(sim, 'before');
        sim.device.open('page/session/index.page', JSON.stringify({ routineId: 'desk-reset' }));
        await sim.clock.advance(8_000);
        check(sim, 'session');
        await sim.clock.advance(400_000);
        expect(sim.device.currentPage()?.path).toContain('checkin');
        check(sim, 'checkin');
        const firstArea = sim.device.widgets().find((w) => w.type === 'BUTTON' && /\d/.test(w.text));
        if (firstArea !== undefined) sim.device.clickWidget(firstArea.id);
        await sim.clock.advance(100);
        check(sim, 'checkin after a tap');
        sim.device.open('page/summary/index.page');
        await sim.clock.advance(500);
        check(sim, 'summary');
        sim.device.open('page/history/index.page');
        await sim.clock.advance(100);
        check(sim, 'history');
        sim.device.open('page/settings/index.page');
        await sim.clock.advance(100);
        check(sim, 'settings');
      });
    }
  }
});
