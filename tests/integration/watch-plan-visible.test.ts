// The therapist's plan visible where it acts, on the BUILT app, round and square, in all three
// languages: each step's hint (built-in, or typed in a custom routine) and the therapist's
// technique note on the Session page and on Before-you-start; a focus note only for the areas of
// this routine that got more time, "avoid" only for routines that contain the area; Home lists the
// assigned routines first (★, with a legend), then the last used, then the rest. Texts come from
// the .po files and the routine definitions; times from the focus rule (+50 %, up to a whole 5 s).
import { describe, expect, it } from 'vitest';
import { LIBRARY_MESSAGES } from '../../core/routines/library';
import type { TherapistPlan } from '../../core/routines/model';
import { makePlan, makeRoutine } from '../fixtures/plans';
import { LANGS, watchT } from '../fixtures/po';
import type { Lang } from '../fixtures/po';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;

const SHAPES = [
  ['round', 'balance-3.7'],
  ['square', 'gts4-3.6'],
] as const;

async function boot(profile: string, language: Lang, plan: TherapistPlan | null, storage: Record<string, string> = {}): Promise<Sim> {
  const planJson = plan === null ? null : JSON.stringify(plan);
  const store = planJson === null ? storage : { ...storage, plan: planJson };
  return bootWatch({ profile, language, advance: 500, storage: store, ...(planJson === null ? {} : { settings: { plan: planJson } }) });
}

/** Every text on the page, the parts scrolled below the screen included. */
function allText(sim: Sim): string {
  return sim.device.texts().join(' | ');
}

/** A hint as the Session page may show it: whole, or its beginning then "…" when it does not fit. */
function showsHint(texts: readonly string[], hint: string): boolean {
  return texts.some((text) => text.includes(hint) || (text.endsWith('…') && text.length > 20 && hint.startsWith(text.slice(0, -1).trim())));
}

describe('plan visible - hints', () => {
  for (const [shape, profile] of SHAPES) {
    for (const language of LANGS) {
      const t = watchT(language);
      it(`hints - Desk reset's step hints show on Before-you-start and, for the current step, on the Session page (${shape}, ${language})`, async () => {
        const sim = await boot(profile, language, null);
        sim.device.click(t('routine.desk-reset'));
        await sim.clock.advance(200);
        const neck = t('hint.neck.slow-circles');
        const traps = t('hint.upper-trapezius.squeeze');
        // Each area's hint once on Before (left and right share it).
        const before = allText(sim);
        for (const id of ['hint.neck.slow-circles', 'hint.upper-trapezius.squeeze', 'hint.shoulders.palm-circles', 'hint.forearms.thumb-strokes']) {
          expect(before.split(t(id)).length - 1, id).toBe(1);
          expect(LIBRARY_MESSAGES[id]).toBeDefined();
        }
        sim.device.click(t('before.start'));
        await sim.clock.advance(10_000);
        expect(showsHint(sim.device.texts(), neck)).toBe(true);
        expect(showsHint(sim.device.texts(), traps)).toBe(false);
        sim.device.click(t('session.skip'));
        await sim.clock.advance(1_500);
        expect(showsHint(sim.device.texts(), traps)).toBe(true);
        expect(showsHint(sim.device.texts(), neck)).toBe(false);
      });
    }
  }

  for (const [shape, profile] of SHAPES) {
    it(`hints - a custom routine's typed hint and the therapist's technique note for the area show on both pages (${shape})`, async () => {
      const custom = makeRoutine({
        id: 'my-neck',
        name: 'My neck',
        steps: [{ area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: 'Chin down, slow' }],
      });
      const plan = makePlan({ focusAreas: [], avoidAreas: [], customRoutines: [custom], assignedRoutineIds: ['my-neck'], advice: [{ area: 'neck', tool: 'hands', technique: 'Strokes toward the shoulder' }] });
      const sim = await boot(profile, 'en-US', plan);
      sim.device.click('My neck');
      await sim.clock.advance(200);
      expect(allText(sim)).toContain('Chin down, slow');
      expect(allText(sim)).toContain('Strokes toward the shoulder');
      sim.device.click('Start');
      await sim.clock.advance(8_000);
      const texts = sim.device.texts();
      expect(showsHint(texts, 'Chin down, slow')).toBe(true);
      expect(texts.join(' ')).toContain('Therapist: Strokes toward the shoulder');
    });
  }
});

