// Reminder rules (core/settings/reminders, core/settings/reminder-prefs): which days and time, when a fired alarm
// is shown, how re-arming keeps exactly one weekly alarm, and bad preferences refused with reasons.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import type { WatchSettings } from '../../../core/routines/model';
import { defaultDays } from '../../../core/settings/reminder-prefs';
import type { Weekday } from '../../../core/settings/reminder-prefs';
import { EMPTY_REMINDER_STATE, nextReminderAt, planRearm, reminderVerdict, wantedReminder } from '../../../core/settings/reminders';
import { describeProblems } from '../../../core/kernel/result';
import { validateSettings } from '../../../core/settings/settings-validation';
import { makePlan } from '../../fixtures/plans';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Monday 2 March 2026 00:00 UTC; the zone is a parameter, so UTC arithmetic states the expectations. */
const MONDAY = Date.UTC(2026, 2, 2);
const ON: WatchSettings = { ...DEFAULT_SETTINGS, reminders: { on: true, days: [0, 2, 4], minute: 18 * 60 } };

describe('reminder schedule', () => {
  it('reminders - the next reminder is the chosen local time on the next chosen day, never now itself', () => {
    // Monday 18:00 in UTC+60 is 17:00 UTC.
    expect(nextReminderAt([0, 2, 4], 18 * 60, MONDAY + 9 * 60 * MIN, 60)).toBe(MONDAY + 17 * 60 * MIN);
    expect(nextReminderAt([0, 2, 4], 18 * 60, MONDAY + 17 * 60 * MIN, 60)).toBe(MONDAY + 2 * DAY + 17 * 60 * MIN);
    // Sunday chosen, asked on Monday: six days later.
    expect(nextReminderAt([6], 8 * 60, MONDAY + 9 * 60 * MIN, 0)).toBe(MONDAY + 6 * DAY + 8 * 60 * MIN);
    expect(nextReminderAt([], 8 * 60, MONDAY, 0)).toBeNull();
  });

  it('reminders - with no days chosen they follow the weekly target: as many days as sessions asked for', () => {
    for (let target = 1; target <= 7; target += 1) expect(defaultDays(target)).toHaveLength(target);
    const plan = makePlan({ weeklyTarget: 2 });
    expect(wantedReminder({ ...ON, reminders: { on: true, days: [], minute: 600 } }, plan, MONDAY, 0)?.days).toEqual(defaultDays(2));
    expect(wantedReminder(DEFAULT_SETTINGS, plan, MONDAY, 0)).toBeNull();
  });

  it('reminders - re-arming keeps the matching alarm and cancels every other, so one slot never has two', () => {
    const wanted = wantedReminder(ON, null, MONDAY, 0);
    if (wanted === null) throw new Error('reminders are on');
    const armed = { ...EMPTY_REMINDER_STATE, alarmId: 7, signature: wanted.signature };
    expect(planRearm(armed, wanted, [7, 9])).toMatchObject({ cancel: [9], arm: false });
    // The alarm vanished (e.g. a reboot without store): arm again.
    expect(planRearm(armed, wanted, [])).toMatchObject({ cancel: [], arm: true });
    // Another time: the old one goes, a new one comes; off: everything goes, the snooze too.
    const later = wantedReminder({ ...ON, reminders: { on: true, days: [0, 2, 4], minute: 19 * 60 } }, null, MONDAY, 0);
    expect(planRearm({ ...armed, snoozeId: 9 }, later, [7, 9])).toMatchObject({ cancel: [7], arm: true });
    expect(planRearm({ ...armed, snoozeId: 9 }, null, [7, 9])).toMatchObject({ cancel: [7, 9], arm: false });
  });

  it('reminders - whatever was armed before, at most the wanted alarm and the snooze remain afterwards', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { maxLength: 8 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.boolean(), (existing, alarmId, snoozeId, on) => {
        const wanted = on ? wantedReminder(ON, null, MONDAY, 0) : null;
        const state = { ...EMPTY_REMINDER_STATE, alarmId, snoozeId, signature: wanted?.signature ?? '' };
        const plan = planRearm(state, wanted, existing);
        const left = existing.filter((id) => plan.cancel.indexOf(id) < 0);
        const weekly = left.filter((id) => id !== snoozeId || !on).length + (plan.arm ? 1 : 0);
        expect(weekly).toBeLessThanOrEqual(on ? 1 : 0);
        if (!on) expect(left).toEqual([]);
      }),
    );
  });

  it('reminders - a fired alarm is shown unless today counts already, the person said Not today, the target is met, or the slot was shown', () => {
    const now = MONDAY + 18 * 60 * MIN;
    const base = { settings: ON, plan: makePlan({ weeklyTarget: 3 }), recent: [], state: EMPTY_REMINDER_STATE, now, tzOffsetMin: 0, kind: 'weekly' as const };
    const shown = reminderVerdict(base);
    expect(shown.show).toBe(true);
    const session = (startedAt: number, status: 'completed' | 'stopped' | 'pain') => ({ startedAt, tzOffsetMin: 0, status });
    expect(reminderVerdict({ ...base, recent: [session(MONDAY + 8 * 60 * MIN, 'completed')] })).toEqual({ show: false, reason: 'done-today' });
    // A session simply stopped does not count, as for the weekly target.
    expect(reminderVerdict({ ...base, recent: [session(MONDAY + 8 * 60 * MIN, 'stopped')] }).show).toBe(true);
    expect(reminderVerdict({ ...base, state: { ...EMPTY_REMINDER_STATE, notTodayDay: Math.floor(MONDAY / DAY) } })).toEqual({ show: false, reason: 'not-today' });
    const lastWeek = { ...base, now: now + 6 * DAY, recent: [session(MONDAY + 1 * DAY, 'completed'), session(MONDAY + 2 * DAY, 'pain'), session(MONDAY + 3 * DAY, 'completed')] };
    expect(reminderVerdict(lastWeek)).toEqual({ show: false, reason: 'target-met' });
    if (!shown.show) throw new Error('shown');
    expect(reminderVerdict({ ...base, state: { ...EMPTY_REMINDER_STATE, lastSlot: shown.slot } })).toEqual({ show: false, reason: 'already-shown' });
    expect(reminderVerdict({ ...base, settings: DEFAULT_SETTINGS })).toEqual({ show: false, reason: 'off' });
  });
});

describe('reminder preferences', () => {
  it('prefs - settings stored before reminders existed still validate, and bad reminder values are refused with where and why', () => {
    expect(validateSettings({ intensity: 'standard', leadInSeconds: 5, halfwayTick: true, screen: 'allow-off' }).ok).toBe(true);
    const bad = validateSettings({ ...DEFAULT_SETTINGS, reminders: { on: 'yes', days: [0, 0, 9], minute: 1440 }, adapt: 1 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(describeProblems(bad.problems)).toBe(
      'reminders.on must be true or false; reminders.minute must be an integer between 0 and 1439; reminders.days[1] repeats a day; reminders.days[2] must be an integer between 0 and 6; adapt must be true or false',
    );
    const good = validateSettings({ ...DEFAULT_SETTINGS, reminders: { on: true, days: [4, 0], minute: 420 }, adapt: false });
    expect(good.ok && good.value.reminders?.days).toEqual([0, 4] satisfies Weekday[]);
  });
});
