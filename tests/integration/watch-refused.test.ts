// A session the phone refused for good is kept on the watch with the reason, and the BUILT History
// page lets the person send it again or discard it.
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../core/phone/history-store';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { phoneStore } from '../fixtures/sim-storage';
import { makeRecord } from '../fixtures/records';
import { watchOutbox } from '../fixtures/watch-outbox';

autoCheckErrors();

const START = Date.UTC(2026, 10, 10, 9, 0);

function outboxWithRefused(record: ReturnType<typeof makeRecord>, reason: string): string {
  const recent = [{ id: record.id, routineId: record.routineId, routineName: record.routineName, startedAt: record.startedAt, endedAt: record.endedAt, tzOffsetMin: record.tzOffsetMin, status: record.status, sync: 'rejected', reason }];
  return JSON.stringify({ v: 1, pending: [], rejected: [{ id: record.id, record, reason, rejectedAt: START - 1000 }], recent });
}

describe('watch History - refused sessions', () => {
  it('History - a refused session shows its reason; Send again takes it to the phone', async () => {
    const refused = makeRecord({ startedAt: START - 3_600_000 });
    const sim = await bootWatch({ startTime: START, storage: { outbox: outboxWithRefused(refused, 'needs a newer phone app') }, advance: 2_000 });
    sim.device.click('History');
    await sim.clock.advance(500);
    expect(sim.device.hasText('Stopped · refused: needs a newer phone app') || sim.device.hasText('Completed · refused: needs a newer phone app')).toBe(true);
    sim.device.click('Send again');
    await sim.clock.advance(500);
    expect(sim.device.hasText('Completed · waiting for phone')).toBe(true);
    sim.device.back();
    await sim.clock.advance(5_000);
    expect(readHistory(phoneStore(sim)).records.map((r) => r.id)).toEqual([refused.id]);
  });

  it('History - Discard removes a refused session from the watch', async () => {
    const refused = makeRecord({ startedAt: START - 3_600_000 });
    const sim = await bootWatch({ startTime: START, storage: { outbox: outboxWithRefused(refused, 'needs a newer phone app') }, advance: 2_000 });
    sim.device.click('History');
    await sim.clock.advance(500);
    sim.device.click('Discard');
    await sim.clock.advance(500);
    expect(sim.device.hasText('No sessions yet.')).toBe(true);
    expect(watchOutbox(sim.device.storage())).toMatchObject({ pending: [], rejected: [], recent: [] });
  });
});
