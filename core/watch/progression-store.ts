// The person's progression answers on the watch (JSON under KEYS.progression), read leniently:
// damage reads as "no answers yet", which at worst offers the step again.

import type { ProgressionDecision, ProgressionState } from '../progression';
import { EMPTY_PROGRESSION } from '../progression';
import type { KeyValueStore, WriteResult } from '../sync/store';
import { readItem, writeAll } from '../sync/store';
import { KEYS } from './keys';
import { isPlainObject } from '../sync/json';

export function loadProgression(store: KeyValueStore): ProgressionState {
  const raw = readItem(store, KEYS.progression).value;
  if (raw === undefined) return EMPTY_PROGRESSION;
  try {
    const parsed = JSON.parse(raw) as { decisions?: unknown };
    if (!Array.isArray(parsed.decisions)) return EMPTY_PROGRESSION;
    const decisions = parsed.decisions.filter(
      (d: unknown): d is ProgressionDecision => isPlainObject(d) && typeof d['week'] === 'number' && (d['choice'] === 'accepted' || d['choice'] === 'declined'),
    );
    return { decisions };
  } catch {
    return EMPTY_PROGRESSION;
  }
}

export function saveProgression(store: KeyValueStore, state: ProgressionState): WriteResult {
  return writeAll(store, [[KEYS.progression, JSON.stringify(state)]]);
}
