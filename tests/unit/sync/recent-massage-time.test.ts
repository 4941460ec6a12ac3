import { describe, expect, it } from 'vitest';
import { decodeRecent } from '../../../core/sync/outbox-codec';
import { summarize } from '../../../core/sync/recent-history';
import { BASE_START, makeRecord, makeStep } from '../../fixtures/records';

const record = makeRecord({
  startedAt: BASE_START,
  endedAt: BASE_START + 95_000,
  steps: [makeStep({ doneMs: 60_000 }), makeStep({ area: 'feet', plannedMs: 45_000, doneMs: 20_000 })],
  pausedMs: 10_000,
});

describe('watch recent history - massage time', () => {
  it('a recent entry keeps the massage time (60 + 20 s), not the 95 s span', () => {
    expect(summarize(record).massageMs).toBe(80_000);
    expect(decodeRecent(JSON.parse(JSON.stringify(summarize(record))))?.massageMs).toBe(80_000);
  });

  it('an entry stored before massage time existed, or with a damaged one, is kept without it', () => {
    const { massageMs: _dropped, ...old } = summarize(record);
    for (const bad of [undefined, -1, 1.5, '80000', null]) {
      const decoded = decodeRecent(bad === undefined ? old : { ...old, massageMs: bad });
      expect(decoded?.id).toBe(record.id);
      expect(decoded !== undefined && 'massageMs' in decoded).toBe(false);
    }
  });
});

describe('watch recent history - skipped steps and the pain step', () => {
  it('an entry keeps the skipped steps by area and side and the pain step, through storage', () => {
    const pain = makeRecord({
      status: 'pain',
      painStepIndex: 1,
      steps: [makeStep({ area: 'neck', skipped: true, doneMs: 0 }), makeStep({ area: 'forearms', side: 'left', doneMs: 9_000 })],
    });
    const decoded = decodeRecent(JSON.parse(JSON.stringify(summarize(pain))));
    expect(decoded?.skipped).toEqual([{ area: 'neck', side: 'both' }]);
    expect(decoded?.painAt).toEqual({ area: 'forearms', side: 'left' });
  });

  it('a damaged skipped list or pain step is dropped and the entry kept', () => {
    const base = summarize(record);
    for (const bad of [{ skipped: [{ area: 'elbow', side: 'left' }] }, { skipped: 'neck' }, { painAt: { area: 'neck', side: 'up' } }]) {
      const decoded = decodeRecent({ ...base, ...bad });
      expect(decoded?.id).toBe(record.id);
      if ('painAt' in bad) expect(decoded !== undefined && 'painAt' in decoded).toBe(false);
      else expect(decoded !== undefined && 'skipped' in decoded).toBe(false);
    }
  });
});
