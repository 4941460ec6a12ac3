// Upgrades stored or received session records to the current shape before validation.
// There are no old versions yet (v:1 is the first); the dispatch exists so the first change to
// the record shape is one function in RECORD_MIGRATIONS rather than a rewrite of every reader.

import { RECORD_VERSION } from '../routines/model';
import type { Problem, Validated } from '../kernel/result';
import { invalid, valid } from '../kernel/result';
import { isPlainObject } from '../kernel/json';
import { newerVersionProblem } from '../kernel/checks';

/** Turns a record of version `from` into one of version `from + 1`. Must not mutate its input. */
export type RecordMigration = (record: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * Indexed by the version migrated FROM. Example of what an entry would look like, had there been a
 * v0 that stored the duration instead of the end time (it never existed; documentation only):
 *
 *   0: (r) => ({ ...r, v: 1, endedAt: Number(r.startedAt) + Number(r.durationMs), durationMs: undefined })
 */
export const RECORD_MIGRATIONS: Readonly<Record<number, RecordMigration>> = {};

/**
 * Brings `input` up to RECORD_VERSION. A newer version is refused with an "update Knead" message;
 * anything that is not a versioned object is passed through for the validator to describe.
 */
export function migrateRecord(
  input: unknown,
  path = '',
  migrations: Readonly<Record<number, RecordMigration>> = RECORD_MIGRATIONS,
  current: number = RECORD_VERSION,
): Validated<unknown> {
  if (!isPlainObject(input)) return valid(input);
  const version = input['v'];
  if (typeof version !== 'number' || !Number.isInteger(version)) return valid(input);
  if (version > current) return invalid([newerVersionProblem(path, 'record', version, current)]);
  let record: Record<string, unknown> = input;
  for (let from = version; from < current; from += 1) {
    const step = Object.prototype.hasOwnProperty.call(migrations, from) ? migrations[from] : undefined;
    if (step === undefined) {
      const problem: Problem = { path, message: `record version ${version} is not one this app can read` };
      return invalid([problem]);
    }
    record = step(record);
  }
  return valid(record);
}
