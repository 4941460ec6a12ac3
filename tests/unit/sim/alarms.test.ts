// The simulator's @zos/alarm table against the documented API: time wins over delay (both in
// seconds), weekly repeat on week_days at the anchor's local time, store survives a reboot,
// cancel / getAllAlarms, and the stricter refusals docs/simulator.md lists.
import { describe, expect, it } from 'vitest';
import { ALARM_CONSTANTS, AlarmTable } from '../../../sim/platform/alarms';
import { FakeClock } from '../../../sim/platform/clock';

const MONDAY_9 = new Date(2026, 2, 2, 9, 0).getTime();
const local = (dayOffset: number, hour: number, minute = 0): number => new Date(2026, 2, 2 + dayOffset, hour, minute).getTime();
const HOUR_MS = 3_600_000;

function table(): { clock: FakeClock; alarms: AlarmTable; fires: Array<[number, string, string | undefined]> } {
  const clock = new FakeClock({ start: MONDAY_9, flush: () => Promise.resolve() });
  const alarms = new AlarmTable(clock);
  const fires: Array<[number, string, string | undefined]> = [];
  return { clock, alarms, fires };
}

describe('simulated @zos/alarm', () => {
  it('alarm - time (UTC seconds) wins over delay, and a one-off fires once', async () => {
    const { clock, alarms, fires } = table();
    const id = alarms.set({ url: 'app-service/x', time: (MONDAY_9 + 2 * HOUR_MS) / 1000, delay: 60, param: 'p' }, (url, param) => fires.push([clock.now(), url, param]));
    expect(id).toBeGreaterThan(0);
    await clock.advance(5 * HOUR_MS);
    expect(fires).toEqual([[MONDAY_9 + 2 * HOUR_MS, 'app-service/x', 'p']]);
    expect(alarms.ids()).toEqual([]);
  });

  it('alarm - delay counts seconds from now', async () => {
    const { clock, alarms, fires } = table();
    alarms.set({ url: 'page/a', delay: 1800 }, (url) => fires.push([clock.now(), url, undefined]));
    await clock.advance(HOUR_MS);
    expect(fires.map((f) => f[0])).toEqual([MONDAY_9 + 1_800_000]);
  });

  it('alarm - REPEAT_WEEK fires on the chosen week days only, at the anchor time of day', async () => {
    const { clock, alarms, fires } = table();
    alarms.set(
      { url: 'app-service/x', time: local(0, 7, 30) / 1000, repeat_type: ALARM_CONSTANTS.REPEAT_WEEK, week_days: ALARM_CONSTANTS.WEEK_TUE | ALARM_CONSTANTS.WEEK_SUN },
      () => fires.push([clock.now(), '', undefined]),
    );
    await clock.advance(local(14, 0) - clock.now());
    expect(fires.map((f) => f[0])).toEqual([local(1, 7, 30), local(6, 7, 30), local(8, 7, 30), local(13, 7, 30)]);
    expect(alarms.ids()).toHaveLength(1);
  });

  it('alarm - only store: true alarms survive a reboot, keeping their id', async () => {
    const { clock, alarms, fires } = table();
    const kept = alarms.set({ url: 'a', delay: 3600, store: true }, () => fires.push([clock.now(), 'kept', undefined]));
    alarms.set({ url: 'b', delay: 3600 }, () => fires.push([clock.now(), 'lost', undefined]));
    alarms.reboot();
    expect(alarms.ids()).toEqual([kept]);
    await clock.advance(2 * HOUR_MS);
    expect(fires.map((f) => f[1])).toEqual(['kept']);
  });

  it('alarm - cancel answers 0 and removes the alarm; an unknown id is not 0', async () => {
    const { clock, alarms, fires } = table();
    const a = alarms.set({ url: 'a', delay: 60 }, () => fires.push([clock.now(), 'a', undefined]));
    const b = alarms.set({ url: 'b', delay: 60 }, () => fires.push([clock.now(), 'b', undefined]));
    expect(alarms.cancel({ id: a })).toBe(0);
    expect(alarms.cancel(a)).not.toBe(0);
    expect(alarms.ids()).toEqual([b]);
    await clock.advance(120_000);
    expect(fires.map((f) => f[1])).toEqual(['b']);
  });

  it('alarm - refuses with 0: no time or delay, a past one-off, a non-string param, REPEAT_WEEK without days, an unmodelled repeat', () => {
    const { alarms } = table();
    const fire = (): void => undefined;
    expect(alarms.set({ url: 'a' }, fire)).toBe(0);
    expect(alarms.set({ url: 'a', time: (MONDAY_9 - 1000) / 1000 }, fire)).toBe(0);
    expect(alarms.set({ url: 'a', delay: 5, param: { id: 1 } }, fire)).toBe(0);
    expect(alarms.set({ url: 'a', delay: 5, repeat_type: ALARM_CONSTANTS.REPEAT_WEEK }, fire)).toBe(0);
    expect(alarms.set({ url: 'a', delay: 5, repeat_type: ALARM_CONSTANTS.REPEAT_MINUTE }, fire)).toBe(0);
    expect(alarms.refusals).toHaveLength(5);
    expect(alarms.ids()).toEqual([]);
  });
});
