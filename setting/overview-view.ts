// Overview: this week against the target, streak of weeks on target, last session.

import type { Overview } from '../core/phone/stats';
import type { Translate } from '../core/phone/messages';
import { sessionLine } from './format';

export function overviewSection(view: Overview, t: Translate, problems: readonly string[]): SettingsNode {
  const week = view.thisWeek.target > 0 ? `This week: ${view.thisWeek.count} of ${view.thisWeek.target}` : `This week: ${view.thisWeek.count} (no weekly target)`;
  const streak = `Streak: ${view.streakWeeks} ${view.streakWeeks === 1 ? 'week' : 'weeks'} on target`;
  const last = view.lastSession === null ? 'Last session: none yet' : `Last session: ${sessionLine(view.lastSession, t)}`;
  return Section({ title: 'Overview' }, [
    Text({ paragraph: true }, [week]),
    Text({ paragraph: true }, [streak]),
    Text({ paragraph: true }, [last]),
    ...problems.map((p) => Text({ paragraph: true }, [`Storage problem: ${p}`])),
  ]);
}
