// The watch's own short memory of check-in ratings (the outbox forgets records once the phone has
// them), oldest first, at most CHECKIN_LOG_LIMIT, keyed by session id so saving twice adds once.
// Only rated areas are kept: an unrated check-in adds nothing. Read leniently (damage = empty).

import type { PastCheckIn } from '../adaptation';
import type { SessionRecord } from '../model';
import type { KeyValueStore } from '../sync/store';
import { readItem, writeAll } from '../sync/store';
import { KEYS } from './keys';
import { isPlainObject } from '../sync/json';

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
  if (record.checkIn.length === 0) return;
  const log = loadCheckInLog(store).filter((e) => e.id !== record.id);
  log.push({ id: record.id, ratings: record.checkIn.map((c) => ({ area: c.area, tightness: c.tightness })) });
  writeAll(store, [[KEYS.checkins, JSON.stringify(log.slice(-CHECKIN_LOG_LIMIT))]]);
}
