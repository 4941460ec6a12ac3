// What the Settings App screenshots show: the report fixture's four weeks (a plan set in the
// second week, pain, skipped and unrated sessions) stored the way the side service stores them.
// scripts/screenshots.mjs bundles this file with esbuild and writes the keys into the preview.

import { addRecords } from '../core/phone/history-store';
import { savePlan } from '../core/routines/plan-store';
import { savePainScore } from '../core/phone/pain-scores';
import { saveNote } from '../core/phone/notes';
import { MemoryStore } from '../tests/fixtures/memory-store';
import { MID_PERIOD, MID_PERIOD_RECORDS, PLAN_MID_PERIOD } from '../tests/fixtures/report-histories';

/** The phone storage and the time (the day after the four weeks) the preview should start at. */
export function phoneSeed(): { readonly now: number; readonly storage: Record<string, string> } {
  const store = new MemoryStore();
  const now = MID_PERIOD.to + 10 * 3600_000;
  addRecords(store, MID_PERIOD_RECORDS, now);
  savePlan(store, PLAN_MID_PERIOD);
  for (const note of MID_PERIOD.notes) saveNote(store, note.sessionId, note.text, note.updatedAt);
  (MID_PERIOD.painScores ?? new Map<string, number>()).forEach((score, id) => savePainScore(store, id, score, now));
  return { now, storage: store.snapshot() };
}
