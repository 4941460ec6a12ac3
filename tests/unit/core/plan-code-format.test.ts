// The plan code's format as docs/core.md writes it — KNEAD1.<length>.<plan>.<check>: the length
// of the plan part in base 36, the plan as JSON in UTF-8 and base64url, CRC-32 of everything before
// it in 7 base-36 digits — checked against Node's own base64url, UTF-8 and CRC-32, which share no
// code with Knead's hand-written ones. Codes built by hand with a correct check show that content
// damage the check cannot see is still refused with a reason.

import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_CODE_MESSAGES, decodePlanCode, encodePlanCode } from '../../../core/routines/plan-code';
import type { PlanCodeResult } from '../../../core/routines/plan-code';
import { TYPICAL_PLAN, validPlan } from '../../fixtures/plan-arbitrary';

const check = (body: string): string => crc32(body).toString(36).padStart(7, '0');

/** A code around a payload, with the length and check computed independently of Knead. */
function codeOf(payload: string, head = 'KNEAD1'): string {
  const body = `${head}.${payload.length.toString(36)}.${payload}`;
  return `${body}.${check(body)}`;
}

const codeOfBytes = (bytes: readonly number[]): string => codeOf(Buffer.from(bytes).toString('base64url'));
const codeOfJson = (value: unknown): string => codeOfBytes([...Buffer.from(JSON.stringify(value), 'utf8')]);

function refusal(result: PlanCodeResult): string {
  return result.ok ? 'accepted' : result.id;
}

describe('plan code - the format', () => {
  it('plan code - any valid plan\'s code is KNEAD1, the length in base 36, base64url UTF-8 JSON, and its CRC-32 in 7 digits', () => {
    fc.assert(
      fc.property(validPlan, (plan) => {
        const code = encodePlanCode(plan);
        const parts = code.split('.');
        expect(parts).toHaveLength(4);
        const [head, length, payload, digits] = parts as [string, string, string, string];
        expect(head).toBe('KNEAD1');
        expect(length).toBe(payload.length.toString(36));
        expect(payload).toMatch(/^[A-Za-z0-9_-]*$/);
        const bytes = Buffer.from(payload, 'base64url');
        expect(bytes.toString('base64url')).toBe(payload);
        const text = bytes.toString('utf8');
        expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
        expect(() => JSON.parse(text) as unknown).not.toThrow();
        expect(digits).toBe(check(`${head}.${length}.${payload}`));
      }),
      { numRuns: 200 },
    );
  });

  it('plan code - text in any script (2-, 3- and 4-byte UTF-8) survives the round trip', () => {
    const plan = { ...TYPICAL_PLAN, note: 'Füße · 颈部 · 😀 · ok' };
    const code = encodePlanCode(plan);
    expect(decodePlanCode(code)).toEqual({ ok: true, plan });
    const payload = code.split('.')[2] ?? '';
    expect(Buffer.from(payload, 'base64url').toString('utf8')).toContain('Füße · 颈部 · 😀');
  });

  it('plan code - a code rebuilt from the same JSON by another encoder reads the same', () => {
    const code = encodePlanCode(TYPICAL_PLAN);
    const payload = code.split('.')[2] ?? '';
    const json = Buffer.from(payload, 'base64url').toString('utf8');
    expect(decodePlanCode(codeOfJson(JSON.parse(json)))).toEqual({ ok: true, plan: TYPICAL_PLAN });
  });
});

