// The plan code: a therapist who does not use Knead builds a plan on therapist/index.html and
// gets a short text the client pastes into the Settings App. Both sides call this module, and
// the plan inside is checked by the one plan validator (core/routines/plan-validation).
//
// Format: KNEAD1.<length>.<payload>.<check>
//   KNEAD1   the format and its version (a later format is KNEAD2, refused here with a clear word)
//   length   the payload's length in characters, base 36 (no leading zero)
//   payload  the plan as a compact JSON tuple (areas, sides and tools as list indices), UTF-8,
//            base64url (A-Z a-z 0-9 - _)
//   check    CRC-32 of everything before the last '.', 7 lowercase base-36 digits
// Why each part: '.' is not in the payload alphabet, so a changed or lost separator changes the
// part count; the length catches a lost or added character in the payload; CRC-32 catches every
// change of one character (a burst of at most 8 bits) anywhere it covers; the check's own digits
// are fixed in number and case. Whitespace is ignored, since chat apps wrap long codes.

import type { Area, AreaAdvice, Routine, Side, Step, TherapistPlan, Tool } from './model';
import { AREAS, PLAN_VERSION, SIDES, TOOLS } from './model';
import { validatePlan } from './plan-validation';
import type { Validated } from '../kernel/result';
import { describeProblems, invalid } from '../kernel/result';
import { fill } from '../kernel/template';

export const PLAN_CODE_PREFIX = 'KNEAD';
export const PLAN_CODE_VERSION = 1;
const CHECK_DIGITS = 7;

/**
 * Why a code is refused, as a message id with values: the Settings App translates the id
 * (`set.` + id in setting/i18n/*.po), the therapist page shows `reason`, the English text.
 */
export const PLAN_CODE_MESSAGES = {
  'code.empty': 'The code is empty: paste the whole code, starting with KNEAD1.',
  'code.not-a-code': 'This is not a Knead plan code: it must start with KNEAD1.',
  'code.newer': 'This plan code is format {found}, newer than this app reads ({current}): update Knead, then paste it again.',
  'code.older': 'This plan code is format {found}, which Knead does not read: ask for a new code.',
  'code.parts': 'The code has {parts} parts separated by "." where it must have 4: it is cut short or a "." was changed. Copy the whole code again.',
  'code.length-damaged': 'The length part of the code (after the first ".") is damaged. Copy the whole code again.',
  'code.check-length': 'The check part at the end must be {digits} characters (it has {found}): the code is cut short or damaged. Copy the whole code again.',
  'code.cut-short': 'The code is cut short: {missing} of its {length} plan characters are missing. Copy the whole code again.',
  'code.too-long': 'The code has {extra} character(s) too many. Copy it again without additions.',
  'code.bad-character': 'The code contains "{character}", which never appears in a plan code: it was mistyped or changed. Copy the whole code again.',
  'code.check-mismatch': 'The check digits do not match: a character of the code was changed or mistyped. Copy the whole code again.',
  'code.unreadable': 'The code passed its check but its content is not readable: ask for a new code.',
  'code.invalid-plan': 'The plan in the code is not valid: {problems}.',
} as const;
export type PlanCodeMessageId = keyof typeof PLAN_CODE_MESSAGES;

export type PlanCodeResult =
  | { readonly ok: true; readonly plan: TherapistPlan }
  | { readonly ok: false; readonly reason: string; readonly id: PlanCodeMessageId; readonly values: Readonly<Record<string, string | number>> };

// ---- encoding ------------------------------------------------------------------------------

type StepTuple = [number, number, number, number, string];
type RoutineTuple = [string, string, StepTuple[]];
type AdviceTuple = [number, number, string];
/** [focus, avoid, weeklyTarget, assigned, custom, advice, note, updatedAt, targetSince]; null when absent. */
type PlanTuple = [number[], number[], number, string[], RoutineTuple[], AdviceTuple[] | null, string | null, number, number | null];

