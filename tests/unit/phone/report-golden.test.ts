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
import { ADAPTED, MID_PERIOD, MID_PERIOD_RECORDS, MONDAY, NO_PLAN, PLAN_MID_PERIOD } from '../../fixtures/report-histories';
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
      '  7 sessions, 15.6 min in all; 1 of 2 weeks on target (2 per week) since the plan',
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
    // Neck: 60 s by the plan, 75 s run, in two sessions: 2.0 → 2.5 min. Calves: 2 × 45 s, plan none.
    expect(adapted.slice(at + 1, at + 3)).toEqual([
      '  Neck: plan 2.0 min, adapted 2.5 min (2 sessions)',
      "  Calves: added as a next step (not in the plan's routine), 1.5 min (1 session)",
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
