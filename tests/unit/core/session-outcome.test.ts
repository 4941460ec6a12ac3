import { describe, expect, it } from 'vitest';
import { sessionOutcome, skippedSteps } from '../../../core/records/session-outcome';
import { makeRecord, makeStep } from '../../fixtures/records';

// Desk reset's first four steps as the product describes them.
const steps = () => [
  makeStep({ area: 'neck', side: 'both', plannedMs: 60_000, doneMs: 60_000 }),
  makeStep({ area: 'upper-trapezius', side: 'left', plannedMs: 45_000, doneMs: 45_000 }),
  makeStep({ area: 'upper-trapezius', side: 'right', plannedMs: 45_000, doneMs: 45_000 }),
  makeStep({ area: 'shoulders', side: 'left', plannedMs: 40_000, doneMs: 40_000 }),
];

describe('session outcome - what Summary and History say happened', () => {
  it('a completed session with one skipped step is not plainly completed: it carries the skipped step by area and side', () => {
    const s = steps().map((step, i) => (i === 2 ? { ...step, doneMs: 0, skipped: true } : step));
    expect(sessionOutcome(makeRecord({ status: 'completed', steps: s }))).toEqual({ kind: 'completed', skipped: [{ area: 'upper-trapezius', side: 'right' }] });
  });

  it('an untouched session has nothing skipped', () => {
    expect(sessionOutcome(makeRecord({ status: 'completed', steps: steps() }))).toEqual({ kind: 'completed', skipped: [] });
  });

  it('a pain stop in the second step names that step; the steps never reached are not called skipped', () => {
    const s = steps().map((step, i) => (i === 1 ? { ...step, doneMs: 12_000 } : i > 1 ? { ...step, doneMs: 0 } : step));
    expect(sessionOutcome(makeRecord({ status: 'pain', painStepIndex: 1, steps: s }))).toEqual({ kind: 'pain', at: { area: 'upper-trapezius', side: 'left' }, skipped: [] });
  });

  it('a pain record without a pain step (older or odd) still says pain, without a place', () => {
    expect(sessionOutcome(makeRecord({ status: 'pain', steps: steps() }))).toEqual({ kind: 'pain', at: null, skipped: [] });
  });

  it('a stop says how far it got and keeps a step skipped before it', () => {
    const s = steps().map((step, i) => (i === 0 ? { ...step, doneMs: 5_000, skipped: true } : i === 1 ? { ...step, doneMs: 20_000 } : { ...step, doneMs: 0 }));
    expect(sessionOutcome(makeRecord({ status: 'stopped', steps: s }))).toEqual({ kind: 'stopped', done: 1, total: 4, skipped: [{ area: 'neck', side: 'both' }] });
  });

  it('skipped steps keep session order and list each side apart', () => {
    const s = steps().map((step) => ({ ...step, skipped: step.area !== 'neck', doneMs: step.area === 'neck' ? 60_000 : 0 }));
    expect(skippedSteps({ steps: s })).toEqual([
      { area: 'upper-trapezius', side: 'left' },
      { area: 'upper-trapezius', side: 'right' },
      { area: 'shoulders', side: 'left' },
    ]);
  });
});