function toTuple(plan: TherapistPlan): PlanTuple {
  const step = (s: Step): StepTuple => [AREAS.indexOf(s.area), SIDES.indexOf(s.side), s.seconds, TOOLS.indexOf(s.tool), s.hint];
  return [
    plan.focusAreas.map((a) => AREAS.indexOf(a)),
    plan.avoidAreas.map((a) => AREAS.indexOf(a)),
    plan.weeklyTarget,
    plan.assignedRoutineIds.slice(),
    plan.customRoutines.map((r) => [r.id, r.name, r.steps.map(step)]),
    plan.advice === undefined ? null : plan.advice.map((a) => [AREAS.indexOf(a.area), TOOLS.indexOf(a.tool), a.technique]),
    plan.note === undefined ? null : plan.note,
    plan.updatedAt,
    plan.targetSince === undefined ? null : plan.targetSince,
  ];
}

/** The code for a valid plan; throws on an invalid one (callers validate first: it is a bug). */
export function encodePlanCode(plan: TherapistPlan): string {
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error(`encodePlanCode: not a valid plan: ${describeProblems(checked.problems)}`);
  const payload = toBase64Url(utf8Encode(JSON.stringify(toTuple(checked.value))));
  const body = `${PLAN_CODE_PREFIX}${PLAN_CODE_VERSION}.${payload.length.toString(36)}.${payload}`;
  return `${body}.${checkDigits(body)}`;
}

// ---- decoding ------------------------------------------------------------------------------

const fail = (id: PlanCodeMessageId, values: Readonly<Record<string, string | number>> = {}): PlanCodeResult => ({ ok: false, reason: fill(PLAN_CODE_MESSAGES[id], values), id, values });

/** Reads a pasted code; every refusal says what is wrong. The plan is fully validated. */
export function decodePlanCode(input: string): PlanCodeResult {
  const code = input.replace(/\s+/g, '');
  if (code === '') return fail('code.empty');
  const version = /^KNEAD(\d+)\./.exec(code);
  if (version === null) return fail('code.not-a-code');
  if (version[1] !== String(PLAN_CODE_VERSION)) {
    const found = Number(version[1]);
    return fail(found > PLAN_CODE_VERSION ? 'code.newer' : 'code.older', { found: String(version[1]), current: PLAN_CODE_VERSION });
  }
  const parts = code.split('.');
  if (parts.length !== 4) return fail('code.parts', { parts: parts.length });
  const [head, lengthText, payload, check] = parts as [string, string, string, string];
  if (!/^[1-9a-z][0-9a-z]*$/.test(lengthText)) return fail('code.length-damaged');
  if (!/^[0-9a-z]+$/.test(check) || check.length !== CHECK_DIGITS) return fail('code.check-length', { digits: CHECK_DIGITS, found: check.length });
  const length = parseInt(lengthText, 36);
  if (payload.length < length) return fail('code.cut-short', { missing: length - payload.length, length });
  if (payload.length > length) return fail('code.too-long', { extra: payload.length - length });
  const bad = /[^A-Za-z0-9_-]/.exec(payload);
  if (bad !== null) return fail('code.bad-character', { character: bad[0] });
  if (checkDigits(`${head}.${lengthText}.${payload}`) !== check) return fail('code.check-mismatch');
  const bytes = fromBase64Url(payload);
  const text = bytes === null ? null : utf8Decode(bytes);
  if (text === null) return fail('code.unreadable');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('code.unreadable');
  }
  const plan = fromTuple(raw);
  if (!plan.ok) return fail('code.invalid-plan', { problems: describeProblems(plan.problems) });
  return { ok: true, plan: plan.value };
}

