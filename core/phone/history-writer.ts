// The side service's working copy of the history layout during one push or import: every read
// goes through the pending writes, every change is a pending write, and the caller applies them
// all in one writeAll (so storage never holds half of a push). Touches only what a push needs: the
// index, the id buckets of the incoming ids, the open part of each month written, and the parts
// holding an incoming id that is already stored. Converting layout 1, or rebuilding after the
// index or an id bucket is damaged, reads everything once (see rebuildAll).
//
// A value storage cannot read (the read throws: a damaged file, a passing fault) is never written
// over or removed, and keeps its count in the index: what it holds is unknown, not gone. A value
// that was read and does not parse is damage: quarantined verbatim, then started again.

import type { SessionRecord } from '../routines/model';
import { describeProblems } from '../kernel/result';
import { isPlainObject, parseJson, shorten, utf8ByteLength } from '../kernel/json';
import { validateRecord } from '../records/record-validation';
import type { KeyValueStore } from '../kernel/store';
import { listKeys, readItem } from '../kernel/store';
import type { MonthEntry } from './history-layout';
import {
  HISTORY_INDEX_KEY,
  PART_BYTES,
  bucketKey,
  idBucketKey,
  isIdBucketKey,
  monthBytes,
  monthKeyOf,
  parseIdBucket,
  parseIndex,
  partKey,
  partRef,
} from './history-layout';

/** A month's parts together never grow past this; a push into a full month is deferred with the reason. */
export const MAX_MONTH_BYTES = 1024 * 1024;

export interface QuarantineEntry {
  readonly month: string;
  readonly at: number;
  /** The damaged value as it was stored (cut to fit the quarantine). */
  readonly raw: string;
  readonly reason: string;
}

export interface StoredCopy {
  readonly month: string;
  /** Undefined when the stored copy is damaged (then the incoming one is stored) or unreadable. */
  readonly record: SessionRecord | undefined;
  /** Set when storage could not read the part holding it: nothing is known of the stored copy. */
  readonly unreadable?: string;
}

export class HistoryWriter {
  readonly writes = new Map<string, string | undefined>();
  readonly entries = new Map<string, MonthEntry>();
  readonly quarantined: QuarantineEntry[] = [];
  /** Months whose records changed other than by appending (their summary is rebuilt). */
  readonly rebuilt = new Set<string>();
  /** Sessions appended per month (their summary is brought up to date by adding them). */
  readonly appended = new Map<string, SessionRecord[]>();
  /** Months counts before this push, for trusting the stored summaries. */
  readonly countsBefore = new Map<string, number>();
  private readonly idBuckets = new Map<string, Record<string, string>>();
  private readonly dirtyIds = new Set<string>();
  private readonly parsedParts = new Map<string, unknown[]>();
  private readonly openChecked = new Set<string>();
  /** Keys storage could not read during this push (key → the reason): left as stored. */
  private readonly failedReads = new Map<string, string>();
  /** Set when a rebuild (or a late id bucket) met a value storage could not read: writing would lose it. */
  blocked: string | undefined = undefined;

  constructor(
    readonly store: KeyValueStore,
    readonly now: number,
  ) {
    const index = parseIndex(readItem(store, HISTORY_INDEX_KEY).value);
    if (index !== undefined && index.v === 2) {
      for (const e of index.entries) {
        this.entries.set(e.month, e);
        this.countsBefore.set(e.month, e.count);
      }
    } else this.rebuildAll();
  }

  read(key: string): { readonly value: string | undefined; readonly error?: string } {
    if (this.writes.has(key)) return { value: this.writes.get(key) };
    const failed = this.failedReads.get(key);
    if (failed !== undefined) return { value: undefined, error: failed };
    const read = readItem(this.store, key);
    // Once unreadable, unreadable for the whole push: every decision about the key agrees.
    if (read.error !== undefined) this.failedReads.set(key, read.error);
    return read;
  }

  private set(key: string, value: string | undefined): void {
    this.writes.set(key, value);
    this.parsedParts.delete(key);
  }

  quarantine(month: string, raw: string, reason: string): void {
    this.quarantined.push({ month, at: this.now, raw, reason });
  }

