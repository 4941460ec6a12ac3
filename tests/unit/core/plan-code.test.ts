import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TherapistPlan } from '../../../core/routines/model';
import { decodePlanCode, encodePlanCode } from '../../../core/routines/plan-code';
import { TYPICAL_PLAN, validPlan } from '../../fixtures/plan-arbitrary';

/** Characters a corruption may bring in: the code's own alphabet, its separator, and others. */
const REPLACEMENTS = 'ABCZabcz0189-_.KN~+/=: ü\n'.split('');

describe('plan code - round trip', () => {
  it('plan code - any valid plan comes back exactly', () => {
    fc.assert(
      fc.property(validPlan, (plan) => {
        const decoded = decodePlanCode(encodePlanCode(plan));
        expect(decoded).toEqual({ ok: true, plan });
      }),
      { numRuns: 300 },
    );
  });

  it('plan code - a typical plan fits in 1,000 characters and survives line wrapping by a chat app', () => {
    const code = encodePlanCode(TYPICAL_PLAN);
    expect(code.length).toBeLessThanOrEqual(1000);
    expect(code.startsWith('KNEAD1.')).toBe(true);
    const wrapped = `  ${code.replace(/(.{40})/g, '$1\n')}  `;
    expect(decodePlanCode(wrapped)).toEqual({ ok: true, plan: TYPICAL_PLAN });
  });

  it('plan code - a plan without advice or note stays without them (no empty fields appear)', () => {
    const { advice: _a, note: _n, ...bare } = TYPICAL_PLAN;
    const decoded = decodePlanCode(encodePlanCode(bare));
    expect(decoded.ok && Object.keys(decoded.plan).sort()).toEqual(Object.keys(bare).sort());
  });

  it('plan code - an invalid plan is never encoded', () => {
    expect(() => encodePlanCode({ ...TYPICAL_PLAN, avoidAreas: ['neck'] })).toThrow(/neck/);
  });
});

describe('plan code - damage is detected', () => {
  const refusedWithReason = (code: string): void => {
    const decoded = decodePlanCode(code);
    expect(decoded.ok, `accepted a damaged code: ${code}`).toBe(false);
    if (!decoded.ok) expect(decoded.reason.length).toBeGreaterThan(20);
  };

  it('plan code - every single-character change of a typical code is refused', () => {
    const code = encodePlanCode(TYPICAL_PLAN);
    for (let i = 0; i < code.length; i += 1) {
      for (const c of REPLACEMENTS) if (c !== code[i]) refusedWithReason(code.slice(0, i) + c + code.slice(i + 1));
    }
  });

  it('plan code - every truncation of a typical code is refused', () => {
    const code = encodePlanCode(TYPICAL_PLAN);
    for (let n = 0; n < code.length; n += 1) refusedWithReason(code.slice(0, n));
  });

  it('plan code - any single-character change of any valid plan code is refused', () => {
    fc.assert(
      fc.property(validPlan, fc.nat(), fc.constantFrom(...REPLACEMENTS), (plan: TherapistPlan, at, c) => {
        const code = encodePlanCode(plan);
        const i = at % code.length;
        fc.pre(code[i] !== c);
        refusedWithReason(code.slice(0, i) + c + code.slice(i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('plan code - any truncation or deleted character of any valid plan code is refused', () => {
    fc.assert(
      fc.property(validPlan, fc.nat(), (plan: TherapistPlan, at) => {
        const code = encodePlanCode(plan);
        const i = at % code.length;
        refusedWithReason(code.slice(0, i));
        refusedWithReason(code.slice(0, i) + code.slice(i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('plan code - reasons', () => {
  const code = encodePlanCode(TYPICAL_PLAN);
  const reason = (text: string): string => {
    const decoded = decodePlanCode(text);
    return decoded.ok ? 'accepted' : decoded.reason;
  };

  it('plan code - says what is wrong in words', () => {
    expect(reason('')).toMatch(/empty/);
    expect(reason('hello')).toMatch(/not a Knead plan code/);
    expect(reason(code.replace('KNEAD1.', 'KNEAD2.'))).toMatch(/newer than this app.*update Knead/);
    expect(reason(code.slice(0, -3))).toMatch(/cut short/);
    expect(reason(code.slice(0, 200))).toMatch(/cut short/);
    const i = code.lastIndexOf('.') - 5;
    const flipped = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    expect(reason(flipped)).toMatch(/check digits do not match.*changed or mistyped/);
    expect(reason(code.slice(0, i) + '*' + code.slice(i + 1))).toMatch(/contains "\*"/);
  });
});
