// How the report reads pain (docs/core.md "The report for the therapist"): the stop's area and
// side, pain at the check-in with its area and side, each area once, the 0-10 score; "nothing
// hurt" is not pain, and a detail that was not given is left out rather than shown empty.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import { validateRecord } from '../../../core/records/record-validation';
import { makeCheckIn, makeStep } from '../../fixtures/records';
import { deskSession, reportAt, reportInput, reportSection } from '../../fixtures/report-input';

const summaryCaution = (text: string): string | undefined => reportSection(text, 'Summary')[2];

describe('report - pain', () => {
  it('report - "nothing hurt" answered at the check-in is not pain', () => {
    const session = deskSession({ startedAt: reportAt(1), feeling: 'better', hurt: false });
    const text = buildReport(reportInput([session]));
    expect(summaryCaution(text)).toBe('Caution: no pain, no new soreness');
    expect(reportSection(text, 'Pain')).toEqual(['(none in this period)']);
  });

  it('report - a pain stop without a score gives the stop count alone, and pain at the check-in without a score or stop gives no details at all', () => {
    const painStop = deskSession({ startedAt: reportAt(1), status: 'pain', painStepIndex: 1, steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left', doneMs: 10_000 }), makeStep({ area: 'forearms', side: 'right', doneMs: 0 })] });
    expect(summaryCaution(buildReport(reportInput([painStop])))).toBe('Caution: pain in 1 session: Forearms (1 stopped for pain)');
    const ticked = deskSession({ startedAt: reportAt(1), checkIn: [makeCheckIn({ area: 'neck', pain: true })] });
    expect(summaryCaution(buildReport(reportInput([ticked])))).toBe('Caution: pain in 1 session: Neck');
  });

  it('report - a session stopped (not for pain) with pain at the check-in names the area that hurt, not the area it stopped at', () => {
    const stopped = deskSession({
      startedAt: reportAt(1),
      status: 'stopped',
      steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left', doneMs: 20_000 }), makeStep({ area: 'forearms', side: 'right', doneMs: 0 })],
      checkIn: [makeCheckIn({ area: 'neck', pain: true })],
    });
    expect(summaryCaution(buildReport(reportInput([stopped])))).toBe('Caution: pain in 1 session: Neck');
  });

  it('report - a pain stop in the extra time of an extended step (+30 s) names that step, not the next one', () => {
    const extended = deskSession({
      startedAt: reportAt(1),
      status: 'pain',
      painStepIndex: 0,
      painScore: 3,
      steps: [makeStep({ area: 'neck', plannedMs: 60_000, doneMs: 80_000 }), makeStep({ area: 'forearms', side: 'left', doneMs: 0 }), makeStep({ area: 'forearms', side: 'right', doneMs: 0 })],
    });
    expect(validateRecord(extended).ok).toBe(true);
    const text = buildReport(reportInput([extended]));
    expect(reportSection(text, 'Pain')).toEqual(['2026-11-10 09:00 Desk reset: stopped for pain at Neck; pain 3/10']);
    expect(reportSection(text, 'Steps skipped, shortened or stopped')).toEqual(['2026-11-10 Desk reset: stopped for pain at Neck (1:20 of 1:00); 2 later step(s) not done']);
    expect(summaryCaution(text)).toBe('Caution: pain in 1 session: Neck (1 stopped for pain, highest score 3/10)');
  });

  it('report - a pain stop in a session that recorded no steps says "stopped for pain" without a step', () => {
    const noSteps = deskSession({ startedAt: reportAt(1), status: 'pain', painStepIndex: 0, steps: [] });
    expect(validateRecord(noSteps).ok).toBe(true);
    expect(reportSection(buildReport(reportInput([noSteps])), 'Pain')).toEqual(['2026-11-10 09:00 Desk reset: stopped for pain; no pain score given']);
  });

  it('report - "anything hurt?" with a side adds that side only to its own area; an area ticked in an old-style check-in keeps its plain name', () => {
    const both = deskSession({ startedAt: reportAt(1), hurt: true, hurtArea: 'forearms', hurtSide: 'left', checkIn: [makeCheckIn({ area: 'neck', pain: true })] });
    expect(validateRecord(both).ok).toBe(true);
    const text = buildReport(reportInput([both]));
    expect(reportSection(text, 'Pain')).toEqual(['2026-11-10 09:00 Desk reset: pain at check-in: Neck, Forearms left (session completed); no pain score given']);
    expect(summaryCaution(text)).toBe('Caution: pain in 1 session: Neck, Forearms');
  });

  it('report - an area both ticked at the check-in and named for "anything hurt?" is listed once, with its side', () => {
    const twice = deskSession({
      startedAt: reportAt(1),
      hurt: true,
      hurtArea: 'forearms',
      hurtSide: 'left',
      checkIn: [makeCheckIn({ area: 'neck', pain: false }), makeCheckIn({ area: 'forearms', pain: true })],
    });
    expect(validateRecord(twice).ok).toBe(true);
    const text = buildReport(reportInput([twice]));
    expect(reportSection(text, 'Pain')).toEqual(['2026-11-10 09:00 Desk reset: pain at check-in: Forearms left (session completed); no pain score given']);
    expect(summaryCaution(text)).toBe('Caution: pain in 1 session: Forearms');
  });
});
