// One request, three answers: the built Home sends a batch the phone partly stores. What the phone
// stored leaves the watch; what it deferred (a record version it does not know yet) keeps waiting;
// what it refused for good (another session already under that id) stays on the watch with its
// reason, shown on Home in plain words and on History in full. Expectations from docs/sync.md.
import { describe, expect, it } from 'vitest';
import { addRecords, readHistory } from '../../core/phone/history-store';
import { enqueue, loadOutbox } from '../../core/sync/outbox';
import type { SessionRecord } from '../../core/routines/model';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { phoneStore, watchStore } from '../fixtures/sim-storage';
import { makeRecord, makeStep } from '../fixtures/records';

autoCheckErrors();

const START = Date.UTC(2026, 10, 20, 9, 0, 0);

/** A one-step session with the check-in skipped (about 300 bytes: all four fit one request). */
function tiny(hoursAgo: number): SessionRecord {
  return makeRecord({ startedAt: START - hoursAgo * 3_600_000, steps: [makeStep({ plannedMs: 30_000, doneMs: 30_000 })], checkIn: [], notes: [] });
}

describe('sync - partial acknowledgement through the built Home', () => {
  it('sessions.push - stored ones leave the watch, the deferred one keeps waiting, the refused one stays with its reason', async () => {
    const stored1 = tiny(30);
    const newer = { ...tiny(29), v: 2 } as unknown as SessionRecord;
    const stored2 = tiny(28);
    const clash = tiny(27);
    const sim = await bootWatch({ startTime: START, launch: false });
    // The phone already holds another session under the clashing id.
    const phonesOwn = { ...clash, endedAt: clash.endedAt + 1_000, notes: ['slept-badly' as const] };
    expect(addRecords(phoneStore(sim), [phonesOwn], START).added).toEqual([clash.id]);
    for (const r of [stored1, newer, stored2, clash]) expect(enqueue(watchStore(sim), r, START).ok).toBe(true);

    sim.device.launch();
    await sim.clock.advance(5_000);

    // The phone: the two it could store, as the watch finished them; its own copy of the clash.
    const onPhone = readHistory(phoneStore(sim)).records;
    expect(onPhone.filter((r) => r.id !== clash.id)).toEqual([stored1, stored2]);
    expect(onPhone.find((r) => r.id === clash.id)).toEqual(phonesOwn);
    // The watch: the deferred one still waits (sent again later), the refused one is kept.
    const outbox = loadOutbox(watchStore(sim)).state;
    expect(outbox.pending.map((e) => e.id)).toEqual([newer.id]);
    expect(outbox.pending[0]?.lastError).toContain('update Knead');
    expect(outbox.rejected.map((e) => [e.id, e.reason])).toEqual([[clash.id, expect.stringMatching(/^a different session with id .* is already stored \(2026-11\); this copy was not stored$/)]]);
    // Home says what waits and, in plain words, why one was refused.
    expect(sim.device.hasText('● 1 waiting to sync')).toBe(true);
    expect(sim.device.hasText('⚠ 1 refused by the phone: the phone has another session with the same id')).toBe(true);
    // History shows the full reason, and the deferred one as waiting.
    sim.device.click('History');
    await sim.clock.advance(500);
    expect(sim.device.texts().filter((text) => text.includes('refused: a different session with id'))).toHaveLength(1);
    expect(sim.device.texts().filter((text) => text.includes('waiting for phone'))).toHaveLength(1);

    // Sent again by itself (after the phone's "later"): the deferred one is still never dropped.
    await sim.clock.advance(11 * 60_000);
    expect(loadOutbox(watchStore(sim)).state.pending.map((e) => e.id)).toEqual([newer.id]);
    expect(readHistory(phoneStore(sim)).records).toHaveLength(3);
  });
});