describe('plan visible - focus and avoid only where they apply', () => {
  // Focus on neck and feet, avoid lower back and forearms.
  const plan = makePlan({ focusAreas: ['neck', 'feet'], avoidAreas: ['lower-back', 'forearms'], assignedRoutineIds: [], customRoutines: [] });
  for (const [shape, profile] of SHAPES) {
    for (const language of LANGS) {
      const t = watchT(language);
      const focus = (area: string, seconds: number) => t('before.focus', { area: t(`area.${area}`), seconds });
      const avoid = (area: string) => t('before.avoid', { areas: t(`area.${area}`) });
      const focusPrefix = t('before.focus').split('{area}')[0] ?? '';
      const avoidPrefix = t('before.avoid').split('{areas}')[0] ?? '';

      it(`focus/avoid - Before-you-start notes only the focus areas that got time and the avoided areas the routine has (${shape}, ${language})`, async () => {
        const sim = await boot(profile, language, plan);
        // Desk reset: neck 60 s → 90 s (+30 s); forearms left out; no feet, no lower back in it.
        sim.device.click(t('routine.desk-reset'));
        await sim.clock.advance(200);
        let text = allText(sim);
        expect(text).toContain(focus('neck', 30));
        expect(text).toContain(avoid('forearms'));
        expect(text.split(focusPrefix).length - 1).toBe(1);
        expect(text.split(avoidPrefix).length - 1).toBe(1);
        expect(text).not.toContain(t('area.lower-back'));
        expect(text).not.toContain(t('area.feet'));
        sim.device.back();
        await sim.clock.advance(200);
        // Tired feet: feet 90 s → 135 s twice and 45 s → 70 s twice (+140 s); nothing to avoid.
        sim.device.click(t('routine.tired-feet'));
        await sim.clock.advance(200);
        text = allText(sim);
        expect(text).toContain(focus('feet', 140));
        expect(text.split(focusPrefix).length - 1).toBe(1);
        expect(text).not.toContain(avoidPrefix.trim());
        sim.device.back();
        await sim.clock.advance(200);
        // Typing hands: forearms are avoided (left out); hands are not a focus area.
        sim.device.click(t('routine.typing-hands'));
        await sim.clock.advance(200);
        text = allText(sim);
        expect(text).toContain(avoid('forearms'));
        expect(text).not.toContain(focusPrefix.trim());
      });
    }
  }
});

describe('plan visible - Home order', () => {
  for (const [shape, profile] of SHAPES) {
    for (const language of LANGS) {
      const t = watchT(language);
      const name = (id: string) => t(`routine.${id}`);
      it(`home - the therapist's routines first with ★ and a legend, then the last used, then the rest (${shape}, ${language})`, async () => {
        const plan = makePlan({ assignedRoutineIds: ['tired-feet', 'after-a-walk'], customRoutines: [], focusAreas: [], avoidAreas: [] });
        const sim = await boot(profile, language, plan, { 'knead.last-routine': 'typing-hands' });
        await sim.clock.advance(1_000);
        const texts = sim.device.texts();
        const at = (text: string) => texts.indexOf(text);
        const feet = at(t('home.assigned', { name: name('tired-feet') }));
        const walk = at(t('home.assigned', { name: name('after-a-walk') }));
        const legend = at(t('home.legend'));
        const last = at(t('home.again', { name: name('typing-hands') }));
        const rest = ['desk-reset', 'lower-back-unwind', 'between-appointments'].map((id) => at(name(id)));
        expect([feet, walk, legend, last].every((i) => i >= 0)).toBe(true);
        expect(feet).toBeLessThan(walk);
        expect(walk).toBeLessThan(legend);
        expect(legend).toBeLessThan(last);
        for (const i of rest) expect(i).toBeGreaterThan(last);
        // Each routine once: the last used is not repeated among the rest, the assigned not either.
        expect(texts.filter((x) => x.includes(name('typing-hands'))).length).toBe(1);
        expect(texts.filter((x) => x.includes(name('tired-feet'))).length).toBe(1);
      });
    }
  }

  it('home - without assigned routines there is no ★ and no legend; the last used comes first', async () => {
    const sim = await boot('balance-3.7', 'en-US', null, { 'knead.last-routine': 'after-a-walk' });
    await sim.clock.advance(1_000);
    const texts = sim.device.texts();
    expect(texts.some((x) => x.includes('★'))).toBe(false);
    const routines = texts.filter((x) => ['Desk reset', 'Typing hands', 'Tired feet', '▶ After a walk'].some((n) => x === n));
    expect(routines[0]).toBe('▶ After a walk');
  });

  it('home - the last used routine that is also assigned stays with the assigned, marked ★, once', async () => {
    const plan = makePlan({ assignedRoutineIds: ['desk-reset'], customRoutines: [], focusAreas: [], avoidAreas: [] });
    const sim = await boot('gts4-3.6', 'en-US', plan, { 'knead.last-routine': 'desk-reset' });
    await sim.clock.advance(1_000);
    const texts = sim.device.texts();
    expect(texts.filter((x) => x.includes('Desk reset'))).toEqual(['★ Desk reset']);
  });
});
