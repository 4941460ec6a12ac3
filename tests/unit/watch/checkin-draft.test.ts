// The ten-second check-in's draft (core/watch/checkin.ts), from the product description: a first
// screen (overall feeling; anything hurt → where, which side, 0-10), per-area detail on request
// (tightness in words, which side is tighter on paired areas, new soreness), and "unrated stays
// unrated": only what the person touched is in the record, and a second tap takes an answer back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerHurt,
  chooseFeeling,
  chooseHurtArea,
  chooseHurtSide,
  choosePainScore,
  chooseTighterSide,
  chooseTightness,
  draftAnswers,
  emptyDraft,
  sessionAreas,
  toggleNewSoreness,
} from '../../../core/watch/checkin';
import type { CheckInDraft } from '../../../core/watch/checkin';
import { withCheckIn } from '../../../core/records/record';
import { validateRecord } from '../../../core/records/record-validation';
import type { Area, Feeling, TighterSide, Tightness } from '../../../core/routines/model';
import { makeRecord, makeStep } from '../../fixtures/records';

// Neck (no sides) and forearms left and right, unrated.
const record = makeRecord({ checkIn: [], notes: [] });

describe('check-in draft - first screen', () => {
  it('check-in - an untouched draft answers nothing: no ratings, no notes, no first-screen fields', () => {
    expect(draftAnswers(emptyDraft())).toEqual({ checkIns: [], notes: [], answers: {} });
  });

  it('check-in - overall feeling is one tap; the same tap again takes it back, another answer replaces it', () => {
    const better = chooseFeeling(emptyDraft(), 'better');
    expect(better.feeling).toBe('better');
    expect(chooseFeeling(better, 'worse').feeling).toBe('worse');
    expect('feeling' in chooseFeeling(better, 'better')).toBe(false);
  });

  it('check-in - "anything hurt? yes" then area, side and score: three more taps, all recorded', () => {
    let draft = answerHurt(emptyDraft(), true);
    draft = chooseHurtArea(draft, 'forearms');
    draft = chooseHurtSide(draft, 'left');
    draft = choosePainScore(draft, 7);
    expect(draftAnswers(draft).answers).toEqual({ hurt: true, hurtArea: 'forearms', hurtSide: 'left', painScore: 7 });
  });

  it('check-in - "no" after "yes" forgets where and how much (nothing hurt has no area or score)', () => {
    const yes = choosePainScore(chooseHurtArea(answerHurt(emptyDraft(), true), 'neck'), 3);
    expect(draftAnswers(answerHurt(yes, false)).answers).toEqual({ hurt: false });
    expect(draftAnswers(answerHurt(yes, true)).answers).toEqual({});
  });

  it('check-in - where, side and score wait for a "yes"; a side only for an area with two sides', () => {
    expect(chooseHurtArea(emptyDraft(), 'neck')).toEqual(emptyDraft());
    expect(choosePainScore(emptyDraft(), 5)).toEqual(emptyDraft());
    const neck = chooseHurtArea(answerHurt(emptyDraft(), true), 'neck');
    expect(chooseHurtSide(neck, 'left')).toEqual(neck);
    const left = chooseHurtSide(chooseHurtArea(neck, 'forearms'), 'left');
    expect(left.hurtSide).toBe('left');
    // Another area: the side chosen for the first one no longer applies.
    expect('hurtSide' in chooseHurtArea(left, 'neck')).toBe(false);
  });

  it('check-in - any score from 0 to 10 is one tap; 0 is an answer, not "unrated"; outside the scale is ignored', () => {
    const yes = answerHurt(emptyDraft(), true);
    for (let n = 0; n <= 10; n += 1) expect(choosePainScore(yes, n).painScore).toBe(n);
    expect(choosePainScore(yes, 11)).toEqual(yes);
    expect(choosePainScore(yes, -1)).toEqual(yes);
    expect('painScore' in choosePainScore(choosePainScore(yes, 0), 0)).toBe(false);
  });

  it('check-in - the areas offered for "where" are every area of the session, once, in order', () => {
    const r = makeRecord({ steps: [makeStep({ area: 'feet', side: 'left' }), makeStep({ area: 'neck', doneMs: 0, skipped: true }), makeStep({ area: 'feet', side: 'right' })] });
    expect(sessionAreas(r)).toEqual(['feet', 'neck']);
  });
});