describe('plan code - each refusal says why', () => {
  it('plan code - a later format asks for an update; an earlier one for a new code, naming both formats', () => {
    const newer = decodePlanCode(codeOf('AAAA', 'KNEAD2'));
    expect(newer).toMatchObject({ ok: false, id: 'code.newer', values: { found: '2', current: 1 } });
    expect(!newer.ok && newer.reason).toBe('This plan code is format 2, newer than this app reads (1): update Knead, then paste it again.');
    const older = decodePlanCode(codeOf('AAAA', 'KNEAD0'));
    expect(older).toMatchObject({ ok: false, id: 'code.older', values: { found: '0' } });
    expect(refusal(decodePlanCode(codeOf('AAAA', 'KNEAD01')))).toBe('code.older');
    expect(refusal(decodePlanCode('KNEAD.1.A.0000000'))).toBe('code.not-a-code');
    expect(refusal(decodePlanCode('xKNEAD1.1.A.0000000'))).toBe('code.not-a-code');
  });

  it('plan code - the part count is named', () => {
    expect(decodePlanCode('KNEAD1.4.AAAA')).toMatchObject({ ok: false, id: 'code.parts', values: { parts: 3 } });
    expect(decodePlanCode('KNEAD1.4.AA.AA.0000000')).toMatchObject({ ok: false, id: 'code.parts', values: { parts: 5 } });
  });

  it('plan code - a length with a leading zero or a character outside base 36 is damaged', () => {
    expect(refusal(decodePlanCode('KNEAD1.04.AAAA.0000000'))).toBe('code.length-damaged');
    expect(refusal(decodePlanCode('KNEAD1.4A.AAAA.0000000'))).toBe('code.length-damaged');
    expect(refusal(decodePlanCode('KNEAD1..AAAA.0000000'))).toBe('code.length-damaged');
  });

  it('plan code - the check must be exactly 7 lowercase base-36 characters', () => {
    expect(decodePlanCode('KNEAD1.4.AAAA.000000')).toMatchObject({ ok: false, id: 'code.check-length', values: { digits: 7, found: 6 } });
    expect(decodePlanCode('KNEAD1.4.AAAA.00000000')).toMatchObject({ ok: false, id: 'code.check-length', values: { found: 8 } });
    expect(refusal(decodePlanCode('KNEAD1.4.AAAA.000000A'))).toBe('code.check-length');
    expect(refusal(decodePlanCode('KNEAD1.4.AAAA.A000000'))).toBe('code.check-length');
    expect(refusal(decodePlanCode('KNEAD1.4.AAAA.'))).toBe('code.check-length');
  });

  it('plan code - a payload shorter or longer than its length says by how much', () => {
    expect(decodePlanCode('KNEAD1.6.AAAA.0000000')).toMatchObject({ ok: false, id: 'code.cut-short', values: { missing: 2, length: 6 } });
    expect(decodePlanCode('KNEAD1.3.AAAA.0000000')).toMatchObject({ ok: false, id: 'code.too-long', values: { extra: 1 } });
    const cut = decodePlanCode('KNEAD1.a.AAAA.0000000');
    expect(!cut.ok && cut.reason).toBe('The code is cut short: 6 of its 10 plan characters are missing. Copy the whole code again.');
  });

  it('plan code - a character outside base64url is named, before the check is compared', () => {
    expect(decodePlanCode('KNEAD1.4.AA+A.0000000')).toMatchObject({ ok: false, id: 'code.bad-character', values: { character: '+' } });
    expect(decodePlanCode('KNEAD1.4.AA=A.0000000')).toMatchObject({ ok: false, id: 'code.bad-character', values: { character: '=' } });
  });

  it('plan code - every message id has English text and every placeholder is filled', () => {
    const samples = [
      decodePlanCode(''),
      decodePlanCode(codeOf('AAAA', 'KNEAD9')),
      decodePlanCode('KNEAD1.4.AAAA'),
      decodePlanCode('KNEAD1.4.AAAA.00'),
      decodePlanCode('KNEAD1.9.AAAA.0000000'),
      decodePlanCode('KNEAD1.2.AAAA.0000000'),
      decodePlanCode('KNEAD1.4.A*AA.0000000'),
    ];
    for (const result of samples) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(Object.keys(PLAN_CODE_MESSAGES)).toContain(result.id);
        expect(result.reason).not.toMatch(/\{[a-z]+\}/);
      }
    }
  });
});

