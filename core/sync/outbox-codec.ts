// Reads the stored outbox back. Whatever is unreadable is reported, and every entry that can be
// recognised is kept, so one damaged entry never costs the others.

import { AREAS, SESSION_STATUSES, SIDES } from '../routines/model';
import type { StepRef } from '../records/session-outcome';
import { isPlainObject } from '../kernel/json';
import type { OutboxState, PendingEntry, RejectedEntry } from './outbox-state';
import { OUTBOX_FORMAT_VERSION, emptyOutbox } from './outbox-state';
import type { RecentEntry } from './recent-history';
import { newerVersionMessage } from '../kernel/checks';

export interface Decoded {
  readonly state: OutboxState;
  /** Set when the stored value was not entirely readable; the raw value must be set aside. */
  readonly problem?: string;
}

export function decodeOutbox(raw: string): Decoded {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { state: emptyOutbox(), problem: 'outbox storage is not valid JSON' };
  }
  if (!isPlainObject(parsed)) return { state: emptyOutbox(), problem: 'outbox storage is not an object' };
  const v = parsed['v'];
  if (typeof v === 'number' && v > OUTBOX_FORMAT_VERSION) {
    return { state: emptyOutbox(), problem: newerVersionMessage('outbox storage', v, OUTBOX_FORMAT_VERSION) };
  }
  const problems: string[] = [];
  if (v !== OUTBOX_FORMAT_VERSION) problems.push('outbox storage has no version');
  const pending = keepValid(parsed['pending'], 'pending', decodePending, problems);
  const rejected = keepValid(parsed['rejected'], 'rejected', decodeRejected, problems);
  const recent = keepValid(parsed['recent'], 'recent', decodeRecent, problems);
  const state: OutboxState = { v: OUTBOX_FORMAT_VERSION, pending: dedupe(pending), rejected: dedupe(rejected), recent };
  return problems.length === 0 ? { state } : { state, problem: problems.join('; ') };
}

export function keepValid<T>(value: unknown, name: string, decode: (raw: unknown) => T | undefined, problems: string[]): T[] {
  if (!Array.isArray(value)) {
    problems.push(`outbox ${name} list is missing or not a list`);
    return [];
  }
  const out: T[] = [];
  let bad = 0;
  for (const raw of value) {
    const entry = decode(raw);
    if (entry === undefined) bad += 1;
    else out.push(entry);
  }
  if (bad > 0) problems.push(`${bad} ${name} ${bad === 1 ? 'entry was' : 'entries were'} unreadable`);
  return out;
}

function dedupe<T extends { readonly id: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
}

function recordOf(raw: Record<string, unknown>): Readonly<Record<string, unknown>> | undefined {
  const record = raw['record'];
  const id = raw['id'];
  if (typeof id !== 'string' || !isPlainObject(record) || record['id'] !== id) return undefined;
  return record;
}

export function decodePending(raw: unknown): PendingEntry | undefined {
  if (!isPlainObject(raw)) return undefined;
  const record = recordOf(raw);
  if (record === undefined) return undefined;
  const attempts = typeof raw['attempts'] === 'number' && Number.isInteger(raw['attempts']) && raw['attempts'] >= 0 ? raw['attempts'] : 0;
  const lastError = raw['lastError'];
  const base = { id: raw['id'] as string, record, attempts };
  return typeof lastError === 'string' ? { ...base, lastError } : base;
}

export function decodeRejected(raw: unknown): RejectedEntry | undefined {
  if (!isPlainObject(raw)) return undefined;
  const record = recordOf(raw);
  if (record === undefined) return undefined;
  const reason = typeof raw['reason'] === 'string' ? raw['reason'] : 'rejected by the phone (reason lost)';
  const rejectedAt = typeof raw['rejectedAt'] === 'number' ? raw['rejectedAt'] : 0;
  return { id: raw['id'] as string, record, reason, rejectedAt };
}

export function decodeRecent(raw: unknown): RecentEntry | undefined {
  if (!isPlainObject(raw)) return undefined;
  const { id, routineId, routineName, startedAt, endedAt, tzOffsetMin, status, sync, reason, massageMs, skipped, painAt } = raw;
  if (typeof id !== 'string' || typeof routineId !== 'string' || typeof routineName !== 'string') return undefined;
  if (typeof startedAt !== 'number' || typeof endedAt !== 'number' || typeof tzOffsetMin !== 'number') return undefined;
  const knownStatus = SESSION_STATUSES.find((s) => s === status);
  if (knownStatus === undefined) return undefined;
  if (sync !== 'pending' && sync !== 'sent' && sync !== 'rejected') return undefined;
  const base: RecentEntry = { id, routineId, routineName, startedAt, endedAt, tzOffsetMin, status: knownStatus, sync };
  const withReason: RecentEntry = typeof reason === 'string' ? { ...base, reason } : base;
  // Massage time is optional (older entries lack it); a damaged value is dropped, the entry kept.
  const withTime: RecentEntry = typeof massageMs === 'number' && Number.isInteger(massageMs) && massageMs >= 0 ? { ...withReason, massageMs } : withReason;
  // Skipped steps and the pain step are optional too: a damaged list or step is dropped, the entry kept.
  const skippedRefs = Array.isArray(skipped) ? skipped.map(decodeStepRef) : [];
  const withSkipped: RecentEntry = Array.isArray(skipped) && skippedRefs.every((r) => r !== undefined) ? { ...withTime, skipped: skippedRefs as StepRef[] } : withTime;
  const pain = decodeStepRef(painAt);
  return pain === undefined ? withSkipped : { ...withSkipped, painAt: pain };
}

function decodeStepRef(raw: unknown): StepRef | undefined {
  if (!isPlainObject(raw)) return undefined;
  const area = AREAS.find((a) => a === raw['area']);
  const side = SIDES.find((s) => s === raw['side']);
  return area === undefined || side === undefined ? undefined : { area, side };
}
