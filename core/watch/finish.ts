// What happens to a finished session: the check-in is added (validated by core/records/record), the
// record is queued in the outbox, the Summary copy is kept, and only then is the session key
// cleared, so a crash at any point leaves either the finished snapshot or the queued record
// (enqueue is idempotent by id, so doing it twice is harmless).

import { withCheckIn } from '../records/record';
import type { SessionRecord } from '../routines/model';
import { enqueue } from '../sync/outbox';
import type { KeyValueStore } from '../kernel/store';
import { readItem, writeAll } from '../kernel/store';
import { KEYS } from './keys';
import { rememberCheckIn } from './checkin-log';
import { clearSession } from './session-store';
import { isPlainObject } from '../kernel/json';
import { answersToSend } from '../routines/progression';
import { loadProgression } from './progression-store';

export interface SaveOutcome {
  readonly record: SessionRecord;
  readonly queued: boolean;
  readonly error?: string;
}

export function saveFinished(store: KeyValueStore, record: SessionRecord, checkIns: unknown = [], notes: unknown = [], firstScreen: unknown = {}): SaveOutcome {
  const checked = withCheckIn(record, checkIns, notes, firstScreen);
  const final = withAnswers(checked.ok ? checked.value : record, store);
  const queued = enqueue(store, final, final.endedAt);
  if (!queued.ok) return { record: final, queued: false, error: queued.error };
  writeAll(store, [[KEYS.lastSummary, JSON.stringify(final)]]);
  rememberCheckIn(store, final);
  clearSession(store);
  return { record: final, queued: true };
}

/** The record with the watch's progression answers, so they reach the phone with it (none: unchanged). */
function withAnswers(record: SessionRecord, store: KeyValueStore): SessionRecord {
  if (record.progression !== undefined) return record;
  const answers = answersToSend(loadProgression(store));
  return answers.length === 0 ? record : { ...record, progression: answers };
}

export function lastSummary(store: KeyValueStore): SessionRecord | null {
  const value = readItem(store, KEYS.lastSummary).value;
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (isPlainObject(parsed) && typeof parsed['id'] === 'string') return parsed as unknown as SessionRecord;
  } catch {
    return null;
  }
  return null;
}
