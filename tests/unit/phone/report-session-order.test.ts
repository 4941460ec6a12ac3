// The report lists sessions oldest first, whatever order storage holds them in, and two sessions
// that started in the same millisecond (two watches) in the order of their ids, so one history
// always gives one report (docs/core.md "The report for the therapist").

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import { makeCheckIn } from '../../fixtures/records';
import { deskSession, reportAt, reportInput, reportSection } from '../../fixtures/report-input';

const SORENESS = 'New soreness (apart from the usual tightness)';

describe('report - session order', () => {
  it('report - sessions are listed oldest first, even when storage holds them newest first and their ids sort the other way', () => {
    // Ids from two watches: the later sessions carry the smaller ids.
    const tuesday = deskSession({ id: 'watch03-a', startedAt: reportAt(1), checkIn: [makeCheckIn({ area: 'neck', newSoreness: true })] });
    const thursday = deskSession({ id: 'watch02-a', startedAt: reportAt(3), checkIn: [makeCheckIn({ area: 'forearms', newSoreness: true })] });
    const saturday = deskSession({ id: 'watch01-a', startedAt: reportAt(5), checkIn: [makeCheckIn({ area: 'neck', newSoreness: true })] });
    const lines = reportSection(buildReport(reportInput([saturday, thursday, tuesday])), SORENESS);
    expect(lines).toEqual(['2026-11-10 Neck', '2026-11-12 Forearms', '2026-11-14 Neck']);
  });

  it('report - two sessions started in the same millisecond come in id order, so either storage order gives the same report', () => {
    const fromWatchA = deskSession({ id: 'watchA-0001', startedAt: reportAt(2), checkIn: [makeCheckIn({ area: 'neck', newSoreness: true })] });
    const fromWatchB = deskSession({ id: 'watchB-0001', startedAt: reportAt(2), checkIn: [makeCheckIn({ area: 'forearms', newSoreness: true })] });
    const one = buildReport(reportInput([fromWatchA, fromWatchB]));
    const other = buildReport(reportInput([fromWatchB, fromWatchA]));
    expect(other).toBe(one);
    expect(reportSection(one, SORENESS)).toEqual(['2026-11-11 Neck', '2026-11-11 Forearms']);
  });
});
