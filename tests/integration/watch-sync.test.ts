// Sync as the person meets it on the BUILT watch app: Home fetches the plan and flushes the outbox
// at launch, the Summary sends a session as soon as it is saved, and a session finished while the
// phone was away arrives once the link is back — exactly once.
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../core/phone/history-store';
import { autoCheckErrors, bootWatch, isZmlDisconnect } from '../fixtures/sim';
import { phoneStore } from '../fixtures/sim-storage';
import { stoppedSession } from '../fixtures/watch-flows';
import { watchOutbox } from '../fixtures/watch-outbox';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;

function pendingOnWatch(sim: Sim): number {
  return watchOutbox(sim.device.storage()).pending.length;
}

describe('watch sync', () => {
  it('plan - a routine assigned in the Settings App comes first on the open watch Home, with the target', async () => {
    const sim = await bootWatch({ advance: 1_000 });
    expect(sim.device.currentPage()?.path).toContain('home');
    sim.side.openSettings();
    sim.side.changeSettings('Tired feet', true);
    sim.side.changeSettings('Weekly target: none', 3);
    await sim.clock.advance(2_000);
    const texts = sim.device.texts();
    expect(texts).toContain('This week: 0 of 3');
    const firstRoutine = texts.findIndex((text) => text.startsWith('★ '));
    expect(texts[firstRoutine]).toBe('★ Tired feet');
    expect(texts.indexOf('Desk reset') === -1 || texts.indexOf('Desk reset') > firstRoutine).toBe(true);
  });

  it('sync - a session finished while the phone is away is sent once the link is back, exactly once', async () => {
    const sim = await bootWatch({ advance: 500, link: { connected: false } });
    await stoppedSession(sim);
    expect(pendingOnWatch(sim)).toBe(1);
    expect(readHistory(phoneStore(sim)).records).toEqual([]);
    sim.link.heal();
    await sim.clock.advance(3_000);
    expect(readHistory(phoneStore(sim)).records.map((r) => r.status)).toEqual(['stopped']);
    expect(pendingOnWatch(sim)).toBe(0);
    // Back on Home, a relaunch and more time change nothing on the phone.
    sim.device.relaunch();
    await sim.clock.advance(5_000);
    expect(readHistory(phoneStore(sim)).records).toHaveLength(1);
    sim.expectErrors(isZmlDisconnect);
  });

  it('sync - a session queued offline is sent by Home at the next launch', async () => {
    const sim = await bootWatch({ advance: 500, link: { connected: false } });
    await stoppedSession(sim);
    expect(pendingOnWatch(sim)).toBe(1);
    // The session has its own outbox key, which the watch's key list does not record (it would
    // grow, rewritten whole, with every session ever saved).
    expect(Object.keys(sim.device.storage()).filter((k) => k.startsWith('outbox:r:'))).toHaveLength(1);
    expect(String(sim.device.storage()['knead.keys'])).not.toContain('outbox:r:');
    // Closing the app with the link down makes ZML's disConnect throw in onDestroy (a known quirk).
    sim.device.kill();
    sim.expectErrors((e) => /send message error/.test(e.message));
    sim.link.heal();
    sim.device.launch();
    await sim.clock.advance(3_000);
    expect(readHistory(phoneStore(sim)).records).toHaveLength(1);
    expect(pendingOnWatch(sim)).toBe(0);
    expect(sim.device.hasText('Phone connected')).toBe(true);
    sim.expectErrors(isZmlDisconnect);
  });
});
