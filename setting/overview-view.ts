// Overview: this week against the target, streak of weeks on target, last session, progression answers.

import type { Overview } from '../core/phone/stats';
import type { Translate } from '../core/phone/messages';
import { sessionLine } from './format';
import { tr } from './text';

/** `progression`: the person's latest answers to progression offers, as lines (core/phone/progression-lines). */
export function overviewSection(view: Overview, t: Translate, problems: readonly string[], progression: readonly string[] = []): SettingsNode {
  const week = view.thisWeek.target > 0 ? tr('set.overview.week-target', { count: view.thisWeek.count, target: view.thisWeek.target }) : tr('set.overview.week', { count: view.thisWeek.count });
  const streak = tr(view.streakWeeks === 1 ? 'set.overview.streak-one' : 'set.overview.streak', { weeks: view.streakWeeks });
  const last = view.lastSession === null ? tr('set.overview.last-none') : tr('set.overview.last', { session: sessionLine(view.lastSession, t) });
  return Section({ title: tr('set.overview') }, [
    Text({ paragraph: true }, [week]),
    // A streak only means something against a weekly target.
    view.thisWeek.target > 0 ? Text({ paragraph: true }, [streak]) : null,
    Text({ paragraph: true }, [last]),
    ...progression.map((line) => Text({ paragraph: true }, [tr('set.overview.progression', { answer: line })])),
    ...problems.map((p) => Text({ paragraph: true }, [tr('set.overview.problem', { problem: p })])),
  ]);
}
