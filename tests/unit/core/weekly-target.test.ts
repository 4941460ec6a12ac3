import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overview } from '../../../core/phone/stats';
import { countsTowardTarget, sessionsThisWeek } from '../../../core/weekly-target';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 10, 25, 12); // a Wednesday

describe('weekly target', () => {
  it('weekly target - completed and pain-stopped sessions count, simply stopped ones do not', () => {
    expect(countsTowardTarget(makeRecord({ status: 'completed' }))).toBe(true);
    expect(countsTowardTarget(makeRecord({ status: 'pain', painStepIndex: 0 }))).toBe(true);
    expect(countsTowardTarget(makeRecord({ status: 'stopped' }))).toBe(false);
  });

  it('weekly target - the watch count and the phone overview always agree', () => {
    const status = fc.constantFrom('completed' as const, 'stopped' as const, 'pain' as const);
    const record = fc.record({
      startedAt: fc.integer({ min: NOW - 21 * 86_400_000, max: NOW }),
      tzOffsetMin: fc.integer({ min: -720, max: 840 }),
      status,
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), fc.integer({ min: -720, max: 840 }), (parts, zone) => {
        const records = parts.map((p, i) =>
          makeRecord({ id: `w-${i}`, startedAt: p.startedAt, endedAt: p.startedAt + 60_000, tzOffsetMin: p.tzOffsetMin, status: p.status, ...(p.status === 'pain' ? { painStepIndex: 0 } : {}) }),
        );
        expect(overview(records, null, NOW, zone).thisWeek.count).toBe(sessionsThisWeek(records, NOW, zone));
      }),
      { numRuns: 300 },
    );
  });
});
