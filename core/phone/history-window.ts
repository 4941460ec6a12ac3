// Which stored months can hold sessions started in [from, to): a record is filed under the local
// month of its own time zone, which may differ from UTC's by up to 14 hours either way, so a month
// counts when it overlaps the range widened by a day on each side.

import { localMonth } from '../kernel/local-time';

const DAY_MS = 24 * 60 * 60 * 1000;

export function monthsCovering(months: readonly string[], from: number, to: number): string[] {
  if (!(to > from)) return [];
  const first = localMonth(from - DAY_MS, 0);
  const last = localMonth(to + DAY_MS, 0);
  return months.filter((m) => m >= first && m <= last);
}
