import { describe, expect, it } from 'vitest';
import { createSimulation, nodeHost } from '../../sim/node/index';
import { FakeClock } from '../../sim/platform/index';
import { installBase } from '../../sim/platform/realm-setup';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';

autoCheckErrors();

describe('storage', () => {
  it('storage - watch localStorage survives killing and relaunching the app', async () => {
    const sim = await bootWatch({ storage: { seeded: '{"broken json' } });
    sim.device.disk.kv.set('written-by-test', 1);
    sim.device.kill();
    expect(sim.device.running).toBe(false);
    sim.device.launch();
    await sim.clock.advance(1_000);
    expect(sim.device.storage()).toEqual({ seeded: '{"broken json', 'written-by-test': 1 });
    expect(sim.device.runtime.launches).toBe(2);
    expect(sim.device.hasText('Phone connected')).toBe(true);
  });

  it('storage - phone settingsStorage takes strings only and keeps them across a Zepp app reload', async () => {
    const sim = await bootWatch({ settings: { theme: 'dark' } });
    expect(() => sim.side.settingsStorage.setItem('n', 3 as unknown as string)).toThrow(TypeError);
    sim.side.settingsStorage.setItem('n', '3');
    sim.side.reload();
    expect(sim.side.running).toBe(true);
    expect(sim.side.settingsStorage.toObject()).toEqual({ theme: 'dark', n: '3' });
  });
});

describe('settings app', () => {
  it('settings - the Settings App renders and re-renders when settingsStorage changes', async () => {
    const sim = await bootWatch({ launch: false });
    const tree = sim.side.openSettings();
    expect(tree?.type).toBe('View');
    expect(sim.side.settingsText()).toContain('Knead');
    expect(sim.side.findSettings('Overview').length).toBeGreaterThan(0);
    const before = sim.side.settingsTree();
    sim.side.settingsStorage.setItem('anything', 'x');
    expect(sim.side.settingsTree()).not.toBe(before);
    expect(sim.side.settingsText()).toContain('Knead');
  });
});

describe('device profiles', () => {
  it.each([
    ['balance-3.7', 480, 1],
    ['gtr4-3.6', 466, 466 / 480],
    ['falcon-3.6', 416, 416 / 480],
    ['gts4-3.6', 390, 1],
  ])('px - %s scales design pixels by screen width / design width', async (profile, width, factor) => {
    // The same shape's design-width device is the reference: 480 for round, 390 for square.
    const reference = await bootWatch({ profile: width === 390 ? 'gts4-3.6' : 'balance-3.7' });
    const designTitle = reference.device.findByText('Knead')[0];
    const sim = await bootWatch({ profile });
    const title = sim.device.findByText('Knead')[0];
    expect(sim.profile.width).toBe(width);
    expect(designTitle).toBeDefined();
    expect(title?.props.text_size).toBeCloseTo(Number(designTitle?.props.text_size) * factor, 6);
    expect(title?.bounds.x).toBeCloseTo(Number(designTitle?.bounds.x) * factor, 6);
    expect(title?.bounds.w).toBeCloseTo(Number(designTitle?.bounds.w) * factor, 6);
    expect(sim.device.offScreen()).toEqual([]);
  });

  it('i18n - getText follows the chosen language', async () => {
    const en = await bootWatch({ language: 'en-US', sideService: false });
    const de = await bootWatch({ language: 'de-DE', sideService: false });
    const zh = await bootWatch({ language: 'zh-CN', sideService: false });
    // The same widget shows phone.checking from each language's .po file.
    const index = en.device.texts().indexOf('Checking phone…');
    expect(index).toBeGreaterThan(-1);
    expect(de.device.texts()[index]).toBe('Telefon wird geprüft…');
    expect(zh.device.texts()[index]).toBe('正在检查手机…');
  });
});

describe('clock', () => {
  it('clock - timers fire in due order, periodic ones re-arm from their actual fire time', async () => {
    const clock = new FakeClock({ start: 0 });
    const fired: Array<[string, number]> = [];
    clock.schedule('timeout', 't', 300, () => fired.push(['once', clock.now()]));
    clock.schedule('interval', 't', 100, () => fired.push(['tick', clock.now()]), 100);
    await clock.advance(350);
    // Same due time: the earlier-scheduled timer fires first.
    expect(fired).toEqual([['tick', 100], ['tick', 200], ['once', 300], ['tick', 300]]);
  });

  it('clock - injected lateness delays every fire and accumulates on periodic timers', async () => {
    const clock = new FakeClock({ start: 0 });
    clock.setLateness((t) => (t.kind === 'interval' ? 15 : 0));
    const at: number[] = [];
    clock.schedule('interval', 't', 1_000, () => at.push(clock.now()), 1_000);
    await clock.runUntil(3_100);
    expect(at).toEqual([1_015, 2_030, 3_045]);
  });

  it('clock - Date inside the watch follows the fake clock and setTimeout runs on it', async () => {
    const sim = createSimulation({ startTime: Date.UTC(2026, 0, 1) });
    const realm = nodeHost().createRealm('device');
    // A realm set up like the watch's, without the app.
    installBase({ clock: sim.clock, errors: sim.errors, Buffer, log: () => undefined }, realm, 'device');
    expect(realm.run('Date.now()', 't.js')).toBe(Date.UTC(2026, 0, 1));
    expect(realm.run('new Date().toISOString()', 't.js')).toBe('2026-01-01T00:00:00.000Z');
    await sim.clock.advance(90_000);
    expect(realm.run('new Date().getTime()', 't.js')).toBe(Date.UTC(2026, 0, 1) + 90_000);
    expect(realm.run('new Date(5).getTime()', 't.js')).toBe(5);
  });

  it('clock - killing the app cancels its timers; the side service timers are separate', async () => {
    const sim = await bootWatch({ link: { delayMs: 1_000 } });
    await sim.clock.advance(100);
    const owners = () => new Set(sim.clock.pending().map((t) => t.owner.split('#')[0]));
    expect(owners().has('app')).toBe(true);
    sim.device.kill();
    expect(owners().has('app')).toBe(false);
  });
});

describe('app services', () => {
  it('service - starting the cue service loads the built file and runs onInit; stop runs onDestroy', async () => {
    const sim = await bootWatch({ profile: 'trex3-4.0' });
    sim.device.startService('app-service/cue-service', { plan: 'x' });
    expect(sim.device.services()).toEqual(['app-service/cue-service']);
    sim.device.kill();
    expect(sim.device.services()).toEqual(['app-service/cue-service']);
    sim.device.stopService();
    expect(sim.device.services()).toEqual([]);
  });
});