function fromTuple(raw: unknown): Validated<TherapistPlan> {
  const shape = (message: string): Validated<TherapistPlan> => invalid([{ path: '', message }]);
  if (!Array.isArray(raw) || raw.length !== 9) return shape('its content has the wrong shape');
  const [focus, avoid, weeklyTarget, assigned, custom, advice, note, updatedAt, targetSince] = raw as unknown[];
  const areas = (list: unknown): Area[] | null => (Array.isArray(list) ? list.map((i) => pick(AREAS, i)).filter(isPicked) : null);
  const focusAreas = areas(focus);
  const avoidAreas = areas(avoid);
  if (focusAreas === null || avoidAreas === null || focusAreas.length !== (focus as unknown[]).length || avoidAreas.length !== (avoid as unknown[]).length) return shape('names an unknown area');
  if (!Array.isArray(custom) || !Array.isArray(assigned)) return shape('its routines have the wrong shape');
  const customRoutines: Routine[] = [];
  for (const r of custom) {
    if (!Array.isArray(r) || r.length !== 3 || !Array.isArray(r[2])) return shape('a routine has the wrong shape');
    const steps: Step[] = [];
    for (const s of r[2] as unknown[]) {
      if (!Array.isArray(s) || s.length !== 5) return shape('a step has the wrong shape');
      const area = pick(AREAS, s[0]);
      const side = pick<Side>(SIDES, s[1]);
      const tool = pick<Tool>(TOOLS, s[3]);
      if (area === undefined || side === undefined || tool === undefined) return shape('a step names an unknown area, side or tool');
      steps.push({ area, side, seconds: s[2] as number, tool, hint: s[4] as string });
    }
    customRoutines.push({ id: r[0] as string, name: r[1] as string, steps });
  }
  let adviceList: AreaAdvice[] | undefined;
  if (advice !== null) {
    if (!Array.isArray(advice)) return shape('its advice has the wrong shape');
    adviceList = [];
    for (const a of advice) {
      const area = Array.isArray(a) ? pick(AREAS, a[0]) : undefined;
      const tool = Array.isArray(a) ? pick<Tool>(TOOLS, a[1]) : undefined;
      if (!Array.isArray(a) || a.length !== 3 || area === undefined || tool === undefined) return shape('a piece of advice has the wrong shape');
      adviceList.push({ area, tool, technique: a[2] as string });
    }
  }
  const plan: Record<string, unknown> = { v: PLAN_VERSION, focusAreas, avoidAreas, weeklyTarget, assignedRoutineIds: assigned, customRoutines, updatedAt };
  if (adviceList !== undefined) plan['advice'] = adviceList;
  if (note !== null) plan['note'] = note;
  if (targetSince !== null) plan['targetSince'] = targetSince;
  return validatePlan(plan);
}

function pick<T>(list: readonly T[], index: unknown): T | undefined {
  return typeof index === 'number' && Number.isInteger(index) ? list[index] : undefined;
}

function isPicked<T>(value: T | undefined): value is T {
  return value !== undefined;
}

// ---- bytes: UTF-8, base64url, CRC-32 (written out: the phone's JS has no TextEncoder or btoa) --

function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Strict: null for any malformed sequence, overlong form or surrogate. */
function utf8Decode(bytes: readonly number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0 || i + extra >= bytes.length) return null;
    let c = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return null;
      c = (c << 6) | (next & 63);
    }
    if ((extra === 2 && (c < 0x800 || (c >= 0xd800 && c < 0xe000))) || (extra === 3 && (c < 0x10000 || c > 0x10ffff))) return null;
    out += String.fromCodePoint(c);
    i += extra + 1;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k += 1) out += B64.charAt((n >> (18 - 6 * k)) & 63);
  }
  return out;
}

/** Null when the length is impossible or unused bits are set (only one text per byte string). */
function fromBase64Url(text: string): number[] | null {
  if (text.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k += 1) n = (n << 6) | (k < chunk.length ? B64.indexOf(chunk.charAt(k)) : 0);
    const bytes = chunk.length - 1;
    const all = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    if (all.slice(bytes).some((b) => b !== 0)) return null;
    out.push(...all.slice(0, bytes));
  }
  return out;
}

let crcTable: number[] | null = null;

function crc32(text: string): number {
  if (crcTable === null) {
    crcTable = [];
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable.push(c >>> 0);
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i += 1) crc = (crcTable[(crc ^ text.charCodeAt(i)) & 255] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function checkDigits(body: string): string {
  const digits = crc32(body).toString(36);
  return '0000000'.slice(digits.length) + digits;
}