describe('plan code - content the check cannot vouch for', () => {
  it.each([
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf]],
    ['an overlong 4-byte form', [0xf0, 0x80, 0x80, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lead byte 0xF5', [0xf5, 0x80, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
    ['a sequence cut short', [0x5b, 0xe4, 0xb8]],
    ['a lead byte not followed by a continuation', [0xc3, 0x28]],
    ['a 3-byte lead followed by ASCII', [0xe4, 0xb8, 0x41]],
    // Bytes that may never lead a sequence, followed by what would be a valid 3- or 4-byte tail:
    // a decoder that read them as leads would hand on U+0800 or U+10000.
    ['a continuation byte leading a 3-byte tail', [0x80, 0xa0, 0x80]],
    ['a continuation byte leading a 4-byte tail', [0x80, 0x90, 0x80, 0x80]],
    ['the overlong lead 0xC1 leading a 4-byte tail', [0xc1, 0x90, 0x80, 0x80]],
    ['a 5-byte lead 0xF8 (not UTF-8 since RFC 3629)', [0xf8, 0x90, 0x80, 0x80]],
  ])('plan code - %s is unreadable', (_what, bytes) => {
    expect(refusal(decodePlanCode(codeOfBytes(bytes)))).toBe('code.unreadable');
    // Inside a JSON string too, where a lax decoder would hand on readable text.
    expect(refusal(decodePlanCode(codeOfBytes([0x22, ...bytes, 0x22])))).toBe('code.unreadable');
  });

  it('plan code - characters at each UTF-8 length boundary round-trip (U+0080, U+07FF, U+0800, U+FFFF, U+10000)', () => {
    const plan = { ...TYPICAL_PLAN, note: 'x\u0080\u07ff\u0800\uffff\u{10000}' };
    expect(decodePlanCode(encodePlanCode(plan))).toEqual({ ok: true, plan });
  });

  it('plan code - the highest code points of each length still read (U+07FF, U+FFFD, U+10FFFF)', () => {
    for (const ch of ['\u07ff', '\ufffd', '\u{10ffff}', '\ud7ff', '\ue000']) {
      // A JSON string of one character reads; it is then not a plan, so the refusal is about the plan, not the bytes.
      expect(refusal(decodePlanCode(codeOfJson(ch)))).toBe('code.invalid-plan');
    }
  });

  it('plan code - base64 with unused bits set, or of an impossible length, is unreadable', () => {
    // "QQ" is the one spelling of the byte 0x41; "QR" sets bits no byte uses.
    expect(refusal(decodePlanCode(codeOf('QR')))).toBe('code.unreadable');
    expect(refusal(decodePlanCode(codeOf('QUF')))).toBe('code.unreadable');
    expect(refusal(decodePlanCode(codeOf('QUJDR')))).toBe('code.unreadable');
    expect(refusal(decodePlanCode(codeOf('W10')))).toBe('code.invalid-plan'); // "[]": readable, not a plan
    // The same readable "[]" and "[1]" spelled with unused bits set ("W11") or with a spare character
    // ("WzFdA": 5 is no base64 length): still unreadable, so every byte string has one spelling.
    expect(refusal(decodePlanCode(codeOf('W11')))).toBe('code.unreadable');
    expect(refusal(decodePlanCode(codeOf('WzFd')))).toBe('code.invalid-plan');
    expect(refusal(decodePlanCode(codeOf('WzFdA')))).toBe('code.unreadable');
  });

  it('plan code - text that is not JSON is unreadable', () => {
    expect(refusal(decodePlanCode(codeOfBytes([...Buffer.from('[1,2', 'utf8')])))).toBe('code.unreadable');
  });

  const tuple = (overrides: Record<number, unknown> = {}): unknown[] => {
    const base: unknown[] = [[0], [13], 3, ['desk-reset'], [], null, null, 1_700_000_000_000, null];
    for (const [i, v] of Object.entries(overrides)) base[Number(i)] = v;
    return base;
  };
  const invalidReason = (value: unknown): string => {
    const result = decodePlanCode(codeOfJson(value));
    return result.ok ? 'accepted' : `${result.id}: ${result.reason}`;
  };

  it('plan code - a well-formed tuple reads as the plan it describes', () => {
    const result = decodePlanCode(codeOfJson(tuple({ 5: [[0, 1, 'slow']], 6: 'hello', 8: 1_700_000_000_001 })));
    expect(result).toEqual({
      ok: true,
      plan: {
        v: 1,
        focusAreas: ['neck'],
        avoidAreas: ['feet'],
        weeklyTarget: 3,
        assignedRoutineIds: ['desk-reset'],
        customRoutines: [],
        updatedAt: 1_700_000_000_000,
        advice: [{ area: 'neck', tool: 'massage-ball', technique: 'slow' }],
        note: 'hello',
        targetSince: 1_700_000_000_001,
      },
    });
  });

  it('plan code - content of the wrong shape is refused as an invalid plan, saying which part', () => {
    expect(invalidReason({ plan: 1 })).toBe('code.invalid-plan: The plan in the code is not valid: its content has the wrong shape.');
    expect(invalidReason(tuple().slice(0, 8))).toMatch(/wrong shape/);
    expect(invalidReason(tuple({ 0: [99] }))).toMatch(/unknown area/);
    expect(invalidReason(tuple({ 1: [1.5] }))).toMatch(/unknown area/);
    expect(invalidReason(tuple({ 0: 'neck' }))).toMatch(/unknown area/);
    expect(invalidReason(tuple({ 4: {} }))).toMatch(/routines have the wrong shape/);
    expect(invalidReason(tuple({ 3: 'desk-reset' }))).toMatch(/routines have the wrong shape/);
    expect(invalidReason(tuple({ 4: [['a', 'A']] }))).toMatch(/a routine has the wrong shape/);
    expect(invalidReason(tuple({ 4: [['a', 'A', 'steps']] }))).toMatch(/a routine has the wrong shape/);
    expect(invalidReason(tuple({ 4: [['a', 'A', [[0, 2, 60, 0, '']], 'extra']] }))).toMatch(/a routine has the wrong shape/);
    expect(invalidReason(tuple({ 4: [['a', 'A', [[0, 2, 60, 0]]]] }))).toMatch(/a step has the wrong shape/);
    expect(invalidReason(tuple({ 4: [['a', 'A', [[0, 9, 60, 0, '']]]] }))).toMatch(/unknown area, side or tool/);
    expect(invalidReason(tuple({ 4: [['a', 'A', [[0, 2, 60, 9, '']]]] }))).toMatch(/unknown area, side or tool/);
    expect(invalidReason(tuple({ 4: [['a', 'A', [[99, 2, 60, 0, '']]]] }))).toMatch(/unknown area, side or tool/);
    expect(invalidReason(tuple({ 5: 'advice' }))).toMatch(/advice has the wrong shape/);
    expect(invalidReason(tuple({ 5: [[0, 1]] }))).toMatch(/a piece of advice has the wrong shape/);
    expect(invalidReason(tuple({ 5: [[0, 9, 'x']] }))).toMatch(/a piece of advice has the wrong shape/);
    expect(invalidReason(tuple({ 5: ['x'] }))).toMatch(/a piece of advice has the wrong shape/);
  });

  it('plan code - a readable tuple with a custom routine reads it, and plan rules still apply', () => {
    const routine = ['my-neck', 'My neck', [[0, 2, 60, 0, 'slow'], [2, 0, 45, 1, '']]];
    const result = decodePlanCode(codeOfJson(tuple({ 3: ['my-neck'], 4: [routine] })));
    expect(result.ok && result.plan.customRoutines).toEqual([
      { id: 'my-neck', name: 'My neck', steps: [{ area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: 'slow' }, { area: 'shoulders', side: 'left', seconds: 45, tool: 'massage-ball', hint: '' }] },
    ]);
    // The plan validator still runs: neck both focus and avoided.
    expect(invalidReason(tuple({ 1: [0] }))).toMatch(/^code.invalid-plan: The plan in the code is not valid: avoidAreas must not include neck/);
  });
});
