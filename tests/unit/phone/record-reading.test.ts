// How the phone reads what a record carries, one rule each (docs/core.md "The report for the
// therapist"): the check-in (sides differ, the score that wins, the areas that hurt, whether
// anything was rated), the tool of each recorded step (records do not carry tools: they are read
// from the routine the session ran) and the progression answers (each week once, the newest
// record's copy wins).

import { describe, expect, it } from 'vitest';
import { hurtAreas, painScoreOf, sidesDiffer, wasRated } from '../../../core/phone/checkin-reading';
import { toolsOfSession } from '../../../core/phone/report-tools';
import { answerLine, progressionAnswers } from '../../../core/phone/progression-lines';
import { englishT } from '../../../core/phone/messages';
import type { Routine } from '../../../core/routines/model';
import { makePlan } from '../../fixtures/plans';
import { makeCheckIn, makeRecord, makeStep } from '../../fixtures/records';

/** Local day number of a UTC date (days since 1970-01-01). */
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

describe('check-in reading', () => {
  it('sides differ - the old flag, or a named tighter side; "same" and nothing said are not a difference', () => {
    expect(sidesDiffer({ area: 'forearms', sidesDiffer: true })).toBe(true);
    expect(sidesDiffer({ area: 'forearms', tighterSide: 'left' })).toBe(true);
    expect(sidesDiffer({ area: 'forearms', tighterSide: 'right' })).toBe(true);
    expect(sidesDiffer({ area: 'forearms', tighterSide: 'same' })).toBe(false);
    expect(sidesDiffer({ area: 'forearms', sidesDiffer: false })).toBe(false);
    expect(sidesDiffer({ area: 'forearms' })).toBe(false);
  });

  it('pain score - the phone\'s score wins over the watch\'s; without one on the phone the watch\'s stands', () => {
    const record = makeRecord({ status: 'pain', painStepIndex: 0, painScore: 4 });
    expect(painScoreOf(record, new Map([[record.id, 7]]))).toBe(7);
    expect(painScoreOf(record, new Map([[record.id, 0]]))).toBe(0);
    expect(painScoreOf(record, new Map([['another-session', 7]]))).toBe(4);
    expect(painScoreOf(record, undefined)).toBe(4);
    const unscored = makeRecord({ status: 'pain', painStepIndex: 0 });
    expect(painScoreOf(unscored, new Map())).toBeUndefined();
  });

  it('areas that hurt - old pain ticks and the "anything hurt?" area, each once; no area named, none added', () => {
    const ticks = [makeCheckIn({ area: 'neck', pain: true }), makeCheckIn({ area: 'forearms', pain: false }), makeCheckIn({ area: 'hands', pain: true })];
    expect(hurtAreas(makeRecord({ checkIn: ticks }))).toEqual(['neck', 'hands']);
    expect(hurtAreas(makeRecord({ checkIn: ticks, hurt: true, hurtArea: 'feet' }))).toEqual(['neck', 'hands', 'feet']);
    expect(hurtAreas(makeRecord({ checkIn: ticks, hurt: true, hurtArea: 'neck' }))).toEqual(['neck', 'hands']);
    expect(hurtAreas(makeRecord({ checkIn: [], hurt: true }))).toEqual([]);
    expect(hurtAreas(makeRecord({ checkIn: [], hurt: false }))).toEqual([]);
  });

  it('rated - any area detail, a feeling or an answer to "anything hurt?" (even no) is rated; a skipped check-in is not', () => {
    expect(wasRated(makeRecord({ checkIn: [{ area: 'neck' }] }))).toBe(true);
    expect(wasRated(makeRecord({ checkIn: [], feeling: 'same' }))).toBe(true);
    expect(wasRated(makeRecord({ checkIn: [], hurt: false }))).toBe(true);
    expect(wasRated(makeRecord({ checkIn: [] }))).toBe(false);
  });
});

describe('tools of a recorded session', () => {
  it('tools - each recorded step takes the tool of the routine\'s step with its area and side (Desk reset: hands throughout)', () => {
    const record = makeRecord({ routineId: 'desk-reset', steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left' })] });
    expect(toolsOfSession(record, null)).toEqual(['hands', 'hands']);
  });

  it('tools - a custom routine of the plan is read; steps the watch left out do not shift the tools of the rest', () => {
    const custom: Routine = {
      id: 'custom-mix',
      name: 'Mix',
      steps: [
        { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' },
        { area: 'feet', side: 'left', seconds: 60, tool: 'massage-ball', hint: '' },
        { area: 'calves', side: 'left', seconds: 60, tool: 'foam-roller', hint: '' },
        { area: 'neck', side: 'both', seconds: 60, tool: 'other', hint: '' },
      ],
    };
    const plan = makePlan({ customRoutines: [custom] });
    // The feet step was left out (an avoided area): the calves step still gets the foam roller, the
    // second neck step the other tool, in order.
    const record = makeRecord({ routineId: 'custom-mix', steps: [makeStep({ area: 'neck' }), makeStep({ area: 'calves', side: 'left' }), makeStep({ area: 'neck' })] });
    expect(toolsOfSession(record, plan)).toEqual(['hands', 'foam-roller', 'other']);
    // A step the routine does not have (here on the other side) has no tool; the next steps still match.
    const odd = makeRecord({ routineId: 'custom-mix', steps: [makeStep({ area: 'feet', side: 'right' }), makeStep({ area: 'calves', side: 'left' })] });
    expect(toolsOfSession(odd, plan)).toEqual([undefined, 'foam-roller']);
  });

  it('tools - a routine no longer on the phone (deleted, or no plan) gives no tools at all', () => {
    const record = makeRecord({ routineId: 'custom-gone' });
    expect(toolsOfSession(record, null)).toBeNull();
    expect(toolsOfSession(record, makePlan({ customRoutines: [] }))).toBeNull();
  });
});

describe('progression answers on the phone', () => {
  const week1 = dayOf(2026, 11, 2);
  const week2 = dayOf(2026, 11, 9);
  const week3 = dayOf(2026, 11, 16);

  it('progression - each week once, the newest record\'s copy wins, oldest week first whatever the record order', () => {
    const older = makeRecord({ startedAt: Date.UTC(2026, 10, 10, 8), progression: [{ week: week2, choice: 'declined' }, { week: week1, choice: 'accepted' }] });
    const newer = makeRecord({ startedAt: Date.UTC(2026, 10, 17, 8), progression: [{ week: week2, choice: 'accepted' }, { week: week3, choice: 'accepted', area: 'hips' }] });
    const expected = [{ week: week1, choice: 'accepted' }, { week: week2, choice: 'accepted' }, { week: week3, choice: 'accepted', area: 'hips' }];
    expect(progressionAnswers([older, newer])).toEqual(expected);
    expect(progressionAnswers([newer, older])).toEqual(expected);
    expect(progressionAnswers([makeRecord()])).toEqual([]);
  });

  it('progression - a line says the week, the offer (more time or the area) and the answer', () => {
    expect(answerLine({ week: week3, choice: 'accepted', area: 'hips' }, englishT)).toBe('Week of 2026-11-16: one more area (Hips), accepted');
    expect(answerLine({ week: week3, choice: 'declined' }, englishT)).toBe('Week of 2026-11-16: a little more time (+10 %), declined');
  });
});
