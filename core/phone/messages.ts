// English text for the phone's Overview, History and Report, keyed by message id. The Settings
// App passes its own `t` to localise; placeholders are {name} and filled by `fill`.

import { LIBRARY_MESSAGES } from '../library';

export type Translate = (msgid: string) => string;

export const PHONE_MESSAGES: Readonly<Record<string, string>> = {
  'report.title': 'Knead self-massage report',
  'report.period': 'Period: {from} to {to}',
  'report.sessions': 'Sessions: {count}',
  'report.sessions-target': 'Sessions: {count} (target {target} per week)',
  'report.weeks': 'Sessions per week',
  'report.week': 'Week of {week}: {count}',
  'report.week-target': 'Week of {week}: {count} of {target}',
  'report.on-target': '(on target)',
  'report.below-target': '(below target)',
  'report.minutes': 'Minutes per area',
  'report.minutes-line': '{area}: {minutes} min',
  'report.tightness': 'Tightness (0-3), first half to second half of the period',
  'report.tightness-line': '{area}: {first} -> {second} {trend}',
  'report.looser': '(looser)',
  'report.tighter': '(tighter)',
  'report.same': '(no change)',
  'report.no-data': 'n/a',
  'report.sides': 'Sides felt different',
  'report.sides-line': '{area}: {count} of {total} check-ins',
  'report.soreness': 'New soreness',
  'report.pain': 'Stopped for pain',
  'report.pain-line': '{date} {time} {area} ({routine})',
  'report.pain-checkin': 'Pain reported at check-in',
  'report.notes': 'Notes',
  'report.preset-line': '{note}: {count}',
  'report.note-line': '{date} {routine}: {text}',
  'report.plan': 'Plan: focus {focus}; avoid {avoid}',
  'report.none': 'none',
  'report.nothing': '(none in this period)',
  'area.neck': 'Neck',
  'area.upper-trapezius': 'Upper trapezius',
  'area.shoulders': 'Shoulders',
  'area.upper-back': 'Upper back',
  'area.chest': 'Chest',
  'area.lower-back': 'Lower back',
  'area.glutes': 'Glutes',
  'area.hips': 'Hips',
  'area.forearms': 'Forearms',
  'area.hands': 'Hands',
  'area.thighs': 'Thighs',
  'area.calves': 'Calves',
  'area.shins': 'Shins',
  'area.feet': 'Feet',
  'tool.hands': 'Hands',
  'tool.massage-ball': 'Massage ball',
  'tool.foam-roller': 'Foam roller',
  'tool.other': 'Other tool',
  'change.none': 'none',
  'change.no-target': 'no target',
  'change.per-week': '{count} per week',
  'change.target': 'Weekly target: {from} → {to}',
  'change.focus': 'Focus areas: {from} → {to}',
  'change.avoid': 'Avoid areas: {from} → {to}',
  'change.routine-desc': '"{name}" ({steps} steps · {time}: {areas})',
  'change.routine-added': 'New routine {routine}',
  'change.routine-changed': 'Changed routine {routine}',
  'change.routine-removed': 'Routine "{name}" is removed',
  'change.assigned': 'Assigned routines: {from} → {to}',
  'change.advice': '{area}: {advice}',
  'change.advice-removed': '{area}: advice removed',
  'change.note': 'Note from your therapist: {note}',
  'change.note-removed': 'The therapist\'s note is removed',
  'note.felt-good': 'Felt good',
  'note.still-tight': 'Still tight',
  'note.more-sore-than-usual': 'More sore than usual',
  'note.less-sore-than-usual': 'Less sore than usual',
  'note.slept-badly': 'Slept badly',
  'note.long-desk-day': 'Long desk day',
  'note.after-exercise': 'After exercise',
};

/** English: phone messages, then the routine library's names; unknown ids show as themselves. */
export const englishT: Translate = (msgid) => {
  if (Object.prototype.hasOwnProperty.call(PHONE_MESSAGES, msgid)) return PHONE_MESSAGES[msgid] as string;
  if (Object.prototype.hasOwnProperty.call(LIBRARY_MESSAGES, msgid)) return LIBRARY_MESSAGES[msgid] as string;
  return msgid;
};

export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
