import { describe, expect, it } from 'vitest';
import { describeProblems } from '../../../core/kernel/result';
import { MAX_RECORD_BYTES, validateRecord } from '../../../core/records/record-validation';
import { migrateRecord } from '../../../core/records/record-migration';
import { BASE_START, DAY_MS, makeCheckIn, makeRecord, makeStep, rawRecord } from '../../fixtures/records';

function problemsOf(input: unknown, now?: number): string {
  const result = validateRecord(input, '', now);
  return result.ok ? 'ok' : describeProblems(result.problems);
}

describe('validateRecord', () => {
  it('validateRecord - a fixture record is valid and comes back equal', () => {
    const record = makeRecord();
    const result = validateRecord(JSON.parse(JSON.stringify(record)), '', BASE_START);
    expect(result).toEqual({ ok: true, value: record });
  });

  it('validateRecord - a pain record needs the step it stopped at, in range', () => {
    expect(problemsOf(rawRecord({ status: 'pain' }))).toBe("painStepIndex is required when status is 'pain'");
    expect(problemsOf(rawRecord({ status: 'pain', painStepIndex: 3 }))).toBe('painStepIndex must be an integer between 0 and 2');
    expect(problemsOf(rawRecord({ status: 'pain', painStepIndex: 2 }))).toBe('ok');
    expect(problemsOf(rawRecord({ status: 'completed', painStepIndex: 0 }))).toBe("painStepIndex is only allowed when status is 'pain'");
  });

  it('validateRecord - an end before the start is refused', () => {
    expect(problemsOf(rawRecord({ endedAt: BASE_START - 1 }))).toBe('endedAt must not be before startedAt');
    expect(problemsOf(rawRecord({ startedAt: -1 }))).toBe(`startedAt must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}`);
  });

  it('validateRecord - a long pause or an overnight session is recorded as it happened, with its paused time', () => {
    // Paused for 10 h overnight: the span is 10 h 3 min, of which 10 h paused.
    const overnight = rawRecord({ endedAt: BASE_START + 10 * 3600_000 + 180_000, pausedMs: 10 * 3600_000 });
    expect(problemsOf(overnight)).toBe('ok');
    expect(problemsOf(rawRecord({ pausedMs: 1e12 }))).toBe('pausedMs must be an integer between 0 and 180000');
    expect(problemsOf(rawRecord({ pausedMs: -1 }))).toBe('pausedMs must be an integer between 0 and 180000');
  });

  it('validateRecord - a wrong watch clock (unset, or over a day ahead) is kept and flagged, not refused', () => {
    const unset = validateRecord(rawRecord({ startedAt: Date.UTC(2019, 0, 1), endedAt: Date.UTC(2019, 0, 1) + 1000 }), '', BASE_START);
    expect(unset.ok && unset.value.clockSuspect).toBe(true);
    const ahead = validateRecord(rawRecord(), '', BASE_START - DAY_MS - 1);
    expect(ahead.ok && ahead.value.clockSuspect).toBe(true);
    const fine = validateRecord(rawRecord(), '', BASE_START - DAY_MS);
    expect(fine.ok && fine.value.clockSuspect).toBe(undefined);
    expect(problemsOf(rawRecord({ clockSuspect: false }))).toBe('clockSuspect must be true when present');
  });

  it('validateRecord - time zone, status and step times are checked with paths', () => {
    expect(problemsOf(rawRecord({ tzOffsetMin: 841 }))).toBe('tzOffsetMin must be an integer between -720 and 840');
    expect(problemsOf(rawRecord({ status: 'aborted' }))).toBe('status must be one of: completed, stopped, pain');
    expect(problemsOf(rawRecord({ steps: [makeStep({ doneMs: -1 })] }))).toBe('steps[0].doneMs must be an integer between 0 and 11100000');
    expect(problemsOf(rawRecord({ steps: [makeStep({ plannedMs: 1.5 })] }))).toBe('steps[0].plannedMs must be an integer between 0 and 10800000');
    expect(problemsOf(rawRecord({ steps: [makeStep({ plannedMs: 60_000, doneMs: 60_000 + 300_001 })], endedAt: BASE_START + 400_000 })))
      .toBe('steps[0].doneMs must be at most plannedMs + 300 s');
  });

  it('validateRecord - sizes are bounded', () => {
    expect(problemsOf(rawRecord({ id: 'x'.repeat(65) }))).toBe('id must be at most 64 characters (got 65)');
    expect(problemsOf(rawRecord({ routineName: 'n'.repeat(61) }))).toBe('routineName must be at most 60 characters (got 61)');
    expect(problemsOf(rawRecord({ steps: Array.from({ length: 31 }, () => makeStep()) }))).toBe('steps must have at most 30 entries (got 31)');
    expect(problemsOf(rawRecord({ checkIn: Array.from({ length: 31 }, () => makeCheckIn()) }))).toBe('checkIn must have at most 30 entries (got 31)');
  });

  it('validateRecord - check-ins and notes use the known vocabulary, once each', () => {
    expect(problemsOf(rawRecord({ checkIn: [makeCheckIn(), makeCheckIn()] }))).toBe('checkIn[1].area repeats neck; one check-in per area');
    expect(problemsOf(rawRecord({ checkIn: [{ ...makeCheckIn(), tightness: 4 }] }))).toBe('checkIn[0].tightness must be an integer between 0 and 3');
    expect(problemsOf(rawRecord({ notes: ['felt-great'] }))).toMatch(/^notes\[0\] must be one of: felt-good/);
    expect(problemsOf(rawRecord({ notes: ['felt-good', 'felt-good'] }))).toBe('notes[1] repeats felt-good');
  });

  it('validateRecord - unknown fields and prototype keys are refused, never copied', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(rawRecord()).slice(1)}`) as unknown;
    expect(problemsOf(hostile)).toBe('__proto__ is not a known field');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(problemsOf(rawRecord({ extra: 'x'.repeat(1_000_000) }))).toBe('extra is not a known field');
  });

  it('validateRecord - reports every problem at once', () => {
    expect(problemsOf({ v: 1 })).toBe(
      'id is required; routineId is required; routineName is required; startedAt is required; endedAt is required; tzOffsetMin is required; status is required; steps is required; checkIn is required; notes is required',
    );
  });

  it('validateRecord - a record of the largest allowed shape stays under MAX_RECORD_BYTES', () => {
    const steps = Array.from({ length: 30 }, () => makeStep({ area: 'upper-trapezius', side: 'right', plannedMs: 600_000, doneMs: 600_000, baseMs: 400_000 }));
    const progression = Array.from({ length: 12 }, (_, i) => ({ week: 20_000 + i * 35, choice: 'declined' as const, area: 'upper-trapezius' as const }));
    const record = makeRecord({ steps, progression, routineName: 'n'.repeat(60), id: 'i'.repeat(64), routineId: 'r'.repeat(64), endedAt: BASE_START + 3 * 3600_000 });
    expect(JSON.stringify(record).length).toBeLessThan(MAX_RECORD_BYTES);
    expect(problemsOf(record)).toBe('ok');
  });

  it('validateRecord - a newer record version asks to update Knead', () => {
    expect(problemsOf(rawRecord({ v: 2 }))).toBe('record version 2 is newer than this app understands (1); update Knead');
  });
});

describe('migrateRecord', () => {
  it('migrateRecord - runs the chain of migrations from an older version', () => {
    const migrations = { 0: (r: Readonly<Record<string, unknown>>) => ({ ...r, v: 1, upgraded: true }) };
    expect(migrateRecord({ v: 0, id: 'a' }, '', migrations)).toEqual({ ok: true, value: { v: 1, id: 'a', upgraded: true } });
  });

  it('migrateRecord - an old version without a migration is refused clearly', () => {
    const result = migrateRecord({ v: 0 });
    expect(result.ok ? 'ok' : describeProblems(result.problems)).toBe('record version 0 is not one this app can read');
  });
});
