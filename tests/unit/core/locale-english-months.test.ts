// The watch's English dates name the month by its usual three-letter abbreviation (written here by
// hand, one per month of the year), and the month comes from local time, not UTC.
import { describe, expect, it } from 'vitest';
import { formatShortDateTime } from '../../../core/kernel/locale';

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

describe('locale - English month names', () => {
  it.each(ENGLISH_MONTHS.map((name, index) => [name, index] as const))('locale - the 15th of %s is written "%s 15" on the watch', (name, index) => {
    expect(formatShortDateTime(Date.UTC(2026, index, 15, 12, 0), 0, 'en-US')).toBe(`${name} 15 12:00`);
  });

  it('locale - New Year\'s Eve 23:30 UTC lived in Tokyo (UTC+9) is written as January 1st', () => {
    expect(formatShortDateTime(Date.UTC(2026, 11, 31, 23, 30), 540, 'en-US')).toBe('Jan 1 08:30');
  });
});
