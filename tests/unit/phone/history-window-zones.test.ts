// Which months a report period reads (core/phone/history-window.ts): a record is filed under the
// local month of its own zone, up to 14 hours from UTC either way, so the months are widened by a
// day on each side of the range, not by a moment.

import { describe, expect, it } from 'vitest';
import { monthsCovering } from '../../../core/phone/history-window';

describe('history window', () => {
  it('history window - a range starting at noon on the 1st reads the month before; ending at noon on the 30th reads the month after', () => {
    const months = ['2026-12', '2026-11', '2026-10', '2026-09'];
    // 1 Nov 12:00 UTC is still 31 Oct at UTC-14; 30 Nov 12:00 UTC is already 1 Dec at UTC+14.
    expect(monthsCovering(months, Date.UTC(2026, 10, 1, 12), Date.UTC(2026, 10, 30, 12))).toEqual(['2026-12', '2026-11', '2026-10']);
    // Two days inside the month: no zone reaches another month.
    expect(monthsCovering(months, Date.UTC(2026, 10, 2, 12), Date.UTC(2026, 10, 28, 12))).toEqual(['2026-11']);
  });
});
