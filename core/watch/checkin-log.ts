// The watch's own short memory of check-in ratings (the outbox forgets records once the phone has
// them), oldest first, at most CHECKIN_LOG_LIMIT, keyed by session id so saving twice adds once.
// Only rated tightness is kept: an unrated check-in (or area) adds nothing. Read leniently (damage = empty).

import type { PastCheckIn } from '../routines/adaptation';
import type { SessionRecord } from '../routines/model';
import type { KeyValueStore } from '../kernel/store';
import { readItem, writeAll } from '../kernel/store';
import { KEYS } from './keys';
import { isPlainObject } from '../kernel/json';

export const CHECKIN_LOG_LIMIT = 20;

interface LoggedCheckIn extends PastCheckIn {
  readonly id: string;
}

export function loadCheckInLog(store: KeyValueStore): LoggedCheckIn[] {
  const raw = readItem(store, KEYS.checkins).value;
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e: unknown): e is LoggedCheckIn => isPlainObject(e) && typeof e['id'] === 'string' && Array.isArray(e['ratings']));
  } catch {
    return [];
  }
}

export function rememberCheckIn(store: KeyValueStore, record: SessionRecord): void {
  const ratings: Array<LoggedCheckIn['ratings'][number]> = [];
  for (const c of record.checkIn) if (c.tightness !== undefined) ratings.push({ area: c.area, tightness: c.tightness });
  if (ratings.length === 0) return;
  const log = loadCheckInLog(store).filter((e) => e.id !== record.id);
  log.push({ id: record.id, ratings });
  writeAll(store, [[KEYS.checkins, JSON.stringify(log.slice(-CHECKIN_LOG_LIMIT))]]);
}
