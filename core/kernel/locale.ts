// How numbers, dates, lists and plurals are written in each language Knead ships. One place for
// the watch pages and the Settings App: both pass the language their own .po file names in its
// `locale` entry, so formatting always follows the language the texts are shown in.

export type Locale = 'en-US' | 'de-DE' | 'zh-CN';

/** The locale for a language tag ('de', 'de-AT', 'zh-Hans-CN'…); English for anything else. */
export function localeOf(tag: string): Locale {
  const lang = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (lang === 'de') return 'de-DE';
  if (lang === 'zh') return 'zh-CN';
  return 'en-US';
}

const DAY_MS = 24 * 60 * 60 * 1000;
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hours: number;
  readonly minutes: number;
}

function localParts(utcMs: number, tzOffsetMin: number): LocalParts {
  const d = new Date(utcMs + tzOffsetMin * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hours: d.getUTCHours(), minutes: d.getUTCMinutes() };
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 24-hour "16:40" (all three languages write the time of day the same way). */
export function formatTime(utcMs: number, tzOffsetMin: number): string {
  const p = localParts(utcMs, tzOffsetMin);
  return `${two(p.hours)}:${two(p.minutes)}`;
}

/** Day and month without the year, for the watch: "Nov 29", "29.11.", "11月29日". */
function shortDate(p: LocalParts, locale: Locale): string {
  switch (locale) {
    case 'de-DE':
      return `${two(p.day)}.${two(p.month)}.`;
    case 'zh-CN':
      return `${p.month}月${p.day}日`;
    default:
      return `${EN_MONTHS[p.month - 1] ?? ''} ${p.day}`;
  }
}

/**
 * Date with the year, for the phone: "2026-11-29", "29.11.2026", "2026年11月29日". English keeps
 * ISO order: the report and CSV the therapist reads write dates that way, and it is unambiguous.
 */
function longDate(p: LocalParts, locale: Locale): string {
  switch (locale) {
    case 'de-DE':
      return `${two(p.day)}.${two(p.month)}.${p.year}`;
    case 'zh-CN':
      return `${p.year}年${p.month}月${p.day}日`;
    default:
      return `${p.year}-${two(p.month)}-${two(p.day)}`;
  }
}

/** Local date and time without the year (watch rows): "Nov 29 16:40", "29.11. 16:40", "11月29日 16:40". */
export function formatShortDateTime(utcMs: number, tzOffsetMin: number, locale: Locale): string {
  return `${shortDate(localParts(utcMs, tzOffsetMin), locale)} ${formatTime(utcMs, tzOffsetMin)}`;
}

/** Local date and time with the year (phone): "2026-11-29 16:40", "29.11.2026 16:40", "2026年11月29日 16:40". */
export function formatDateTime(utcMs: number, tzOffsetMin: number, locale: Locale): string {
  return `${longDate(localParts(utcMs, tzOffsetMin), locale)} ${formatTime(utcMs, tzOffsetMin)}`;
}

/** A local day number (days since 1970-01-01) as a date with the year. */
export function formatDay(day: number, locale: Locale): string {
  return longDate(localParts(day * DAY_MS, 0), locale);
}

/**
 * A number with at most `digits` decimals, trailing zeros dropped, in the language's decimal
 * mark: 5.8 → "5.8" / "5,8" / "5.8"; 6 → "6". Not finite → "–" (never "NaN" on screen).
 */
export function formatDecimal(value: number, digits: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '–';
  const scale = 10 ** Math.max(0, Math.floor(digits));
  const rounded = Math.round(Math.abs(value) * scale) / scale;
  let text = rounded.toFixed(Math.max(0, Math.floor(digits)));
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return sign + (locale === 'de-DE' ? text.replace('.', ',') : text);
}

/** Plural categories the shipped languages use (CLDR): English and German one/other, Chinese other only. */
export type PluralForm = 'one' | 'other';

export function pluralForm(count: number, locale: Locale): PluralForm {
  if (locale === 'zh-CN') return 'other';
  return count === 1 ? 'one' : 'other';
}

/**
 * The msgid for `count` of a counted text: `<base>-one` when the language says "one",
 * else `<base>` (the .po files keep the plural form under the plain id).
 */
export function pluralId(base: string, count: number, locale: Locale): string {
  return pluralForm(count, locale) === 'one' ? `${base}-one` : base;
}

/** A list as the language writes it: "Neck, Feet" / "Nacken, Füße" / "颈部、足部". */
export function joinList(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'zh-CN' ? '、' : ', ');
}

/**
 * The one way Knead writes a duration, on the watch, the phone and in the report: minutes and
 * seconds to the nearest second, "5:20" for 320 000 ms, "0:08", and "1:02:05" from an hour up.
 * Written the same in every shipped language; not finite or negative reads "0:00".
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = `${seconds < 10 ? '0' : ''}${seconds}`;
  if (hours === 0) return `${minutes}:${ss}`;
  return `${hours}:${minutes < 10 ? '0' : ''}${minutes}:${ss}`;
}
