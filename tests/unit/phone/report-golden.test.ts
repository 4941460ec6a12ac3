// Report v2 golden texts: fixed histories (tests/fixtures/report-histories.ts) in the three
// languages the Settings App ships, compared with reviewed files in ./golden. Beside them, the
// rules the golden files embody are asserted one by one, from the product description.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import { buildReportCsv, CSV_COLUMNS } from '../../../core/phone/report-csv';
import { englishT } from '../../../core/phone/messages';
import { LANGS, settingT } from '../../fixtures/po';
import { ADAPTED, MID_PERIOD, MID_PERIOD_RECORDS, MONDAY, NO_PLAN, ONE_SIDE_TIGHTER, ONE_SIDE_TIGHTER_RECORDS, PLAN_MID_PERIOD } from '../../fixtures/report-histories';
import { DAY_MS } from '../../fixtures/records';

const golden = (name: string): string => readFileSync(join(import.meta.dirname, 'golden', `${name}.txt`), 'utf8');

describe('report v2 - golden texts', () => {
  for (const lang of LANGS) {
    it(`report - plan set mid-period, one side differing, skipped, stopped and pain-stopped sessions (${lang})`, () => {
      expect(buildReport(MID_PERIOD, settingT(lang))).toBe(golden(`report-plan-mid-period.${lang}`));
    });
    it(`report - no plan, an unrated check-in (${lang})`, () => {
      expect(buildReport(NO_PLAN, settingT(lang))).toBe(golden(`report-no-plan.${lang}`));
    });
    it(`report - adapted and progressed runs: base vs adapted time, progression answers (${lang})`, () => {
      expect(buildReport(ADAPTED, settingT(lang))).toBe(golden(`report-adapted.${lang}`));
    });
    it(`report - one side tighter, feeling, pain with area, side and 0-10 score from watch and phone, unrated answers (${lang})`, () => {
      expect(buildReport(ONE_SIDE_TIGHTER, settingT(lang))).toBe(golden(`report-one-side-tighter.${lang}`));
    });
  }

  it('report - the English texts of core and of the Settings App give the same report', () => {
    expect(buildReport(MID_PERIOD, englishT)).toBe(buildReport(MID_PERIOD, settingT('en-US')));
  });
});

describe('report v2 - rules', () => {
  const text = buildReport(MID_PERIOD);
  const lines = text.split('\n');

  it('report - opens with a three-line summary: adherence, tightness, caution', () => {
    expect(lines.slice(3, 7)).toEqual([
      'Summary',
      '  7 sessions, 15:35 of massage in all; 1 of 2 weeks on target (2 per week) since the plan',
      '  Tighter: Forearms; Looser: Neck; Sides differ: Forearms',
      '  Caution: pain in 3 sessions: Forearms, Feet (1 stopped for pain, highest score 6/10); new soreness: Neck',
    ]);
  });

  it('report - weeks before the plan, and the week it was set, are not judged against the target', () => {
    expect(text).toContain('Week of 2026-11-02: 2 (before the plan)');
    expect(text).toContain('Week of 2026-11-09: 1 of 2 (plan set this week)');
    expect(text).not.toMatch(/2026-11-0[29].*below target/);
    expect(text).toContain('Week of 2026-11-23: 1 of 2 (below target)');
  });

  it('report - without a weekly target no week is judged and the summary names no target', () => {
    const noTarget = buildReport({ ...MID_PERIOD, plan: { ...PLAN_MID_PERIOD, weeklyTarget: 0 } });
    expect(noTarget).not.toMatch(/on target|below target|per week\) since/);
    expect(noTarget).toContain('No weekly target');
  });

  it('report - a week that is not over yet is not called below target', () => {
    const midWeek = buildReport({ ...MID_PERIOD, to: MONDAY + 24 * DAY_MS });
    expect(midWeek).toContain('Week of 2026-11-23: 0 of 2 (week not over)');
  });

  it('report - pain at check-in is listed for completed and stopped sessions, each pain session once, with its score or none', () => {
    const pain = lines.slice(lines.indexOf('Pain') + 1, lines.indexOf('Tools used per area') - 1);
    expect(pain).toEqual([
      '  2026-11-10 09:00 Desk reset: pain at check-in: Forearms (session stopped); no pain score given',
      '  2026-11-12 09:00 Desk reset: stopped for pain at Forearms left; pain at check-in: Forearms (session stopped for pain); pain 6/10',
      '  2026-11-19 19:00 Tired feet: pain at check-in: Feet (session completed); no pain score given',
    ]);
  });

  it('report - the progression and adapted-time sections follow the weeks, in a fixed place, saying "none" when empty', () => {
    const at = lines.indexOf('Progression');
    expect(lines[at - 2]?.startsWith('  Week of 2026-11-23')).toBe(true);
    expect(lines.slice(at, at + 5)).toEqual(['Progression', '  (none in this period)', '', 'Time on the watch against the plan', '  (none in this period)']);
  });

  it('report - base vs adapted time: the plan\'s minutes and the adapted minutes per area, an area added by progression named as such', () => {
    const adapted = buildReport(ADAPTED).split('\n');
    const at = adapted.indexOf('Time on the watch against the plan');
    // Neck: 60 s by the plan, 75 s run, in two sessions: 2:00 → 2:30. Calves: 2 × 45 s, plan none.
    expect(adapted.slice(at + 1, at + 3)).toEqual([
      '  Neck: plan 2:00, adapted 2:30 (2 sessions)',
      "  Calves: added as a next step (not in the plan's routine), 1:30 (1 session)",
    ]);
  });

  it('report - lists the progression answers given in the period (once each, from the records), not those before it', () => {
    const adapted = buildReport(ADAPTED).split('\n');
    const at = adapted.indexOf('Progression');
    expect(adapted.slice(at + 1, at + 3)).toEqual(['  Week of 2026-11-09: one more area (Calves), accepted', '']);
    const earlier = buildReport({ ...ADAPTED, from: MONDAY - 35 * DAY_MS });
    expect(earlier).toContain('Week of 2026-10-05: a little more time (+10 %), declined');
  });

  it('report - CSV twin: one row per recorded step of the same period, quoted text, the pain score on the session', () => {
    const csv = buildReportCsv(MID_PERIOD).split('\r\n');
    expect(csv[0]).toBe(CSV_COLUMNS.join(','));
    const steps = MID_PERIOD_RECORDS.reduce((n, r) => n + r.steps.length, 0);
    expect(csv).toHaveLength(1 + steps + 1);
    const painRow = csv.find((row) => row.includes(`,${MID_PERIOD_RECORDS[3]?.id},`) && row.includes(',forearms,left,'));
    expect(painRow).toBe(`2026-11-12,09:00,${MID_PERIOD_RECORDS[3]?.id},desk-reset,pain,2,forearms,left,hands,45,30,false,true,3,false,true,,true,6,,,,,"Sharp pull in the left forearm,\nstopped at once"`);
    expect(buildReportCsv({ ...MID_PERIOD, from: MONDAY + 21 * DAY_MS }).split('\r\n')).toHaveLength(1 + 3 + 1);
  });
});