  /**
   * Layout 1, a damaged index or a damaged id bucket: every month is read from the keys, its
   * readable sessions written again as parts, damaged values and entries quarantined alone, and
   * the id index written anew. Runs once (the next push finds a layout-2 index). A value storage
   * cannot read sets `blocked`: the rebuild would renumber parts over it and forget its ids, so the
   * caller writes nothing this time.
   */
  rebuildAll(): void {
    const byMonth = new Map<string, Array<{ key: string; part: number }>>();
    const keys = listKeys(this.store);
    for (const key of keys) {
      if (isIdBucketKey(key)) {
        this.set(key, undefined);
        continue;
      }
      const at = monthKeyOf(key);
      if (at === undefined) continue;
      const list = byMonth.get(at.month) || [];
      list.push({ key, part: at.part === undefined ? -1 : at.part });
      byMonth.set(at.month, list);
    }
    this.entries.clear();
    this.idBuckets.clear();
    this.dirtyIds.clear();
    this.parsedParts.clear();
    const months = Array.from(byMonth.keys()).sort();
    const seen = new Map<string, SessionRecord>();
    for (const month of months) {
      const sources = (byMonth.get(month) || []).sort((a, b) => a.part - b.part);
      const records: SessionRecord[] = [];
      for (const { key } of sources) {
        const raws = this.readArray(key, month);
        if (raws === undefined) {
          if (this.blocked === undefined) this.blocked = this.failedReads.get(key);
          continue;
        }
        for (let i = 0; i < raws.length; i += 1) {
          const checked = validateRecord(raws[i], `${key}[${i}]`);
          if (!checked.ok) {
            this.quarantine(month, safeText(raws[i]), shorten(describeProblems(checked.problems), 200));
            continue;
          }
          const earlier = seen.get(checked.value.id);
          if (earlier !== undefined) {
            if (JSON.stringify(earlier) !== JSON.stringify(checked.value)) this.quarantine(month, safeText(raws[i]), 'a second, different session under a stored id');
            continue;
          }
          seen.set(checked.value.id, checked.value);
          records.push(checked.value);
        }
        this.set(key, undefined);
      }
      this.rebuilt.add(month);
      this.entries.set(month, { month, count: 0, parts: [], trusted: false, suspect: false });
      records.sort(byStart);
      for (const r of records) this.place(month, r);
    }
  }

  /** A stored array, or [] after quarantining the value when it is not one; undefined when storage cannot read it. */
  private readArray(key: string, month: string): unknown[] | undefined {
    const read = this.read(key);
    if (read.error !== undefined) return undefined;
    if (read.value === undefined) return [];
    const parsed = parseJson(read.value, `phone storage for ${month}`);
    if (parsed.ok && Array.isArray(parsed.value)) return parsed.value as unknown[];
    this.quarantine(month, read.value, parsed.ok ? `phone storage for ${month} is not a list` : describeProblems(parsed.problems));
    return [];
  }

  /** Loads the id buckets of these ids; false when one is damaged (the caller then rebuilds). */
  loadIds(ids: readonly string[]): boolean {
    for (const id of ids) {
      const key = idBucketKey(id);
      if (this.idBuckets.has(key)) continue;
      const read = this.read(key);
      const bucket = read.error === undefined ? parseIdBucket(read.value) : undefined;
      if (bucket === undefined) return false;
      this.idBuckets.set(key, bucket);
    }
    return true;
  }

  private bucketOf(id: string): Record<string, string> {
    const key = idBucketKey(id);
    let bucket = this.idBuckets.get(key);
    if (bucket === undefined) {
      const read = this.read(key);
      // A damaged bucket found this late (converting a layout-1 month) starts again from what is known;
      // one storage cannot read would be written over with the ids it holds forgotten: the push waits.
      if (read.error !== undefined && this.blocked === undefined) this.blocked = read.error;
      bucket = (read.error === undefined ? parseIdBucket(read.value) : undefined) || (Object.create(null) as Record<string, string>);
      this.idBuckets.set(key, bucket);
    }
    return bucket;
  }

  /** Where a session id is stored, by the id index; undefined when it is not. */
  find(id: string): StoredCopy | undefined {
    const ref = this.bucketOf(id)[id];
    if (ref === undefined) return undefined;
    const slash = ref.indexOf('/');
    const month = ref.slice(0, slash);
    const part = Number(ref.slice(slash + 1));
    const entry = this.entries.get(month);
    if (entry === undefined || !(part >= 0 && part < entry.parts.length)) return undefined;
    const raws = this.part(month, part);
    if (raws === undefined) return { month, record: undefined, unreadable: this.read(partKey(month, part)).error as string };
    for (const raw of raws) {
      if (!isPlainObject(raw) || raw['id'] !== id) continue;
      const checked = validateRecord(raw);
      return { month, record: checked.ok ? checked.value : undefined };
    }
    return undefined;
  }

