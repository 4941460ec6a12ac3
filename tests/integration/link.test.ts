import { describe, expect, it } from 'vitest';
import type { LinkFrame } from '../../sim/platform/index';
import { autoCheckErrors, bootWatch, isZmlDisconnect } from '../fixtures/sim';

autoCheckErrors();

const firstWatchData = (verdict: 'drop' | 'duplicate') => {
  let seen = 0;
  return (frame: LinkFrame) => (frame.from === 'watch' && frame.type === 4 && seen++ === 0 ? verdict : undefined);
};

describe('link', () => {
  it('link - a dropped request frame makes the request fail with ZML code 4 after Knead\'s 20 s request timeout', async () => {
    const sim = await bootWatch({ link: { hook: firstWatchData('drop') } });
    await sim.clock.advance(19_000);
    expect(sim.device.hasText('Checking phone')).toBe(true);
    await sim.clock.advance(2_000);
    expect(sim.device.hasText('Phone not answering — will try again')).toBe(true);
    expect(sim.link.stats.watchToPhone.dropped).toBe(1);
  });

  it('link - a duplicated request frame runs the request twice on the phone, the page still shows the answer', async () => {
    const sim = await bootWatch({ link: { hook: firstWatchData('duplicate') } });
    sim.link.traceEnabled = true;
    await sim.clock.advance(1_000);
    expect(sim.device.hasText('Phone connected')).toBe(true);
    // Two responses came back for one request (ZML has no de-duplication).
    const responses = sim.link.trace.filter((f) => f.from === 'phone' && f.type === 4);
    expect(responses).toHaveLength(2);
    // The watch-side handling of the second response throws inside ZML (documented quirk).
    expect(sim.errors.all.map((e) => `${e.realm} ${e.kind}: ${e.message}`)).toEqual([
      "device callback-error: link delivery to watch threw: Cannot read properties of undefined (reading 'handler')",
    ]);
    sim.expectErrors(() => true);
  });

  it('link - 400 ms latency each way still resolves a request', async () => {
    const sim = await bootWatch({ link: { delayMs: 400 } });
    await sim.clock.advance(1_000);
    expect(sim.device.hasText('Checking phone')).toBe(true);
    await sim.clock.advance(1_000);
    expect(sim.device.hasText('Phone connected')).toBe(true);
  });

  it('link - a handshake slower than 5 s fails the request with ZML code 1', async () => {
    const sim = await bootWatch({ link: { delayMs: 3_000 } });
    await sim.clock.advance(70_000);
    expect(sim.device.hasText('Phone not answering — will try again')).toBe(true);
    sim.expectErrors((e) => e.kind === 'unhandled-rejection' && e.code === 1);
  });

  it('link - under random drops, duplicates and reordering every launch ends connected, not answering or not connected, in words', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const sim = await bootWatch({ link: { seed, drop: 0.2, duplicate: 0.2, reorder: 0.3, jitterMs: 30 } });
      await sim.clock.advance(70_000);
      const text = sim.device.texts().join(' | ');
      expect(text, `seed ${seed}`).toMatch(/Phone connected|Phone not answering|Phone not connected/);
      expect(sim.errors.all.filter((e) => e.kind === 'mini-program-error')).toEqual([]);
      sim.expectErrors((e) => e.kind === 'unhandled-rejection' || (e.kind === 'callback-error' && e.message.includes('link delivery')));
    }
  });

  it('link - cutting during a request rejects it with code 2; after healing a relaunch connects again', async () => {
    const sim = await bootWatch({ link: { delayMs: 200 } });
    await sim.clock.advance(250);
    sim.link.cut();
    await sim.clock.advance(1_000);
    expect(sim.device.hasText('Phone not connected')).toBe(true);
    sim.link.heal();
    sim.expectErrors(isZmlDisconnect);
    sim.device.relaunch();
    await sim.clock.advance(2_000);
    expect(sim.device.hasText('Phone connected')).toBe(true);
    sim.expectErrors((e) => e.message.includes('send message error'));
  });

  it('link - counts frames and bytes each way for benchmarks', async () => {
    const sim = await bootWatch();
    await sim.clock.advance(1_000);
    const { watchToPhone, phoneToWatch } = sim.link.stats;
    // Handshake + request one way, handshake answer + response the other.
    expect(watchToPhone.frames).toBe(2);
    expect(phoneToWatch.frames).toBe(2);
    expect(watchToPhone.bytes).toBeGreaterThan(2 * 16);
    expect(phoneToWatch.delivered).toBe(2);
  });
});
