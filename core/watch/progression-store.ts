// The person's progression answers on the watch (JSON under KEYS.progression), read leniently:
// damage reads as "no answers yet", which at worst offers the step again.

import type { ProgressionDecision, ProgressionState } from '../routines/progression';
import { EMPTY_PROGRESSION } from '../routines/progression';
import type { KeyValueStore, WriteResult } from '../kernel/store';
import { readItem, writeAll } from '../kernel/store';
import { KEYS } from './keys';
import { readProgressionAnswer } from '../records/record-validation';

export function loadProgression(store: KeyValueStore): ProgressionState {
  const raw = readItem(store, KEYS.progression).value;
  if (raw === undefined) return EMPTY_PROGRESSION;
  try {
    const parsed = JSON.parse(raw) as { decisions?: unknown };
    if (!Array.isArray(parsed.decisions)) return EMPTY_PROGRESSION;
    // One rule for an answer's shape: the record validator's (the phone reads the same answers).
    const decisions: ProgressionDecision[] = [];
    for (const raw of parsed.decisions as unknown[]) {
      const answer = readProgressionAnswer(raw);
      if (answer !== undefined) decisions.push(answer);
    }
    return { decisions };
  } catch {
    return EMPTY_PROGRESSION;
  }
}

export function saveProgression(store: KeyValueStore, state: ProgressionState): WriteResult {
  return writeAll(store, [[KEYS.progression, JSON.stringify(state)]]);
}
