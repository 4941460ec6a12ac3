// Every clickable widget on every watch page can be brought whole onto the screen — inside the
// circle on a round watch — at a scroll position the page can actually reach, on every screen size
// and in every language: after a normal finish, a skipped step, an early stop and a pain stop, with
// the check-in's questions open, and on Home, Before you start, History and Settings (with its
// reminder rows). The rule is the screen's geometry (tests/fixtures/layout-check.ts), not the layout's.
import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { clickableProblems } from '../fixtures/layout-check';
import { deskResetToCheckIn, painStoppedSession, sessionWithSkippedStep, shown, stoppedSession } from '../fixtures/watch-flows';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;

const PROFILES = ['falcon-3.6', 'cheetah-round-3.6', 'gtr4-3.6', 'balance-3.7', 'gts4-3.6'];
const LANGUAGES = ['en-US', 'de-DE', 'zh-CN'];

/** History is read-only (the system's swipe goes back); every other page has something to tap. */
function expectReachable(sim: Sim, where: string, hasButtons = true): void {
  const screen = { width: sim.profile.width, height: sim.profile.height, round: sim.profile.shape === 'round' };
  const widgets = sim.device.widgets();
  expect(widgets.some((w) => w.visible && w.clickable), `${where}: something to tap`).toBe(hasButtons);
  expect(clickableProblems(widgets, screen), `${sim.profile.id} ${sim.language} ${where}`).toEqual([]);
}

async function boot(profile: string, language: string): Promise<Sim> {
  return bootWatch({ profile, language, advance: 1_000 });
}

async function openPage(sim: Sim, path: string, params?: unknown): Promise<void> {
  sim.device.open(path, params === undefined ? undefined : JSON.stringify(params));
  await sim.clock.advance(200);
}

describe('watch clickable widgets', () => {
  for (const profile of PROFILES) {
    for (const language of LANGUAGES) {
      it(`clickable - ${profile} ${language}: every control on Home, Before you start, Session, Settings and History can be scrolled whole into view`, async () => {
        const sim = await boot(profile, language);
        expectReachable(sim, 'home');
        await openPage(sim, 'page/before/index.page', { routineId: 'desk-reset' });
        expectReachable(sim, 'before you start');
        await openPage(sim, 'page/session/index.page', { routineId: 'desk-reset' });
        await sim.clock.advance(8_000);
        expectReachable(sim, 'session, first step running');
        await openPage(sim, 'page/settings/index.page');
        expectReachable(sim, 'settings with its reminder rows');
        await openPage(sim, 'page/history/index.page');
        expectReachable(sim, 'history (empty)', false);
      });

      it(`clickable - ${profile} ${language}: the check-in's buttons, questions open, can be scrolled whole into view`, async () => {
        const sim = await boot(profile, language);
        await deskResetToCheckIn(sim);
        expectReachable(sim, 'check-in');
        sim.device.click(shown(sim, 'checkin.hurt-yes'));
        await sim.clock.advance(100);
        expectReachable(sim, 'check-in, "anything hurt" answered yes');
        sim.device.click(shown(sim, 'checkin.add-detail'));
        await sim.clock.advance(100);
        expectReachable(sim, 'check-in with per-area detail');
      });

      it(`clickable - ${profile} ${language}: Summary's Done can be scrolled whole into view after a finish, a skipped step, an early stop and a pain stop`, async () => {
        const finished = await boot(profile, language);
        await deskResetToCheckIn(finished);
        finished.device.click(shown(finished, 'checkin.skip'));
        await finished.clock.advance(1_000);
        expect(finished.device.currentPage()?.path).toContain('summary');
        expectReachable(finished, 'summary after a normal finish');
        await openPage(finished, 'page/history/index.page');
        expectReachable(finished, 'history with a session', false);

        const skipped = await boot(profile, language);
        await sessionWithSkippedStep(skipped);
        expectReachable(skipped, 'summary after a skipped step');

        const stopped = await boot(profile, language);
        await stoppedSession(stopped);
        expectReachable(stopped, 'summary after an early stop');

        const pain = await boot(profile, language);
        await painStoppedSession(pain);
        expectReachable(pain, 'summary after a pain stop');
      });
    }
  }
});
