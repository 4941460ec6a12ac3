// Translated words for the pages: every visible string comes from page/i18n/*.po via getText.

import { getText } from '@zos/i18n';
import type { Area, Routine, Side, Tool } from '../core/routines/model';
import { isMessageId } from '../core/watch/home';
import { fill } from '../core/kernel/template';
import { refusalTopic } from '../core/sync/protocol';
import type { Locale } from '../core/kernel/locale';
import { joinList, localeOf, pluralId } from '../core/kernel/locale';

export function t(id: string, values?: Readonly<Record<string, string | number>>): string {
  const text = getText(id);
  return values === undefined ? text : fill(text, values);
}

/**
 * The language the texts are shown in, as the .po file the platform picked names it (msgid
 * `locale`), so dates, decimals, lists and plurals always match the words around them.
 */
export function locale(): Locale {
  return localeOf(getText('locale'));
}

/** A counted text: the `<id>-one` form when the language says "one" for `count`, else `<id>` (see docs/watch.md "Language"). */
export function tn(id: string, count: number, values: Readonly<Record<string, string | number>>): string {
  return fill(getText(pluralId(id, count, locale())), values);
}

/** Names as a list the way the language writes one ("Neck, Feet", "颈部、足部"). */
export function listText(items: readonly string[]): string {
  return joinList(items, locale());
}

export function routineName(routine: Routine): string {
  return isMessageId(routine.name) ? getText(routine.name) : routine.name;
}

/** A step's hint: built-in ones are message ids, custom ones the person's own words. */
export function hintText(hint: string): string {
  return hint === '' ? '' : isMessageId(hint) ? getText(hint) : hint;
}

export function nameText(name: string): string {
  return isMessageId(name) ? getText(name) : name;
}

export function areaName(area: Area): string {
  return getText(`area.${area}`);
}

export function sideName(side: Side): string {
  return getText(`side.${side}`);
}

export function toolName(tool: Tool): string {
  return getText(`tool.${tool}`);
}

/** Why the phone refused a session, in plain words (the full reason is on the History page). */
export function refusalText(reason: string): string {
  return getText(`refusal.${refusalTopic(reason)}`);
}
