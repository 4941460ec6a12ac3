// The Settings App's texts: zpm's virtual `i18n` module looks msgids up in setting/i18n/<lang>.po
// for the phone's language (en-US when it has none); placeholders are {name}, filled by core's `fill`.

import { gettext } from 'i18n';
import type { Translate } from '../core/phone/messages';
import { fill } from '../core/phone/messages';

export function tr(msgid: string, values?: Readonly<Record<string, string | number>>): string {
  const text = gettext(msgid);
  return values === undefined ? text : fill(text, values);
}

/** The `t` core's report and the views use for area, note, routine and report.* ids. */
export const phoneT: Translate = (msgid) => gettext(msgid);
