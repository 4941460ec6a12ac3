// How numbers are written: two-digit fields padded below 10 and only there (10:10, 2026-10-10),
// decimals without trailing zeros but whole numbers whole, no "-0", and a language tag with stray
// spaces (as a .po header may carry) still picks its language.

import { describe, expect, it } from 'vitest';
import { dayLabel, localClock } from '../../../core/kernel/local-time';
import { formatDateTime, formatDecimal, formatDuration, formatShortDateTime, formatTime, localeOf } from '../../../core/kernel/locale';

const DAY_MS = 24 * 60 * 60 * 1000;
const OCT_10 = Date.UTC(2026, 9, 10, 10, 10);

describe('padding and tags', () => {
  it('padding - 10 is written as two digits, not padded to three', () => {
    expect(dayLabel(Math.floor(OCT_10 / DAY_MS))).toBe('2026-10-10');
    expect(localClock(OCT_10, 0)).toBe('10:10');
    expect(formatTime(OCT_10, 0)).toBe('10:10');
    expect(formatDateTime(OCT_10, 0, 'de-DE')).toBe('10.10.2026 10:10');
    expect(formatShortDateTime(OCT_10, 0, 'de-DE')).toBe('10.10. 10:10');
    expect(formatDateTime(OCT_10, 0, 'en-US')).toBe('2026-10-10 10:10');
  });

  it('padding - 9 is padded to two digits', () => {
    const at = Date.UTC(2026, 8, 9, 9, 9);
    expect(localClock(at, 0)).toBe('09:09');
    expect(formatDateTime(at, 0, 'de-DE')).toBe('09.09.2026 09:09');
  });

  it('tags - spaces around a language tag are ignored', () => {
    expect(localeOf(' de ')).toBe('de-DE');
    expect(localeOf('\tzh-CN\n')).toBe('zh-CN');
    expect(localeOf(' en-GB')).toBe('en-US');
  });
});

describe('decimals', () => {
  it('decimals - whole numbers keep their zeros: 10, 100, 2000', () => {
    expect(formatDecimal(10, 0, 'en-US')).toBe('10');
    expect(formatDecimal(100, 0, 'de-DE')).toBe('100');
    expect(formatDecimal(2000, 1, 'en-US')).toBe('2000');
  });

  it('decimals - every trailing zero after the mark goes, not only the last', () => {
    expect(formatDecimal(1.5, 3, 'en-US')).toBe('1.5');
    expect(formatDecimal(2.05, 3, 'de-DE')).toBe('2,05');
  });

  it('decimals - a small negative value that rounds to zero is written 0, never -0', () => {
    expect(formatDecimal(-0.01, 1, 'en-US')).toBe('0');
    expect(formatDecimal(-0.04, 1, 'de-DE')).toBe('0');
    expect(formatDecimal(-0.06, 1, 'de-DE')).toBe('-0,1');
  });
});

describe('durations', () => {
  it('durations - ten seconds and ten minutes are two digits, not padded to three ("0:10", "1:10:10")', () => {
    expect(formatDuration(10_000)).toBe('0:10');
    expect(formatDuration(610_000)).toBe('10:10');
    expect(formatDuration(4_210_000)).toBe('1:10:10');
    expect(formatDuration(4_500_000)).toBe('1:15:00');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
