// The watch pages' small rules, from the product description: the check-in draft (one rating per
// area worked, preset notes; the rest of the draft is in checkin-draft.test.ts), clock and date text, API-level choices
// and the Settings rows' cycles. Expected values are written out, not computed with the code.
import { describe, expect, it } from 'vitest';
import { areasDone, areasSkipped, emptyDraft, toggleNote } from '../../../core/watch/checkin';
import { formatClock, remainingSessionMs } from '../../../core/watch/format';
import { fill } from '../../../core/kernel/template';
import { cueHostFor, keepLitMs, parseApiLevel, supportsSceneArrays } from '../../../core/watch/api-level';
import { clampLeadIn, nextIntensity, nextLeadIn, nextScreen, parseSettings } from '../../../core/settings/watch-settings';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { makeRecord, makeStep } from '../../fixtures/records';

const worked = makeRecord({
  steps: [
    makeStep({ area: 'neck', side: 'both' }),
    makeStep({ area: 'forearms', side: 'left', skipped: true, doneMs: 10_000 }),
    makeStep({ area: 'forearms', side: 'right' }),
    makeStep({ area: 'calves', side: 'left', skipped: true, doneMs: 0 }),
    makeStep({ area: 'calves', side: 'right', doneMs: 0 }),
    makeStep({ area: 'neck', side: 'both' }),
    makeStep({ area: 'hands', side: 'both', skipped: true, doneMs: 0 }),
  ],
});

describe('check-in draft', () => {
  it('check-in - rates each area worked once, in session order; a skipped side still counts when the other was done', () => {
    expect(areasDone(worked)).toEqual(['neck', 'forearms']);
  });

  it('check-in - areas with no time done are listed as skipped, once each, in order', () => {
    expect(areasSkipped(worked)).toEqual(['calves', 'hands']);
  });

  it('check-in - a preset note is added by a tap and removed by the next, others kept in order', () => {
    const two = toggleNote(toggleNote(emptyDraft(), 'felt-good'), 'slept-badly');
    expect(two.notes).toEqual(['felt-good', 'slept-badly']);
    expect(toggleNote(two, 'felt-good').notes).toEqual(['slept-badly']);
  });
});

describe('watch text', () => {
  it('formatClock - minutes and two-digit seconds, rounded up so time left never shows 0:00', () => {
    expect(formatClock(9_000)).toBe('0:09');
    expect(formatClock(10_000)).toBe('0:10');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(600_000)).toBe('10:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('fill - a zero is written, not dropped', () => {
    expect(fill('{done} of {target}', { done: 0, target: 3 })).toBe('0 of 3');
  });

  it('remainingSessionMs - during the lead-in the first step is still to come; later only the steps after this one', () => {
    expect(remainingSessionMs({ remainingMs: 3_000, inLeadIn: true, stepIndex: 0 }, [60, 30])).toBe(93_000);
    expect(remainingSessionMs({ remainingMs: 3_000, inLeadIn: false, stepIndex: 0 }, [60, 30])).toBe(33_000);
    expect(remainingSessionMs({ remainingMs: 3_000, inLeadIn: false, stepIndex: 1 }, [60, 30])).toBe(3_000);
  });
});

describe('API level', () => {
  it('api level - "3.6" and "4.2" read as numbers, with or without a minor part or spaces; anything else is unknown', () => {
    expect(parseApiLevel('3.6')).toBeCloseTo(3.6);
    expect(parseApiLevel(' 4 ')).toBe(4);
    expect(parseApiLevel('10.1')).toBeCloseTo(10.1);
    expect(parseApiLevel(4.2)).toBe(4.2);
    expect(parseApiLevel('v4')).toBeNull();
    expect(parseApiLevel(null)).toBeNull();
  });

  it('api level - vibration scene arrays from 3.6 on; the cue service from 4.0 on', () => {
    expect(supportsSceneArrays(3.6)).toBe(true);
    expect(supportsSceneArrays(3.5)).toBe(false);
    expect(supportsSceneArrays(4.2)).toBe(true);
    expect(cueHostFor(3.9)).toBe('page');
  });

  it('keep-lit - with nothing left, the page stays lit for the one-minute margin', () => {
    expect(keepLitMs(-60_000)).toBe(60_000);
    expect(keepLitMs(0)).toBe(60_000);
  });
});

describe('watch settings rows', () => {
  it('settings - taps cycle intensity gentle → standard → strong → gentle, lead-in by 5 s up to 15 then 0, screen both ways', () => {
    expect([nextIntensity('gentle'), nextIntensity('standard'), nextIntensity('strong')]).toEqual(['standard', 'strong', 'gentle']);
    expect([nextLeadIn(0), nextLeadIn(5), nextLeadIn(10), nextLeadIn(15)]).toEqual([5, 10, 15, 0]);
    expect([nextScreen('keep-on'), nextScreen('allow-off')]).toEqual(['allow-off', 'keep-on']);
  });

  it('settings - lead-in rounds to whole seconds within 0-15; not a number gives the default', () => {
    expect(clampLeadIn(7.4)).toBe(7);
    expect(clampLeadIn(16)).toBe(15);
    expect(clampLeadIn(Number.NaN)).toBe(DEFAULT_SETTINGS.leadInSeconds);
  });

  it('settings - a damaged stored value keeps each readable field and defaults the rest', () => {
    expect(parseSettings(JSON.stringify({ settings: { intensity: 'strong', leadInSeconds: 'ten', halfwayTick: 'yes', screen: 'keep-on' }, updatedAt: 5 }))).toEqual({
      intensity: 'strong',
      leadInSeconds: DEFAULT_SETTINGS.leadInSeconds,
      halfwayTick: DEFAULT_SETTINGS.halfwayTick,
      screen: 'keep-on',
    });
    expect(parseSettings(JSON.stringify([1, 2]))).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
});
