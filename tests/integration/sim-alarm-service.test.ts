// The simulator's single-execution App Service (woken by an alarm or a notification action),
// on a stand-in service file in place of the built reminder service, so each documented rule is
// seen on its own: the alarm's param in onInit, the 600 ms cap (later timers never fire), an
// action's param in onEvent, a page action opening the app, and the permissions app.json declares.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { DEFAULT_DIST } from '../../sim/node/index';

autoCheckErrors();

const SERVICE = 'device/app-service/reminder-service.js';
const PROBE = `
const alarm = __$$R$$__('@zos/alarm');
const timer = __$$R$$__('@zos/timer');
const notification = __$$R$$__('@zos/notification');
__$$module$$__.module = AppService({
  onInit(param) {
    console.log('init ' + param);
    if (param === 'wake') {
      timer.createSysTimer(false, 300, () => console.log('timer 300'));
      timer.createSysTimer(false, 900, () => console.log('timer 900'));
      notification.notify({ title: 'T', content: 'C', actions: [
        { text: 'Again', file: 'app-service/reminder-service', param: 'again' },
        { text: 'Open', file: 'page/history/index.page' },
      ] });
    }
  },
  onEvent(param) { console.log('event ' + param); },
  onDestroy() { console.log('destroy'); },
});
`;

const lines = (sim: Awaited<ReturnType<typeof bootWatch>>): string[] => sim.logs.filter((l) => l.realm === 'service').map((l) => `${l.time - START} ${l.text}`);
const START = Date.UTC(2026, 2, 2, 9, 0, 0);

function armFromApp(sim: Awaited<ReturnType<typeof bootWatch>>, option: Record<string, unknown>): number {
  // The app's own realm sets the alarm, as a page would.
  const app = (sim.device.runtime as unknown as { app: { realm: { global: { __$$R$$__: (m: string) => { set(o: unknown): number } } } } }).app;
  return app.realm.global.__$$R$$__('@zos/alarm').set(option);
}

describe('simulated single-execution App Service (trex3-4.0)', () => {
  it('alarm service - the param reaches onInit, and the run ends at 600 ms with its later timers', async () => {
    const sim = await bootWatch({ profile: 'trex3-4.0', startTime: START, overrideFiles: { [SERVICE]: PROBE } });
    expect(armFromApp(sim, { url: 'app-service/reminder-service', delay: 60, param: 'wake' })).toBeGreaterThan(0);
    sim.device.kill();
    await sim.clock.advance(60_000);
    expect(sim.device.services()).toEqual(['app-service/reminder-service']);
    await sim.clock.advance(5_000);
    expect(lines(sim)).toEqual(['60000 init wake', '60300 timer 300', '60600 destroy']);
    expect(sim.device.services()).toEqual([]);
  });

  it('notification action - its param reaches onEvent of a fresh single run; a page action opens the app there', async () => {
    const sim = await bootWatch({ profile: 'trex3-4.0', startTime: START, overrideFiles: { [SERVICE]: PROBE } });
    armFromApp(sim, { url: 'app-service/reminder-service', delay: 1, param: 'wake' });
    sim.device.kill();
    await sim.clock.advance(5_000);
    expect(sim.device.notifications().map((n) => n.title)).toEqual(['T']);
    sim.device.tapNotification('Again');
    expect(sim.device.notifications()).toEqual([]);
    await sim.clock.advance(1_000);
    expect(lines(sim).slice(3)).toEqual(['5000 init undefined', '5000 event again', '5600 destroy']);

    expect(sim.device.running).toBe(false);
    sim.device.notificationCenter.notify({ title: 'X', content: 'Y', actions: [{ text: 'Open', file: 'page/history/index.page' }] });
    sim.device.tapNotification('Open');
    await sim.clock.advance(500);
    expect(sim.device.currentPage()?.path).toBe('page/history/index.page');
  });

  it('permissions - without device:os.alarm / device:os.notification in app.json the calls throw naming the code', async () => {
    const appJson = JSON.parse(readFileSync(join(DEFAULT_DIST, 'round-480x480/device/app.json'), 'utf8')) as { permissions: string[] };
    appJson.permissions = appJson.permissions.filter((p) => p !== 'device:os.alarm' && p !== 'device:os.notification');
    const sim = await bootWatch({ profile: 'trex3-4.0', startTime: START, launch: false, overrideFiles: { 'device/app.json': JSON.stringify(appJson) } });
    sim.device.launch();
    await sim.clock.advance(1_000);
    const app = (sim.device.runtime as unknown as { app: { realm: { global: { __$$R$$__: (m: string) => Record<string, (o?: unknown) => unknown> } } } }).app;
    expect(() => app.realm.global.__$$R$$__('@zos/alarm').getAllAlarms?.()).toThrow('device:os.alarm');
    expect(() => app.realm.global.__$$R$$__('@zos/notification').notify?.({ title: '', content: '', actions: [] })).toThrow('device:os.notification');
    // Home re-arms reminders at launch, which needs the permission: the error is the point here.
    sim.expectErrors((e) => e.message.includes('device:os.alarm'));
  });
});
