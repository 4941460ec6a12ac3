// Free-text notes the person adds to a session on the phone. Kept apart from the records
// (one key per session, 'note:<session id>' → JSON {text, updatedAt}) so records stay exactly
// as the watch sent them and editing a note rewrites a few hundred bytes.

import type { Validated } from '../kernel/result';
import { describeProblems, invalid, valid } from '../kernel/result';
import { NO_CONTROL_MESSAGE, PRINTABLE_ID, PRINTABLE_ID_MESSAGE } from '../kernel/checks';
import { isPlainObject, parseJson } from '../kernel/json';
import { MAX_ID_LENGTH } from '../records/record-validation';
import type { KeyValueStore, WriteResult } from '../kernel/store';
import { listKeys, readItem, writeAll } from '../kernel/store';
import { checkStorageVersion } from '../kernel/storage-version';

export const NOTE_PREFIX = 'note:';
export const MAX_NOTE_LENGTH = 500;

export interface SessionNote {
  readonly sessionId: string;
  readonly text: string;
  readonly updatedAt: number;
}

// Tabs and newlines are fine in a note; other control characters are not text.
// eslint-disable-next-line no-control-regex
const NOTE_TEXT = /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$/;

export function noteKey(sessionId: string): string {
  return `${NOTE_PREFIX}${sessionId}`;
}

export function validateNote(sessionId: unknown, text: unknown, updatedAt: unknown, path = ''): Validated<SessionNote> {
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (typeof sessionId !== 'string' || sessionId.length === 0 || sessionId.length > MAX_ID_LENGTH || !PRINTABLE_ID.test(sessionId)) {
    return invalid([{ path: at('sessionId'), message: `must be a session id (1-${MAX_ID_LENGTH} characters; ${PRINTABLE_ID_MESSAGE})` }]);
  }
  if (typeof text !== 'string') return invalid([{ path: at('text'), message: 'must be a string' }]);
  const trimmed = text.trim();
  if (trimmed.length === 0) return invalid([{ path: at('text'), message: 'must not be empty (delete the note instead)' }]);
  if (trimmed.length > MAX_NOTE_LENGTH) return invalid([{ path: at('text'), message: `must be at most ${MAX_NOTE_LENGTH} characters (got ${trimmed.length})` }]);
  if (!NOTE_TEXT.test(trimmed)) return invalid([{ path: at('text'), message: NO_CONTROL_MESSAGE }]);
  if (typeof updatedAt !== 'number' || !Number.isInteger(updatedAt) || updatedAt < 0) {
    return invalid([{ path: at('updatedAt'), message: 'must be a non-negative integer' }]);
  }
  return valid({ sessionId, text: trimmed, updatedAt });
}

export function readNote(store: KeyValueStore, sessionId: string): Validated<SessionNote | null> {
  const read = readItem(store, noteKey(sessionId));
  if (read.error !== undefined) return invalid([{ path: '', message: read.error }]);
  if (read.value === undefined) return valid(null);
  return decodeNote(sessionId, read.value);
}

function decodeNote(sessionId: string, raw: string): Validated<SessionNote> {
  const parsed = parseJson(raw, `the note for ${sessionId}`);
  if (!parsed.ok) return parsed;
  if (!isPlainObject(parsed.value)) return invalid([{ path: '', message: `the note for ${sessionId} is not an object` }]);
  return validateNote(sessionId, parsed.value['text'], parsed.value['updatedAt'], noteKey(sessionId));
}

/** Adds or replaces the note of a session (edit = save again). */
export function saveNote(store: KeyValueStore, sessionId: string, text: unknown, now: number): Validated<SessionNote> {
  const checked = validateNote(sessionId, text, now);
  if (!checked.ok) return checked;
  const saved = writeNotes(store, [checked.value]);
  return saved.ok ? checked : invalid([{ path: '', message: `could not save the note for ${sessionId}: ${saved.error}` }]);
}

export function writeNotes(store: KeyValueStore, notes: readonly SessionNote[]): WriteResult {
  const version = checkStorageVersion(store);
  if (!version.ok) return { ok: false, error: version.error };
  const writes = notes.map((n) => [noteKey(n.sessionId), JSON.stringify({ text: n.text, updatedAt: n.updatedAt })] as const);
  return writeAll(store, version.writes.concat(writes));
}

export function deleteNote(store: KeyValueStore, sessionId: string): WriteResult {
  return writeAll(store, [[noteKey(sessionId), undefined]]);
}

export interface AllNotes {
  readonly notes: readonly SessionNote[];
  readonly problems: readonly string[];
}

/** Every readable note, sorted by session id; unreadable ones are reported and left in place. */
export function readAllNotes(store: KeyValueStore): AllNotes {
  const notes: SessionNote[] = [];
  const problems: string[] = [];
  for (const key of listKeys(store).sort()) {
    if (key.indexOf(NOTE_PREFIX) !== 0) continue;
    const sessionId = key.slice(NOTE_PREFIX.length);
    const read = readItem(store, key);
    if (read.value === undefined) continue;
    const decoded = decodeNote(sessionId, read.value);
    if (decoded.ok) notes.push(decoded.value);
    else problems.push(describeProblems(decoded.problems));
  }
  return { notes, problems };
}