describe('report v2 - the ten-second check-in', () => {
  const text = buildReport(ONE_SIDE_TIGHTER);

  it('report - names the side that is tighter, in the summary and per area, counting "same" apart', () => {
    expect(text).toContain('Sides differ: Forearms (left tighter)');
    expect(text).toContain('    sides differ in 2 of 3 check-ins\n    tighter side: left 2, right 0, same 1\n');
  });

  it('report - a check-in that rates no tightness is not counted as "none" in the weekly tightness', () => {
    // Week 1: forearms rated 2 once (the other check-in named only the side) → moderate, not mild.
    expect(text).toContain('  Forearms: left 3:45, right 3:45\n    tightness by week: moderate, mild  ▅▃ (looser)\n');
  });

  it('report - pain at the check-in with area, side and score; the phone\'s score wins over the watch\'s; no area given says so', () => {
    expect(text).toContain('2026-11-05 09:00 Desk reset: pain at check-in: Forearms left (session completed); pain 5/10');
    expect(text).toContain('2026-11-12 09:00 Desk reset: pain at check-in: Neck (session completed); pain 2/10');
    expect(text).toContain('2026-11-14 09:00 Desk reset: pain at check-in: somewhere (area not given) (session completed); no pain score given');
    expect(text).toContain('Caution: pain in 3 sessions: Forearms, Neck (highest score 5/10)');
  });

  it('report - the overall feeling is counted, and a skipped check-in counts as not rated', () => {
    expect(text).toContain('Check-ins: 4 of 5 sessions rated, 1 not rated');
    expect(text).toContain('Felt after the session: better 2, same 1, worse 1');
  });

  it('report - CSV twin: unrated is an empty cell, which side and the first-screen answers in their columns, the phone\'s score', () => {
    const csv = buildReportCsv(ONE_SIDE_TIGHTER).split('\r\n');
    const id = ONE_SIDE_TIGHTER_RECORDS[1]?.id ?? '';
    const left = csv.find((row) => row.includes(`,${id},desk-reset,completed,2,forearms,left,`));
    const col = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);
    const cells = (left ?? '').split(',');
    expect(cells[col('tightness')]).toBe('');
    expect(cells[col('sides_differ')]).toBe('true');
    expect(cells[col('tighter_side')]).toBe('left');
    expect([cells[col('pain_score')], cells[col('feeling')], cells[col('hurt')], cells[col('hurt_area')], cells[col('hurt_side')]]).toEqual(['5', 'same', 'true', 'forearms', 'left']);
    const unrated = csv.find((row) => row.includes(`,${ONE_SIDE_TIGHTER_RECORDS[2]?.id ?? ''},desk-reset,completed,1,neck,`));
    const u = (unrated ?? '').split(',');
    expect([u[col('tightness')], u[col('feeling')], u[col('hurt')], u[col('pain_score')]]).toEqual(['', '', '', '']);
  });
});
