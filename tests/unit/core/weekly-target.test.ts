// "This week: 2 of 3" on the watch's Home and on the phone's Overview, both checked against a
// calendar computation of our own: JavaScript's Date in UTC, shifted by the zone, Monday found by
// its weekday name — not the product's day arithmetic. A session belongs to the week its person
// lived it (the record's own zone); "this week" is the viewer's current week.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { overview } from '../../../core/phone/stats';
import { summarize } from '../../../core/sync/recent-history';
import { homeModel } from '../../../core/watch/home';
import { countsTowardTarget } from '../../../core/routines/weekly-target';
import { makeRecord } from '../../fixtures/records';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The calendar date ('YYYY-MM-DD') of the Monday of the local week containing `utcMs`. */
function mondayOf(utcMs: number, zoneMin: number): string {
  const local = new Date(utcMs + zoneMin * 60_000);
  const weekday = local.getUTCDay(); // 0 = Sunday … 6 = Saturday
  const back = weekday === 0 ? 6 : weekday - 1;
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back));
  return monday.toISOString().slice(0, 10);
}

/** docs/design.md: completed sessions and sessions stopped for pain count toward the target. */
function expectedThisWeek(records: readonly SessionRecord[], now: number, viewerZoneMin: number): number {
  const thisMonday = mondayOf(now, viewerZoneMin);
  return records.filter((r) => (r.status === 'completed' || r.status === 'pain') && mondayOf(r.startedAt, r.tzOffsetMin) === thisMonday).length;
}

function watchCount(records: readonly SessionRecord[], now: number, viewerZoneMin: number): number {
  return homeModel(null, records.map(summarize), 0, undefined, now, viewerZoneMin).weekDone;
}

function phoneCount(records: readonly SessionRecord[], now: number, viewerZoneMin: number): number {
  return overview(records, null, now, viewerZoneMin).thisWeek.count;
}

function session(startedAt: number, tzOffsetMin: number, status: SessionRecord['status'] = 'completed', id = `w-${startedAt}-${tzOffsetMin}`): SessionRecord {
  return makeRecord({ id, startedAt, endedAt: startedAt + 60_000, tzOffsetMin, status, ...(status === 'pain' ? { painStepIndex: 0 } : {}) });
}

describe('weekly target', () => {
  it('weekly target - the oracle itself: Monday of a few known dates', () => {
    expect(mondayOf(Date.UTC(2026, 10, 25, 12), 0)).toBe('2026-11-23'); // a Wednesday
    expect(mondayOf(Date.UTC(2026, 10, 29, 23, 30), 0)).toBe('2026-11-23'); // Sunday night
    expect(mondayOf(Date.UTC(2026, 10, 29, 23, 30), 60)).toBe('2026-11-30'); // already Monday at UTC+1
    expect(mondayOf(Date.UTC(2027, 0, 1, 12), 0)).toBe('2026-12-28'); // a Friday, across the new year
  });

  it('weekly target - completed and pain-stopped sessions count, simply stopped ones do not', () => {
    expect(countsTowardTarget(makeRecord({ status: 'completed' }))).toBe(true);
    expect(countsTowardTarget(makeRecord({ status: 'pain', painStepIndex: 0 }))).toBe(true);
    expect(countsTowardTarget(makeRecord({ status: 'stopped' }))).toBe(false);
  });

  it('weekly target - a Monday 00:30 session at UTC+2, seen on Wednesday from UTC+1, counts this week on watch and phone', () => {
    // Monday 2026-11-23 00:30 at UTC+2 is Sunday 22:30 UTC: the person lived it on Monday.
    const records = [session(Date.UTC(2026, 10, 22, 22, 30), 120)];
    const wednesday = Date.UTC(2026, 10, 25, 12);
    expect(watchCount(records, wednesday, 60)).toBe(1);
    expect(phoneCount(records, wednesday, 60)).toBe(1);
    // …and it is not last week's: seen on the Sunday before, from UTC+1, it has not happened yet this week.
    expect(watchCount(records, Date.UTC(2026, 10, 22, 12), 60)).toBe(0);
  });

  it('weekly target - a Sunday 23:30 session at UTC-5 belongs to the week before, though it is Monday in UTC', () => {
    const records = [session(Date.UTC(2026, 10, 23, 4, 30), -300), session(Date.UTC(2026, 10, 24, 9), -300, 'pain'), session(Date.UTC(2026, 10, 24, 10), -300, 'stopped')];
    const wednesday = Date.UTC(2026, 10, 25, 12);
    expect(watchCount(records, wednesday, -300)).toBe(1);
    expect(phoneCount(records, wednesday, -300)).toBe(1);
    expect(watchCount(records, wednesday, 0)).toBe(1);
  });

  it('weekly target - watch and phone match the calendar for sessions and viewers near week boundaries in any zone', () => {
    // A few Mondays 00:00 UTC around NOW; times are drawn within ±15 h of one (where zones disagree)
    // or anywhere in three weeks, in whole-hour and odd zones (UTC+5:45, UTC-9:30, UTC+14).
    const firstMonday = Date.UTC(2026, 10, 16);
    const zone = fc.oneof(fc.integer({ min: -12, max: 14 }).map((h) => h * 60), fc.constantFrom(-570, 330, 345, 525, 765), fc.integer({ min: -720, max: 840 }));
    const nearBoundary = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -15 * 60, max: 15 * 60 })).map(([w, min]) => firstMonday + w * 7 * DAY_MS + min * 60_000);
    const anywhere = fc.integer({ min: firstMonday - DAY_MS, max: firstMonday + 21 * DAY_MS });
    const time = fc.oneof(nearBoundary, anywhere);
    const status = fc.constantFrom('completed' as const, 'stopped' as const, 'pain' as const);
    const records = fc.array(fc.record({ startedAt: time, tzOffsetMin: zone, status }), { maxLength: 12 });
    fc.assert(
      fc.property(records, time, zone, (parts, now, viewer) => {
        const list = parts.map((p, i) => session(p.startedAt, p.tzOffsetMin, p.status, `w-${i}`));
        const expected = expectedThisWeek(list, now, viewer);
        expect(watchCount(list, now, viewer)).toBe(expected);
        expect(phoneCount(list, now, viewer)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