  /**
   * A part's sessions as stored; a damaged part is quarantined alone and starts again empty. One
   * storage cannot read gives undefined and is left as stored, still counted (its sessions are
   * read again once storage can).
   */
  private part(month: string, part: number): unknown[] | undefined {
    const key = partKey(month, part);
    const cached = this.parsedParts.get(key);
    if (cached !== undefined) return cached;
    const read = this.read(key);
    if (read.error !== undefined) return undefined;
    const parsed = read.value === undefined ? undefined : parseJson(read.value, `phone storage for ${month} (${key})`);
    if (parsed !== undefined && parsed.ok && Array.isArray(parsed.value)) {
      this.parsedParts.set(key, parsed.value as unknown[]);
      return parsed.value as unknown[];
    }
    if (read.value !== undefined) {
      this.quarantine(month, read.value, parsed !== undefined && !parsed.ok ? describeProblems(parsed.problems) : `phone storage for ${month} (${key}) is not a list`);
    }
    this.emptyPart(month, part);
    return [];
  }

  /**
   * Whether the month's open part can be appended to: it is parsed once per push first, so damage
   * is never written over; one storage cannot read is not appended to (noted in the quarantine,
   * with no text since none was read) and the month's next session opens a new part.
   */
  private openTakesMore(month: string, entry: MonthEntry): boolean {
    const last = entry.parts.length - 1;
    if (last < 0) return false;
    const key = partKey(month, last);
    if (!this.openChecked.has(month)) {
      this.openChecked.add(month);
      if (this.part(month, last) === undefined) {
        this.quarantine(month, '', `${this.failedReads.get(key) as string}; the part was left as stored and new sessions go to a new part`);
      }
    }
    return !this.failedReads.has(key);
  }

  /**
   * Whether a session of `bytes` goes to a new part of the month rather than the open one: there is
   * none, storage cannot read it, or it is full. The one rule for `fits` and `place`.
   */
  private opensNewPart(month: string, entry: MonthEntry, bytes: number): boolean {
    // Asked first: checking the open part may empty a damaged one.
    const takes = this.openTakesMore(month, entry);
    const open = entry.parts[entry.parts.length - 1];
    return open === undefined || !takes || (open[0] > 0 && open[1] + bytes + 1 > PART_BYTES);
  }

  private emptyPart(month: string, part: number): void {
    const entry = this.entries.get(month);
    const slot = entry === undefined ? undefined : entry.parts[part];
    if (entry === undefined || slot === undefined) return;
    entry.count -= slot[0];
    entry.parts[part] = [0, 2];
    this.set(partKey(month, part), '[]');
    this.rebuilt.add(month);
  }

  /**
   * Layout 1's bucket of a month about to be written (found by its key, one read): its readable
   * sessions join the month's parts, damage is quarantined, and the bucket key goes.
   */
  convertLegacyMonth(month: string): void {
    const key = bucketKey(month);
    const read = this.read(key);
    if (read.value === undefined && read.error === undefined) return;
    const raws = this.readArray(key, month);
    if (raws === undefined) {
      // Left as stored: merged when the month is next written and storage can read it.
      this.quarantine(month, '', `${this.read(key).error as string}; the value was left as stored`);
      return;
    }
    const records: SessionRecord[] = [];
    // A session whose stored copy storage cannot read keeps the value until the copy can be compared.
    let undecided = false;
    for (let i = 0; i < raws.length; i += 1) {
      const checked = validateRecord(raws[i], `${key}[${i}]`);
      if (!checked.ok) {
        this.quarantine(month, safeText(raws[i]), shorten(describeProblems(checked.problems), 200));
        continue;
      }
      const known = this.find(checked.value.id);
      if (known === undefined) records.push(checked.value);
      else if (known.unreadable !== undefined) undecided = true;
    }
    if (!undecided) this.set(key, undefined);
    this.rebuilt.add(month);
    records.sort(byStart);
    for (const r of records) this.place(month, r);
  }

