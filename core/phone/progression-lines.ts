// The person's answers to progression offers as the phone knows them: each record carries the
// watch's last answers (SessionRecord.progression), so they arrive with the next session. Used by
// the report and the Overview, so both say the same.

import type { ProgressionAnswer, SessionRecord } from '../routines/model';
import { dayLabel } from '../kernel/local-time';
import type { Translate } from './messages';
import { fill } from '../kernel/template';

/** Every answer the records carry, each week once (the newest record's copy wins), oldest first. */
export function progressionAnswers(records: readonly SessionRecord[]): ProgressionAnswer[] {
  const byWeek = new Map<number, { answer: ProgressionAnswer; at: number }>();
  for (const r of records) {
    for (const answer of r.progression ?? []) {
      const known = byWeek.get(answer.week);
      if (known === undefined || r.startedAt > known.at) byWeek.set(answer.week, { answer, at: r.startedAt });
    }
  }
  const out: ProgressionAnswer[] = [];
  byWeek.forEach((entry) => out.push(entry.answer));
  return out.sort((a, b) => a.week - b.week);
}

/** "Week of 2026-11-16: one more area (Hips), accepted". */
export function answerLine(answer: ProgressionAnswer, t: Translate): string {
  const choice = t(`report.progress-${answer.choice}`);
  const week = dayLabel(answer.week);
  return answer.area === undefined
    ? fill(t('report.progress-time'), { week, choice })
    : fill(t('report.progress-area'), { week, choice, area: t(`area.${answer.area}`) });
}
