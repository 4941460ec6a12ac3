// Every expected string here is written by hand from how each language writes dates, decimals,
// lists and counts (German "29.11. 16:40" and "5,8", Chinese "11月29日" and "、").
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatDecimal, formatShortDateTime, formatTime, joinList, localeOf, pluralForm, pluralId } from '../../../core/kernel/locale';

// 2026-11-29 15:40 UTC, lived in Berlin (UTC+1) at 16:40.
const AT = Date.UTC(2026, 10, 29, 15, 40);
const BERLIN = 60;

describe('locale', () => {
  it('locale - language tags map to the shipped locales, anything else is English', () => {
    expect(localeOf('de-DE')).toBe('de-DE');
    expect(localeOf('de-AT')).toBe('de-DE');
    expect(localeOf('zh-CN')).toBe('zh-CN');
    expect(localeOf('zh_Hans_CN')).toBe('zh-CN');
    expect(localeOf('en-US')).toBe('en-US');
    expect(localeOf('fr-FR')).toBe('en-US');
    expect(localeOf('')).toBe('en-US');
  });

  it('locale - watch dates without the year in each language, local time', () => {
    expect(formatShortDateTime(AT, BERLIN, 'en-US')).toBe('Nov 29 16:40');
    expect(formatShortDateTime(AT, BERLIN, 'de-DE')).toBe('29.11. 16:40');
    expect(formatShortDateTime(AT, BERLIN, 'zh-CN')).toBe('11月29日 16:40');
  });

  it('locale - single-digit day and month: German pads, Chinese and English do not', () => {
    const march5 = Date.UTC(2026, 2, 5, 8, 5);
    expect(formatShortDateTime(march5, 0, 'en-US')).toBe('Mar 5 08:05');
    expect(formatShortDateTime(march5, 0, 'de-DE')).toBe('05.03. 08:05');
    expect(formatShortDateTime(march5, 0, 'zh-CN')).toBe('3月5日 08:05');
  });

  it('locale - the offset moves the date across midnight', () => {
    const lateUtc = Date.UTC(2026, 11, 31, 23, 30);
    expect(formatShortDateTime(lateUtc, 60, 'de-DE')).toBe('01.01. 00:30');
    expect(formatDateTime(lateUtc, 60, 'en-US')).toBe('2027-01-01 00:30');
    expect(formatDateTime(lateUtc, -300, 'zh-CN')).toBe('2026年12月31日 18:30');
    expect(formatTime(lateUtc, 0)).toBe('23:30');
  });

  it('locale - phone dates with the year in each language', () => {
    expect(formatDateTime(AT, BERLIN, 'en-US')).toBe('2026-11-29 16:40');
    expect(formatDateTime(AT, BERLIN, 'de-DE')).toBe('29.11.2026 16:40');
    expect(formatDateTime(AT, BERLIN, 'zh-CN')).toBe('2026年11月29日 16:40');
    const day = Math.floor(AT / 86_400_000);
    expect(formatDay(day, 'de-DE')).toBe('29.11.2026');
    expect(formatDay(day, 'zh-CN')).toBe('2026年11月29日');
    expect(formatDay(day, 'en-US')).toBe('2026-11-29');
  });

  it('locale - decimals use the language decimal mark and drop trailing zeros', () => {
    expect(formatDecimal(5.8, 1, 'de-DE')).toBe('5,8');
    expect(formatDecimal(5.8, 1, 'en-US')).toBe('5.8');
    expect(formatDecimal(5.8, 1, 'zh-CN')).toBe('5.8');
    expect(formatDecimal(6, 1, 'de-DE')).toBe('6');
    expect(formatDecimal(6.04, 1, 'de-DE')).toBe('6');
    expect(formatDecimal(0.25, 2, 'de-DE')).toBe('0,25');
    expect(formatDecimal(12.345, 1, 'en-US')).toBe('12.3');
    expect(formatDecimal(-1.5, 1, 'de-DE')).toBe('-1,5');
    expect(formatDecimal(Number.NaN, 1, 'en-US')).toBe('–');
  });

  it('locale - plural forms: one only for exactly 1 in English and German, never in Chinese', () => {
    expect(pluralForm(1, 'en-US')).toBe('one');
    expect(pluralForm(1, 'de-DE')).toBe('one');
    expect(pluralForm(0, 'en-US')).toBe('other');
    expect(pluralForm(2, 'de-DE')).toBe('other');
    expect(pluralForm(1.5, 'en-US')).toBe('other');
    expect(pluralForm(1, 'zh-CN')).toBe('other');
    expect(pluralId('before.total', 1, 'en-US')).toBe('before.total-one');
    expect(pluralId('before.total', 7, 'en-US')).toBe('before.total');
    expect(pluralId('before.total', 1, 'zh-CN')).toBe('before.total');
  });

  it('locale - lists: Chinese enumeration comma, a comma and space otherwise', () => {
    expect(joinList(['颈部', '足部', '前臂'], 'zh-CN')).toBe('颈部、足部、前臂');
    expect(joinList(['Nacken', 'Füße'], 'de-DE')).toBe('Nacken, Füße');
    expect(joinList(['Neck'], 'en-US')).toBe('Neck');
    expect(joinList([], 'en-US')).toBe('');
  });
});
