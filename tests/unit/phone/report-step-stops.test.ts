// The "Steps skipped, shortened or stopped" section (docs/core.md): each step is reported once —
// skipped, shortened, the stop (with why), or among the later steps not done — and a completed
// session has no stop.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/phone/report';
import { validateRecord } from '../../../core/records/record-validation';
import { makeStep } from '../../fixtures/records';
import { deskSession, reportAt, reportInput, reportSection } from '../../fixtures/report-input';

const STEPS = 'Steps skipped, shortened or stopped';

describe('report - steps skipped, shortened or stopped', () => {
  it('report - a session stopped in its first step names that step as the stop', () => {
    const stopped = deskSession({ startedAt: reportAt(1), status: 'stopped', steps: [makeStep({ area: 'neck', doneMs: 20_000 }), makeStep({ area: 'forearms', side: 'left', doneMs: 0 }), makeStep({ area: 'forearms', side: 'right', doneMs: 0 })] });
    expect(reportSection(buildReport(reportInput([stopped])), STEPS)).toEqual(['2026-11-10 Desk reset: stopped at Neck (0:20 of 1:00); 2 later step(s) not done']);
  });

  it('report - a session stopped in the extra time of its last step still lists the step skipped before', () => {
    const stopped = deskSession({
      startedAt: reportAt(1),
      status: 'stopped',
      steps: [makeStep({ area: 'neck', doneMs: 0, skipped: true }), makeStep({ area: 'forearms', side: 'left' }), makeStep({ area: 'forearms', side: 'right', plannedMs: 60_000, doneMs: 70_000 })],
    });
    expect(validateRecord(stopped).ok).toBe(true);
    const lines = reportSection(buildReport(reportInput([stopped])), STEPS);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^2026-11-10 Desk reset: Neck skipped(;|$)/);
  });

  it('report - a completed session is never reported as stopped, even with a step that ran short without a skip', () => {
    const short = deskSession({ startedAt: reportAt(1), steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left', doneMs: 40_000 }), makeStep({ area: 'forearms', side: 'right', doneMs: 0, skipped: true })] });
    expect(validateRecord(short).ok).toBe(true);
    const lines = reportSection(buildReport(reportInput([short])), STEPS);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/stopped/);
    expect(lines[0]).toContain('Forearms right skipped');
  });

  it('report - each step is reported once: the pain step as the stop, the steps after it as not done, whatever the record marks them', () => {
    // A record edited by hand (valid, but not one the watch writes): the pain step and the step
    // after it are marked skipped.
    const edited = deskSession({
      startedAt: reportAt(1),
      status: 'pain',
      painStepIndex: 1,
      steps: [makeStep({ area: 'neck' }), makeStep({ area: 'forearms', side: 'left', doneMs: 10_000, skipped: true }), makeStep({ area: 'forearms', side: 'right', doneMs: 0, skipped: true })],
    });
    expect(validateRecord(edited).ok).toBe(true);
    expect(reportSection(buildReport(reportInput([edited])), STEPS)).toEqual(['2026-11-10 Desk reset: stopped for pain at Forearms left (0:10 of 1:00); 1 later step(s) not done']);
  });
});