  /** Whether `record` still fits its month (MAX_MONTH_BYTES), counting what its part grows by. */
  fits(month: string, record: SessionRecord): boolean {
    const entry = this.entries.get(month);
    const bytes = utf8ByteLength(JSON.stringify(record));
    // A new part costs the session and the brackets of its list, the open part the session and a
    // comma (an emptied open part, "[]", grows by one byte less: counted as a comma, on the safe side).
    const grows = entry === undefined || this.opensNewPart(month, entry, bytes) ? bytes + 2 : bytes + 1;
    return (entry === undefined ? 0 : monthBytes(entry)) + grows <= MAX_MONTH_BYTES;
  }

  /** Appends a new session to its month's open part (a new part when that one is full). */
  append(month: string, record: SessionRecord): void {
    this.place(month, record);
    const list = this.appended.get(month);
    if (list === undefined) this.appended.set(month, [record]);
    else list.push(record);
  }

  private place(month: string, record: SessionRecord): void {
    let entry = this.entries.get(month);
    if (entry === undefined) {
      entry = { month, count: 0, parts: [], trusted: false, suspect: false };
      this.entries.set(month, entry);
    }
    const text = JSON.stringify(record);
    const bytes = utf8ByteLength(text);
    let last = entry.parts.length - 1;
    if (this.opensNewPart(month, entry, bytes)) {
      entry.parts.push([0, 2]);
      last += 1;
      this.set(partKey(month, last), '[]');
    }
    const key = partKey(month, last);
    const before = this.read(key).value;
    const slot = entry.parts[last] as [number, number];
    const empty = slot[0] === 0 || before === undefined || before.length <= 2;
    this.writes.set(key, empty ? `[${text}]` : `${before.slice(0, -1)},${text}]`);
    const cached = this.parsedParts.get(key);
    if (cached !== undefined) cached.push(JSON.parse(text) as unknown);
    entry.parts[last] = [slot[0] + 1, empty ? bytes + 2 : slot[1] + bytes + 1];
    entry.count += 1;
    if (record.clockSuspect === true) entry.suspect = true;
    else entry.trusted = true;
    const bucket = this.bucketOf(record.id);
    bucket[record.id] = partRef(month, last);
    this.dirtyIds.add(idBucketKey(record.id));
  }

  /** Removes a month whole (retention). Its ids in the id index go when their bucket is next written. */
  drop(month: string): void {
    const entry = this.entries.get(month);
    if (entry === undefined) return;
    for (let p = 0; p < entry.parts.length; p += 1) this.set(partKey(month, p), undefined);
    if (this.read(bucketKey(month)).value !== undefined) this.set(bucketKey(month), undefined);
    this.entries.delete(month);
  }

  /** The changed id buckets, without ids of months no longer stored. */
  writeIds(): void {
    this.dirtyIds.forEach((key) => {
      const bucket = this.idBuckets.get(key);
      if (bucket === undefined) return;
      const kept = Object.create(null) as Record<string, string>;
      // Sorted, so the same sessions give the same stored text whatever order they came in.
      for (const id of Object.keys(bucket).sort()) {
        const ref = bucket[id] as string;
        if (this.entries.has(ref.slice(0, ref.indexOf('/')))) kept[id] = ref;
      }
      this.set(key, JSON.stringify(kept));
    });
  }

  /** Every readable session of a month, as stored now (for rebuilding its summary). */
  monthRecords(month: string): SessionRecord[] {
    const entry = this.entries.get(month);
    const out: SessionRecord[] = [];
    if (entry === undefined) return out;
    for (let p = 0; p < entry.parts.length; p += 1) {
      const read = this.read(partKey(month, p));
      const parsed = read.value === undefined ? undefined : parseJson(read.value, 'part');
      if (parsed === undefined || !parsed.ok || !Array.isArray(parsed.value)) continue;
      for (const raw of parsed.value as unknown[]) {
        const checked = validateRecord(raw);
        if (checked.ok) out.push(checked.value);
      }
    }
    return out;
  }
}

export function byStart(a: SessionRecord, b: SessionRecord): number {
  return a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function safeText(raw: unknown): string {
  try {
    const text = JSON.stringify(raw);
    return typeof text === 'string' ? text : String(raw);
  } catch {
    return String(raw);
  }
}
