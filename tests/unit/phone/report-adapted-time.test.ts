// "Time on the watch against the plan" (docs/week.md "Base and adapted time in the record"): per
// area, over the sessions that ran it differently from the plan, the plan's and the adapted
// minutes and in how many sessions — a session with both sides of an area adapted counts once; an
// area added by progression says so, in one session or several.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import { makeStep } from '../../fixtures/records';
import { deskSession, reportAt, reportInput, reportSection } from '../../fixtures/report-input';

describe('report - time on the watch against the plan', () => {
  it('report - both sides adapted in one session count as 1 session; an area added in two sessions counts 2', () => {
    const calvesAdded = makeStep({ area: 'calves', side: 'left', plannedMs: 45_000, doneMs: 45_000, baseMs: 0 });
    const first = deskSession({
      startedAt: reportAt(1),
      steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left', baseMs: 45_000 }), makeStep({ area: 'forearms', side: 'right', baseMs: 45_000 }), calvesAdded],
    });
    const second = deskSession({ startedAt: reportAt(3), steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left' }), makeStep({ area: 'forearms', side: 'right' }), calvesAdded] });
    expect(reportSection(buildReport(reportInput([first, second])), 'Time on the watch against the plan')).toEqual([
      'Forearms: plan 1:30, adapted 2:00 (1 session)',
      'Calves: added as a next step (not in the plan\'s routine), 1:30 (2 sessions)',
    ]);
  });
});
