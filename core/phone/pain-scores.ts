// The 0-10 pain score a person adds on the phone to a session that had pain (stopped for pain, or
// pain reported at the check-in). Kept like notes, apart from the records ('pain:<session id>' →
// JSON {score, updatedAt}), so records stay exactly as the watch sent them; a score given here
// wins over one given on the watch (core/phone/checkin-reading painScoreOf).

import type { SessionRecord } from '../routines/model';
import { MAX_PAIN_SCORE } from '../routines/model';
import type { Validated } from '../kernel/result';
import { invalid, valid } from '../kernel/result';
import { isPlainObject, parseJson } from '../kernel/json';
import type { KeyValueStore } from '../kernel/store';
import { listKeys, readItem, writeAll } from '../kernel/store';
import { checkStorageVersion } from '../kernel/storage-version';

export const PAIN_PREFIX = 'pain:';
export { MAX_PAIN_SCORE };

export interface PainScore {
  readonly score: number;
  readonly updatedAt: number;
}

/** A session the person may score: stopped for pain, or pain reported at its check-in. */
export function hadPain(record: SessionRecord): boolean {
  return record.status === 'pain' || record.hurt === true || record.checkIn.some((c) => c.pain === true);
}

export function validatePainScore(score: unknown, updatedAt: unknown): Validated<PainScore> {
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > MAX_PAIN_SCORE) {
    return invalid([{ path: 'score', message: `must be a whole number from 0 to ${MAX_PAIN_SCORE}` }]);
  }
  if (typeof updatedAt !== 'number' || !Number.isInteger(updatedAt) || updatedAt < 0) return invalid([{ path: 'updatedAt', message: 'must be a non-negative integer' }]);
  return valid({ score, updatedAt });
}

/** Sets the score of a session; `null` removes it. A bad score is refused and the old one stays. */
export function savePainScore(store: KeyValueStore, sessionId: string, score: number | null, now: number): Validated<PainScore | null> {
  if (score === null) {
    const removed = writeAll(store, [[`${PAIN_PREFIX}${sessionId}`, undefined]]);
    return removed.ok ? valid(null) : invalid([{ path: '', message: removed.error }]);
  }
  const checked = validatePainScore(score, now);
  if (!checked.ok) return checked;
  const version = checkStorageVersion(store);
  if (!version.ok) return invalid([{ path: '', message: version.error }]);
  const saved = writeAll(store, version.writes.concat([[`${PAIN_PREFIX}${sessionId}`, JSON.stringify(checked.value)]]));
  return saved.ok ? checked : invalid([{ path: '', message: saved.error }]);
}

export interface PainScoreEntry extends PainScore {
  readonly sessionId: string;
}

/** Every readable score with its session id (as exported); unreadable entries are skipped (and left in place). */
export function readPainScoreEntries(store: KeyValueStore): PainScoreEntry[] {
  const out: PainScoreEntry[] = [];
  for (const key of listKeys(store)) {
    if (key.indexOf(PAIN_PREFIX) !== 0) continue;
    const raw = readItem(store, key).value;
    if (raw === undefined) continue;
    const parsed = parseJson(raw, key);
    if (!parsed.ok || !isPlainObject(parsed.value)) continue;
    const checked = validatePainScore(parsed.value['score'], parsed.value['updatedAt']);
    if (checked.ok) out.push({ sessionId: key.slice(PAIN_PREFIX.length), ...checked.value });
  }
  return out;
}

/** Every readable score by session id. */
export function readPainScores(store: KeyValueStore): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of readPainScoreEntries(store)) out.set(e.sessionId, e.score);
  return out;
}
