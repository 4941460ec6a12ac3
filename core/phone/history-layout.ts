// The keys and the index of the phone's history layout (layout 2), so that storing a session
// touches a bounded amount whatever the size of the history:
//
//   'history:2026-11/0', '/1', …  month parts: JSON arrays of SessionRecord in arrival order, each
//                                 at most PART_BYTES (a part holding one record may be larger);
//                                 only the newest part of a month is ever appended to
//   'history:ids/3f'              id index, one of ID_BUCKETS buckets chosen by a hash of the id:
//                                 JSON { "<session id>": "2026-11/3" } (the part holding it)
//   'history:index'               JSON { v: 2, months: [MonthEntry] }, newest month first
//   'history:2026-11'             layout 1: the whole month in one array. Still read; converted into
//                                 parts by the side service the first time it writes history.
//
// The index is the writer's map (which part is open, how full a month is); readers find parts from
// the keys themselves, so a damaged index never hides a session.

import { isPlainObject, parseJson } from '../kernel/json';

export const HISTORY_PREFIX = 'history:';
export const HISTORY_INDEX_KEY = 'history:index';
export const INDEX_VERSION = 2;
/** A month part is closed once the next record would take it past this many bytes. */
export const PART_BYTES = 16 * 1024;
/** How many id index buckets: a bucket holds about 1/256 of every stored id. */
export const ID_BUCKETS = 256;
const ID_PREFIX = `${HISTORY_PREFIX}ids/`;
const MONTH_KEY = /^(\d{4}-\d{2})(?:\/(\d{1,6}))?$/;

/** Layout 1's whole-month key (still read, and converted on the first write). */
export function bucketKey(month: string): string {
  return `${HISTORY_PREFIX}${month}`;
}

export function partRef(month: string, part: number): string {
  return `${month}/${part}`;
}

export function partKey(month: string, part: number): string {
  return `${HISTORY_PREFIX}${partRef(month, part)}`;
}

/** FNV-1a: cheap, stable across devices and versions (the bucket of an id must never change). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function idBucketKey(id: string): string {
  const n = hash(id) % ID_BUCKETS;
  return `${ID_PREFIX}${n < 16 ? '0' : ''}${n.toString(16)}`;
}

export function isIdBucketKey(key: string): boolean {
  return key.indexOf(ID_PREFIX) === 0;
}

/** What a history key holds: a month's layout-1 bucket (part undefined) or one of its parts. */
export function monthKeyOf(key: string): { readonly month: string; readonly part?: number } | undefined {
  if (key.indexOf(HISTORY_PREFIX) !== 0) return undefined;
  const match = MONTH_KEY.exec(key.slice(HISTORY_PREFIX.length));
  if (match === null || match[1] === undefined) return undefined;
  return match[2] === undefined ? { month: match[1] } : { month: match[1], part: Number(match[2]) };
}

export interface MonthEntry {
  readonly month: string;
  /** Sessions stored in the month (all parts). */
  count: number;
  /** Per part, in order: [sessions, bytes]; the last one is the open part. */
  parts: Array<[number, number]>;
  /** Holds a session from a clock that looked right (counts for retention). */
  trusted: boolean;
  /** Holds a session from a wrong watch clock (such a month is never dropped as old). */
  suspect: boolean;
}

export function monthBytes(entry: MonthEntry): number {
  let bytes = 0;
  for (const p of entry.parts) bytes += p[1];
  return bytes;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function entryOf(raw: unknown): MonthEntry | undefined {
  if (!isPlainObject(raw) || typeof raw['month'] !== 'string' || !MONTH_KEY.test(raw['month']) || !isCount(raw['count'])) return undefined;
  const parts = raw['parts'];
  if (!Array.isArray(parts)) return undefined;
  const out: Array<[number, number]> = [];
  for (const p of parts as unknown[]) {
    if (!Array.isArray(p) || !isCount(p[0]) || !isCount(p[1])) return undefined;
    out.push([p[0], p[1]]);
  }
  return { month: raw['month'], count: raw['count'], parts: out, trusted: raw['trusted'] === true, suspect: raw['suspect'] === true };
}

export type ParsedIndex =
  | { readonly v: 2; readonly entries: MonthEntry[] }
  | { readonly v: 1; readonly counts: Array<{ month: string; count: number }> }
  | undefined;

/** The stored index (layout 2, or layout 1's counts only), or undefined when missing or damaged. */
export function parseIndex(text: string | undefined): ParsedIndex {
  if (text === undefined) return undefined;
  const parsed = parseJson(text, 'history index');
  if (!parsed.ok || !isPlainObject(parsed.value) || !Array.isArray(parsed.value['months'])) return undefined;
  const months = parsed.value['months'] as unknown[];
  if (parsed.value['v'] === INDEX_VERSION) {
    const entries: MonthEntry[] = [];
    for (const m of months) {
      const entry = entryOf(m);
      if (entry === undefined) return undefined;
      entries.push(entry);
    }
    return { v: 2, entries };
  }
  if (parsed.value['v'] !== 1) return undefined;
  const counts: Array<{ month: string; count: number }> = [];
  for (const m of months) {
    if (!isPlainObject(m) || typeof m['month'] !== 'string' || !MONTH_KEY.test(m['month']) || typeof m['count'] !== 'number') return undefined;
    counts.push({ month: m['month'], count: m['count'] });
  }
  return { v: 1, counts };
}

export function encodeIndex(entries: Iterable<MonthEntry>): string {
  const months: MonthEntry[] = [];
  for (const e of entries) if (e.count > 0 || e.parts.length > 0) months.push(e);
  months.sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  return JSON.stringify({ v: INDEX_VERSION, months: months.map((e) => ({ month: e.month, count: e.count, parts: e.parts, trusted: e.trusted, suspect: e.suspect })) });
}

/** An id bucket's map, or undefined when damaged. */
export function parseIdBucket(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return Object.create(null) as Record<string, string>;
  const parsed = parseJson(text, 'history id index');
  if (!parsed.ok || !isPlainObject(parsed.value)) return undefined;
  const out = Object.create(null) as Record<string, string>;
  for (const id of Object.keys(parsed.value)) {
    const ref = parsed.value[id];
    if (typeof ref === 'string') out[id] = ref;
  }
  return out;
}
