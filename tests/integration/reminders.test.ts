// Reminders on the BUILT bundles over simulated weeks, on an API 3.6 and an API 4.x watch: the
// watch Settings page turns them on, Home arms one weekly @zos/alarm, the alarm wakes the reminder
// service (a 600 ms single execution), which posts a notification with Start / Snooze 30 min /
// Not today. Expected days and times come from what the person chose, in their local time.
import { describe, expect, it } from 'vitest';
import { enqueue } from '../../core/sync/outbox';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { MemoryStore } from '../fixtures/memory-store';
import { makePlan } from '../fixtures/plans';
import { makeRecord } from '../fixtures/records';
import { openWatchSettings } from '../fixtures/watch-flows';

autoCheckErrors();

type Sim = Awaited<ReturnType<typeof bootWatch>>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Monday 2 March 2026, 09:00 local. */
const MONDAY_9 = new Date(2026, 2, 2, 9, 0).getTime();
/** Local time on day `offset` after that Monday (0 = Monday). */
const at = (offset: number, hour: number, minute = 0): number => new Date(2026, 2, 2 + offset, hour, minute).getTime();
const PLAN_TARGET_3 = JSON.stringify(makePlan({ weeklyTarget: 3 }));

/** Boots with a plan of 3 a week, turns reminders on in the watch Settings (days from the plan, 18:00) and leaves the app. */
async function remindersOn(profile: string, storage: Record<string, unknown> = {}): Promise<Sim> {
  const sim = await bootWatch({ profile, startTime: MONDAY_9, storage: { plan: PLAN_TARGET_3, ...storage }, settings: { plan: PLAN_TARGET_3 }, advance: 1_000 });
  await openWatchSettings(sim);
  sim.device.click('Reminders: off');
  await sim.clock.advance(200);
  expect(sim.device.texts()).toContain('Days: as planned (Mon Wed Fri)');
  expect(sim.device.texts()).toContain('Time: 18:00');
  sim.device.kill();
  return sim;
}

const deliveredTimes = (sim: Sim): number[] => sim.device.notificationCenter.delivered.map((n) => n.time);

describe.each(['gts4-3.6', 'trex3-4.0'])('reminders on the built app (%s)', (profile) => {
  it('reminders - over a week the reminder comes on the chosen days at the chosen time and at no other', async () => {
    const sim = await remindersOn(profile);
    expect(sim.device.alarms()).toHaveLength(1);
    expect(sim.device.alarms()[0]?.store).toBe(true);
    await sim.clock.advance(at(7, 9) - sim.clock.now());
    expect(deliveredTimes(sim)).toEqual([at(0, 18), at(2, 18), at(4, 18)]);
    const first = sim.device.notificationCenter.delivered[0];
    expect(first?.content).toBe('Time for your self-massage');
    expect(first?.actions.map((a) => a.text)).toEqual(['Start', 'Snooze 30 min', 'Not today']);
    // Still one alarm, and the woken service ended each time.
    expect(sim.device.alarms()).toHaveLength(1);
    expect(sim.device.services()).toEqual([]);
  });

  it('reminders - Snooze brings it back once, 30 min later', async () => {
    const sim = await remindersOn(profile);
    await sim.clock.advance(at(0, 18) - sim.clock.now());
    expect(deliveredTimes(sim)).toEqual([at(0, 18)]);
    sim.device.tapNotification('Snooze');
    await sim.clock.advance(at(1, 12) - sim.clock.now());
    expect(deliveredTimes(sim)).toEqual([at(0, 18), at(0, 18, 30)]);
    expect(sim.device.alarms()).toHaveLength(1);
  });

  it('reminders - Not today silences the rest of the day, even after the time is changed to later', async () => {
    const sim = await remindersOn(profile);
    await sim.clock.advance(at(0, 18) - sim.clock.now());
    sim.device.tapNotification('Not today');
    await sim.clock.advance(60_000);
    // Moving the reminder to 19:00 the same evening re-arms it, but today stays quiet.
    sim.device.launch();
    await sim.clock.advance(1_000);
    await openWatchSettings(sim);
    sim.device.click('Time: 18:00');
    await sim.clock.advance(200);
    expect(sim.device.texts()).toContain('Time: 19:00');
    sim.device.kill();
    await sim.clock.advance(at(2, 20) - sim.clock.now());
    expect(deliveredTimes(sim)).toEqual([at(0, 18), at(2, 19)]);
  });

  it('reminders - no reminder on a day whose session is already done', async () => {
    const outbox = new MemoryStore();
    enqueue(outbox, makeRecord({ startedAt: at(2, 10), endedAt: at(2, 10, 5), tzOffsetMin: -new Date(at(2, 10)).getTimezoneOffset() }));
    const sim = await remindersOn(profile, outbox.snapshot());
    await sim.clock.advance(at(5, 9) - sim.clock.now());
    expect(deliveredTimes(sim)).toEqual([at(0, 18), at(4, 18)]);
  });

  it('reminders - a new weekly target from the phone re-arms the days', async () => {
    const sim = await remindersOn(profile);
    sim.device.launch();
    await sim.clock.advance(1_000);
    sim.side.openSettings();
    sim.side.changeSettings('Weekly target', 2);
    await sim.clock.advance(2_000);
    expect(sim.device.hasText('This week: 0 of 2')).toBe(true);
    sim.device.kill();
    expect(sim.device.alarms()).toHaveLength(1);
    await sim.clock.advance(at(7, 9) - sim.clock.now());
    // Two a week: Tuesday and Thursday (Monday, Wednesday and Friday no longer).
    expect(deliveredTimes(sim)).toEqual([at(1, 18), at(3, 18)]);
  });

  it('reminders - days and time chosen in the phone Preferences reach the watch and decide when it reminds', async () => {
    const sim = await bootWatch({ profile, startTime: MONDAY_9, advance: 1_000 });
    sim.side.openSettings();
    sim.side.changeSettings('Remind me on the watch', true);
    sim.side.changeSettings('Tuesday', true);
    sim.side.changeSettings('Saturday', true);
    sim.side.changeSettings('Reminder time', '450');
    await sim.clock.advance(2_000);
    sim.device.kill();
    await sim.clock.advance(at(7, 9) - sim.clock.now());
    expect(deliveredTimes(sim)).toEqual([at(1, 7, 30), at(5, 7, 30)]);
  });

  it('reminders - turning them off leaves no alarm and nothing comes', async () => {
    const sim = await remindersOn(profile);
    await sim.clock.advance(at(0, 18) - sim.clock.now());
    sim.device.tapNotification('Snooze');
    sim.device.launch();
    await sim.clock.advance(1_000);
    await openWatchSettings(sim);
    sim.device.click('Reminders: on');
    await sim.clock.advance(200);
    expect(sim.device.alarms()).toEqual([]);
    sim.device.kill();
    await sim.clock.advance(7 * DAY_MS);
    expect(deliveredTimes(sim)).toEqual([at(0, 18)]);
  });
});
