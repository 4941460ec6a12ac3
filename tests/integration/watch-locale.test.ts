// The BUILT watch pages write dates, counts and lists the way each language does (expected strings
// written by hand): German "29.11. 16:40", Chinese "11月29日 16:40" and "颈部、前臂", "1 step".
import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { makeRecord, makeStep } from '../fixtures/records';
import { makePlan, makeRoutine } from '../fixtures/plans';
import { splitWords } from '../fixtures/layout-check';
import { LIBRARY } from '../../core/routines/library';

autoCheckErrors();
// No phone: the watch keeps the plan it has (a phone without a plan would clear it at sync).

// 2026-11-29 15:40 UTC, lived at UTC+1: 16:40 on 29 November.
const STARTED = Date.UTC(2026, 10, 29, 15, 40);
const NOW = STARTED + 3_600_000;

interface Expected {
  readonly historyDate: string;
  readonly oneStep: string;
  readonly done: string;
  readonly avoid: string;
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  'en-US': { historyDate: 'Nov 29 16:40', oneStep: '1 step · 1:00', done: 'Done: Neck, Forearms, Feet', avoid: 'Therapist: avoid Neck, Shoulders.' },
  'de-DE': { historyDate: '29.11. 16:40', oneStep: '1 Schritt · 1:00', done: 'Erledigt: Nacken, Unterarme, Füße', avoid: 'Therapeut: Nacken, Schultern meiden.' },
  'zh-CN': { historyDate: '11月29日 16:40', oneStep: '1 步 · 1:00', done: '颈部、前臂、足部', avoid: '避开颈部、肩部' },
};

const PROFILES = ['gtr4-3.6', 'gts4-3.6'];

function storage(): Record<string, string> {
  const record = makeRecord({
    startedAt: STARTED,
    tzOffsetMin: 60,
    steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left' }), makeStep({ area: 'feet', side: 'right' })],
  });
  const recent = [{ id: record.id, routineId: record.routineId, routineName: record.routineName, startedAt: record.startedAt, endedAt: record.endedAt, tzOffsetMin: 60, status: record.status, sync: 'sent' }];
  // One custom routine of a single step, and the plan avoids two areas of Desk reset (and lower
  // back, which Desk reset does not have, so its Before page does not name it).
  const plan = makePlan({
    focusAreas: ['forearms'],
    avoidAreas: ['lower-back', 'neck', 'shoulders'],
    assignedRoutineIds: ['one-step'],
    customRoutines: [makeRoutine({ id: 'one-step', name: 'One step', steps: [{ area: 'calves', side: 'both', seconds: 60, tool: 'hands', hint: '' }] })],
  });
  return { outbox: JSON.stringify({ v: 1, pending: [], rejected: [], recent }), 'knead.last-summary': JSON.stringify(record), plan: JSON.stringify(plan) };
}

describe('watch locale', () => {
  for (const profile of PROFILES) {
    for (const language of Object.keys(EXPECTED)) {
      const want = EXPECTED[language] as Expected;
      it(`locale - ${profile} ${language}: History dates, a one-step total and area lists in the language`, async () => {
        const sim = await bootWatch({ profile, language, startTime: NOW, storage: storage(), sideService: false, advance: 1_000 });
        sim.device.open('page/history/index.page');
        await sim.clock.advance(200);
        const texts = (): string[] => sim.device.widgets().map((w) => w.text);
        expect(texts().some((text) => text.startsWith(`${want.historyDate} `)), texts().join(' | ')).toBe(true);

        sim.device.open('page/before/index.page', JSON.stringify({ routineId: 'one-step' }));
        await sim.clock.advance(200);
        expect(texts(), texts().join(' | ')).toContain(want.oneStep);

        sim.device.open('page/before/index.page', JSON.stringify({ routineId: 'desk-reset' }));
        await sim.clock.advance(200);
        expect(texts().some((text) => text.includes(want.avoid)), texts().join(' | ')).toBe(true);

        sim.device.open('page/summary/index.page');
        await sim.clock.advance(200);
        expect(texts().some((text) => text.includes(want.done)), texts().join(' | ')).toBe(true);
      });
    }
  }
});

describe('watch titles keep whole words', () => {
  // The narrowest round and square screens, and the design round one.
  for (const profile of ['falcon-3.6', 'gtr4-3.6', 'gts4-3.6']) {
    for (const language of Object.keys(EXPECTED)) {
      it(`locale - ${profile} ${language}: no word of any routine's Before page is wider than its text box`, async () => {
        const sim = await bootWatch({ profile, language, startTime: NOW, sideService: false, advance: 500 });
        for (const routine of LIBRARY) {
          sim.device.open('page/before/index.page', JSON.stringify({ routineId: routine.id }));
          await sim.clock.advance(100);
          const split = sim.device.widgets()
            .filter((w) => w.type === 'TEXT' && w.visible)
            .flatMap((w) => splitWords(w.text, typeof w.props['text_size'] === 'number' ? w.props['text_size'] : 24, w.bounds.w).map((word) => `${routine.id}: "${word}" in "${w.text}"`));
          expect(split).toEqual([]);
        }
      });
    }
  }
});
