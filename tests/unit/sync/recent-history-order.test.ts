// The watch's recent list (History's rows): newest first, one row per session, the same order
// whatever order the sessions arrived in (core/sync/recent-history.ts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRecent, markRecent, summarize, type RecentEntry } from '../../../core/sync/recent-history';
import { BASE_START, makeRecord } from '../../fixtures/records';

function entry(id: string, startedAt: number): RecentEntry {
  return { ...summarize(makeRecord({ startedAt })), id };
}

describe('recent history - one row per session', () => {
  it('a session listed again replaces its row instead of adding a second one', () => {
    const a = entry('session-a', BASE_START);
    const b = entry('session-b', BASE_START + 1000);
    const list = addRecent(addRecent([], a), b);
    const again = addRecent(list, { ...a, sync: 'sent' });
    expect(again.map((e) => [e.id, e.sync])).toEqual([
      ['session-b', 'pending'],
      ['session-a', 'sent'],
    ]);
  });

  it('marking a row keeps the others and drops an old reason once the session is no longer refused', () => {
    const list = addRecent(addRecent([], entry('session-a', BASE_START)), entry('session-b', BASE_START + 1));
    const refused = markRecent(list, 'session-a', 'rejected', 'steps[0].area must be one of: neck');
    expect(refused.find((e) => e.id === 'session-a')).toMatchObject({ sync: 'rejected', reason: 'steps[0].area must be one of: neck' });
    const pending = markRecent(refused, 'session-a', 'pending');
    expect(pending.find((e) => e.id === 'session-a')).not.toHaveProperty('reason');
    expect(pending.find((e) => e.id === 'session-b')).toEqual(list.find((e) => e.id === 'session-b'));
  });
});

describe('recent history - order', () => {
  it('sessions that started at the same moment are listed in the same order whichever arrived first', () => {
    const a = entry('session-a', BASE_START);
    const b = entry('session-b', BASE_START);
    const c = entry('session-c', BASE_START);
    const one = [a, b, c].reduce<RecentEntry[]>((list, e) => addRecent(list, e), []);
    const other = [c, a, b].reduce<RecentEntry[]>((list, e) => addRecent(list, e), []);
    expect(one.map((e) => e.id)).toEqual(other.map((e) => e.id));
    // Newest first by start; a tie is broken by the id, smallest first.
    expect(one.map((e) => e.id)).toEqual(['session-a', 'session-b', 'session-c']);
  });

  it('for any arrival order: newest first, at most the limit, each session once', () => {
    const arb = fc.array(fc.record({ id: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'), at: fc.integer({ min: 0, max: 3 }) }), { maxLength: 20 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 4 }), (arrivals, limit) => {
        const list = arrivals.reduce<RecentEntry[]>((l, a) => addRecent(l, entry(a.id, BASE_START + a.at * 1000), limit), []);
        const ids = list.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(list.length).toBeLessThanOrEqual(limit);
        for (let i = 1; i < list.length; i += 1) {
          const prev = list[i - 1] as RecentEntry;
          const cur = list[i] as RecentEntry;
          expect(prev.startedAt > cur.startedAt || (prev.startedAt === cur.startedAt && prev.id < cur.id)).toBe(true);
        }
      }),
    );
  });
});
