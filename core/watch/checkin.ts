// The Check-in page's draft: one rating per area done, toggled by taps, turned into the input
// withCheckIn() validates.

import type { AreaCheckIn, PresetNote, SessionRecord, Tightness } from '../model';
import type { Area } from '../model';

export interface CheckInDraft {
  readonly areas: readonly AreaCheckIn[];
  readonly notes: readonly PresetNote[];
}

/** Areas worked (not skipped), each once, in session order. */
export function areasDone(record: SessionRecord): Area[] {
  const out: Area[] = [];
  for (const step of record.steps) if (!step.skipped && step.doneMs > 0 && out.indexOf(step.area) < 0) out.push(step.area);
  return out;
}

export function areasSkipped(record: SessionRecord): Area[] {
  const done = areasDone(record);
  const out: Area[] = [];
  for (const step of record.steps) if (done.indexOf(step.area) < 0 && out.indexOf(step.area) < 0) out.push(step.area);
  return out;
}

export function emptyDraft(record: SessionRecord): CheckInDraft {
  return {
    areas: areasDone(record).map((area) => ({ area, tightness: 0, newSoreness: false, sidesDiffer: false, pain: false })),
    notes: [],
  };
}

export type Flag = 'newSoreness' | 'sidesDiffer' | 'pain';

function mapArea(draft: CheckInDraft, index: number, change: (a: AreaCheckIn) => AreaCheckIn): CheckInDraft {
  return { ...draft, areas: draft.areas.map((a, i) => (i === index ? change(a) : a)) };
}

export function cycleTightness(draft: CheckInDraft, index: number): CheckInDraft {
  return mapArea(draft, index, (a) => ({ ...a, tightness: ((a.tightness + 1) % 4) as Tightness }));
}

export function toggleFlag(draft: CheckInDraft, index: number, flag: Flag): CheckInDraft {
  return mapArea(draft, index, (a) => ({ ...a, [flag]: !a[flag] }));
}

export function toggleNote(draft: CheckInDraft, note: PresetNote): CheckInDraft {
  const has = draft.notes.indexOf(note) >= 0;
  return { ...draft, notes: has ? draft.notes.filter((n) => n !== note) : draft.notes.concat([note]) };
}