describe('check-in draft - detail on request', () => {
  it('check-in - rating one area\'s tightness records that area with only that field; the others stay absent', () => {
    const draft = chooseTightness(emptyDraft(), 'forearms', 2);
    expect(draft.areas).toEqual([{ area: 'forearms', tightness: 2 }]);
    expect(chooseTightness(draft, 'forearms', 3).areas).toEqual([{ area: 'forearms', tightness: 3 }]);
  });

  it('check-in - taking back the only answer of an area removes the area: it reads "not rated", not "none"', () => {
    expect(chooseTightness(chooseTightness(emptyDraft(), 'neck', 0), 'neck', 0).areas).toEqual([]);
    expect(chooseTightness(emptyDraft(), 'neck', 0).areas).toEqual([{ area: 'neck', tightness: 0 }]);
  });

  it('check-in - which side is tighter (left / right / same) only on an area with two sides', () => {
    expect(chooseTighterSide(emptyDraft(), 'forearms', 'right').areas).toEqual([{ area: 'forearms', tighterSide: 'right' }]);
    expect(chooseTighterSide(emptyDraft(), 'forearms', 'same').areas).toEqual([{ area: 'forearms', tighterSide: 'same' }]);
    expect(chooseTighterSide(emptyDraft(), 'neck', 'left').areas).toEqual([]);
  });

  it('check-in - new soreness is a tick: ticked is true, unticked is absent again', () => {
    const sore = toggleNewSoreness(chooseTightness(emptyDraft(), 'neck', 1), 'neck');
    expect(sore.areas).toEqual([{ area: 'neck', tightness: 1, newSoreness: true }]);
    expect(toggleNewSoreness(sore, 'neck').areas).toEqual([{ area: 'neck', tightness: 1 }]);
  });
});

type Tap =
  | { readonly kind: 'feeling'; readonly value: Feeling }
  | { readonly kind: 'hurt'; readonly value: boolean }
  | { readonly kind: 'where'; readonly value: Area }
  | { readonly kind: 'side'; readonly value: 'left' | 'right' }
  | { readonly kind: 'score'; readonly value: number }
  | { readonly kind: 'tightness'; readonly area: Area; readonly value: Tightness }
  | { readonly kind: 'tighter'; readonly area: Area; readonly value: TighterSide }
  | { readonly kind: 'sore'; readonly area: Area };

const areaArb = fc.constantFrom<Area>('neck', 'forearms');
const tapArb: fc.Arbitrary<Tap> = fc.oneof(
  fc.record({ kind: fc.constant('feeling' as const), value: fc.constantFrom<Feeling>('better', 'same', 'worse') }),
  fc.record({ kind: fc.constant('hurt' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant('where' as const), value: areaArb }),
  fc.record({ kind: fc.constant('side' as const), value: fc.constantFrom<'left' | 'right'>('left', 'right') }),
  fc.record({ kind: fc.constant('score' as const), value: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ kind: fc.constant('tightness' as const), area: areaArb, value: fc.constantFrom<Tightness>(0, 1, 2, 3) }),
  fc.record({ kind: fc.constant('tighter' as const), area: areaArb, value: fc.constantFrom<TighterSide>('left', 'right', 'same') }),
  fc.record({ kind: fc.constant('sore' as const), area: areaArb }),
);

function tap(draft: CheckInDraft, t: Tap): CheckInDraft {
  switch (t.kind) {
    case 'feeling': return chooseFeeling(draft, t.value);
    case 'hurt': return answerHurt(draft, t.value);
    case 'where': return chooseHurtArea(draft, t.value);
    case 'side': return chooseHurtSide(draft, t.value);
    case 'score': return choosePainScore(draft, t.value);
    case 'tightness': return chooseTightness(draft, t.area, t.value);
    case 'tighter': return chooseTighterSide(draft, t.area, t.value);
    case 'sore': return toggleNewSoreness(draft, t.area);
  }
}

describe('check-in draft - property', () => {
  it('check-in - any sequence of taps gives a record the shared validator accepts, holding exactly the answers given', () => {
    fc.assert(
      fc.property(fc.array(tapArb, { maxLength: 25 }), (taps) => {
        const draft = taps.reduce(tap, emptyDraft());
        const { checkIns, notes, answers } = draftAnswers(draft);
        const saved = withCheckIn(record, checkIns, notes, answers);
        expect(saved.ok).toBe(true);
        if (!saved.ok) return;
        expect(validateRecord(JSON.parse(JSON.stringify(saved.value)))).toEqual({ ok: true, value: saved.value });
        expect(saved.value.checkIn).toEqual(checkIns);
        for (const key of ['feeling', 'hurt', 'hurtArea', 'hurtSide', 'painScore'] as const) {
          expect(saved.value[key]).toBe(answers[key]);
          // Untouched is absent (not undefined-valued, not 0): JSON has no such key.
          if (answers[key] === undefined) expect(key in saved.value).toBe(false);
        }
        for (const c of saved.value.checkIn) expect(Object.keys(c).length).toBeGreaterThan(1);
      }),
    );
  });
});
