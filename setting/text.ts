// The Settings App's texts: zpm's virtual `i18n` module looks msgids up in setting/i18n/<lang>.po
// for the phone's language (en-US when it has none); placeholders are {name}, filled by core's `fill`.

import { gettext } from 'i18n';
import type { Translate } from '../core/phone/messages';
import { fill } from '../core/kernel/template';
import type { Locale } from '../core/kernel/locale';
import { localeOf, pluralId } from '../core/kernel/locale';

export function tr(msgid: string, values?: Readonly<Record<string, string | number>>): string {
  const text = gettext(msgid);
  return values === undefined ? text : fill(text, values);
}

/** The `t` core's report and the views use for area, note, routine and report.* ids. */
export const phoneT: Translate = (msgid) => gettext(msgid);

/** The language the Settings App's texts are in (msgid `locale` of the .po zpm picked), for dates, decimals and plurals. */
export function phoneLocale(): Locale {
  return localeOf(gettext('locale'));
}

/** A counted text: `<msgid>-one` when the language says "one" for `count`, else `<msgid>`. */
export function trn(msgid: string, count: number, values: Readonly<Record<string, string | number>>): string {
  return fill(gettext(pluralId(msgid, count, phoneLocale())), values);
}
