// Bad storage on the watch, met by the BUILT app at launch: a corrupt session snapshot is set aside
// (kept byte for byte) with a message on Home, a corrupt outbox is quarantined, and neither
// costs a finished session that was waiting for the phone.
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../core/phone/history-store';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { phoneStore } from '../fixtures/sim-storage';
import { makeRecord } from '../fixtures/records';
import { holdControl, stoppedSession } from '../fixtures/watch-flows';

autoCheckErrors();

const START = Date.UTC(2026, 10, 10, 9, 0);

function outboxWith(records: readonly ReturnType<typeof makeRecord>[]): string {
  return JSON.stringify({ v: 1, pending: records.map((record) => ({ id: record.id, record, attempts: 0 })), rejected: [], recent: [] });
}

describe('watch recovery from bad storage', () => {
  for (const [name, corrupt] of [
    ['truncated JSON', '{"v":1,"state":{"phase":"runn'],
    ['a snapshot from a future version', JSON.stringify({ v: 99, state: { phase: 'running' } })],
    ['the wrong shape', JSON.stringify({ v: 1, state: { phase: 'running', stepIndex: 'three' } })],
  ] as const) {
    it(`recovery - a corrupt session (${name}) is set aside with a message; the waiting session still reaches the phone`, async () => {
      const waiting = makeRecord({ startedAt: START - 3_600_000 });
      const sim = await bootWatch({ startTime: START, storage: { 'knead.session': corrupt, outbox: outboxWith([waiting]) }, advance: 3_000 });
      expect(sim.device.currentPage()?.path).toContain('home');
      expect(sim.device.hasText('The saved session could not be read and was set aside.')).toBe(true);
      const storage = sim.device.storage();
      expect(storage['knead.session']).toBeUndefined();
      const quarantined = Object.keys(storage).filter((k) => k.startsWith('knead.session.quarantine.'));
      expect(quarantined.map((k) => storage[k])).toEqual([corrupt]);
      expect(readHistory(phoneStore(sim)).records.map((r) => r.id)).toEqual([waiting.id]);
    });
  }

  it('recovery - an unreadable outbox is quarantined as it was; Home still works and a new session is queued', async () => {
    const sim = await bootWatch({ startTime: START, storage: { outbox: '{"v":1,"pending":[{"id":' }, advance: 2_000 });
    expect(sim.device.currentPage()?.path).toContain('home');
    const storage = sim.device.storage();
    const quarantined = Object.keys(storage).filter((k) => k.startsWith('outbox.quarantine.'));
    expect(quarantined.map((k) => storage[k])).toEqual(['{"v":1,"pending":[{"id":']);
    await stoppedSession(sim, 10_000);
    await sim.clock.advance(1_000);
    expect(readHistory(phoneStore(sim)).records.map((r) => r.status)).toEqual(['stopped']);
  });

  it('home - after a session, the same routine starts again in two taps from launch', async () => {
    const sim = await bootWatch({ startTime: START, advance: 1_000 });
    sim.device.click('Tired feet');
    await sim.clock.advance(100);
    sim.device.click('Start');
    await sim.clock.advance(5_000);
    await holdControl(sim, 'Stop');
    await sim.clock.advance(500);
    sim.device.click('Skip'); // the check-in, else the next launch offers it again
    await sim.clock.advance(500);
    sim.device.kill();
    sim.device.launch();
    await sim.clock.advance(1_000);
    sim.device.click('▶ Tired feet'); // tap 1
    await sim.clock.advance(100);
    sim.device.click('Start'); // tap 2
    await sim.clock.advance(100);
    expect(sim.device.currentPage()?.path).toContain('session');
    expect(sim.device.hasText('Feet')).toBe(true);
  });
});
