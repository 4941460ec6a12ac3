// Reminder rules at their edges, from docs/week.md: the days that follow the weekly target
// (1 → Wed; 2 → Tue, Thu; 3 → Mon, Wed, Fri; 4 → Mon, Tue, Thu, Fri; 5 → weekdays; 6 → Mon-Sat;
// 7 → every day; no target → Mon, Wed, Fri), default 18:00 and off, the first fire strictly after
// now, one slot shown once, a snooze kept only while reminders are on.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import type { WatchSettings } from '../../../core/routines/model';
import type { ProblemList } from '../../../core/kernel/checks';
import { DEFAULT_REMINDERS, defaultDays, lenientReminderPrefs, validateReminderPrefs } from '../../../core/settings/reminder-prefs';
import {
  EMPTY_REMINDER_STATE,
  SNOOZE_SECONDS,
  nextReminderAt,
  planRearm,
  reminderDays,
  reminderPrefsOf,
  reminderVerdict,
  wantedReminder,
  weekdayOf,
} from '../../../core/settings/reminders';
import type { FireInput } from '../../../core/settings/reminders';
import { makePlan } from '../../fixtures/plans';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Monday 2 March 2026 00:00 UTC. */
const MONDAY = Date.UTC(2026, 2, 2);
const MONDAY_DAY = MONDAY / DAY;
const ON: WatchSettings = { ...DEFAULT_SETTINGS, reminders: { on: true, days: [0, 2, 4], minute: 18 * 60 } };

describe('reminder days', () => {
  it('reminder days - with none chosen, the days spread to match the weekly target (docs/week.md)', () => {
    expect(defaultDays(1)).toEqual([2]);
    expect(defaultDays(2)).toEqual([1, 3]);
    expect(defaultDays(3)).toEqual([0, 2, 4]);
    expect(defaultDays(4)).toEqual([0, 1, 3, 4]);
    expect(defaultDays(5)).toEqual([0, 1, 2, 3, 4]);
    expect(defaultDays(6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(defaultDays(7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // More than one a day (the plan allows up to 14 a week) is still every day.
    expect(defaultDays(14)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(defaultDays(0)).toEqual([0, 2, 4]);
  });

  it('reminder days - chosen days win over the plan; none chosen and no plan is Mon, Wed, Fri', () => {
    const plan = makePlan({ weeklyTarget: 1 });
    expect(reminderDays({ on: true, days: [5, 6], minute: 0 }, plan)).toEqual([5, 6]);
    expect(reminderDays({ on: true, days: [], minute: 0 }, plan)).toEqual([2]);
    expect(reminderDays({ on: true, days: [], minute: 0 }, null)).toEqual([0, 2, 4]);
  });

  it('reminder days - reminders are off at 18:00 until turned on; absent settings read as that', () => {
    expect(DEFAULT_REMINDERS).toEqual({ on: false, days: [], minute: 18 * 60 });
    expect(reminderPrefsOf(DEFAULT_SETTINGS)).toEqual(DEFAULT_REMINDERS);
    expect(reminderPrefsOf(ON)).toEqual(ON.reminders);
  });

  it('reminder days - Monday is 0 and Sunday 6; 1970-01-01 was a Thursday', () => {
    expect(weekdayOf(0)).toBe(3);
    expect(weekdayOf(MONDAY_DAY)).toBe(0);
    expect(weekdayOf(MONDAY_DAY + 6)).toBe(6);
    expect(weekdayOf(-1)).toBe(2);
    expect(weekdayOf(-4)).toBe(6);
  });
});

describe('reminder time', () => {
  it('reminder time - today\'s slot already passed on the only chosen day: the same day next week', () => {
    expect(nextReminderAt([0], 18 * 60, MONDAY + 19 * 60 * MIN, 0)).toBe(MONDAY + 7 * DAY + 18 * 60 * MIN);
    // Exactly at the slot is not "after now".
    expect(nextReminderAt([0], 18 * 60, MONDAY + 18 * 60 * MIN, 0)).toBe(MONDAY + 7 * DAY + 18 * 60 * MIN);
    expect(nextReminderAt([0], 18 * 60, MONDAY + 18 * 60 * MIN - 1, 0)).toBe(MONDAY + 18 * 60 * MIN);
  });

  it('reminder time - midnight and the last minute of the day, in the person\'s zone', () => {
    expect(nextReminderAt([1], 0, MONDAY + 12 * 60 * MIN, 0)).toBe(MONDAY + DAY);
    expect(nextReminderAt([0], 1439, MONDAY, 0)).toBe(MONDAY + 1439 * MIN);
    // 07:00 in UTC-300 is 12:00 UTC.
    expect(nextReminderAt([0], 7 * 60, MONDAY + 6 * 60 * MIN, -300)).toBe(MONDAY + 12 * 60 * MIN);
  });

  it('reminder time - the wanted alarm carries days, time and a signature that changes with each of them and the zone', () => {
    const wanted = wantedReminder(ON, null, MONDAY, 60);
    expect(wanted).toEqual({ days: [0, 2, 4], minute: 1080, at: MONDAY + 17 * 60 * MIN, signature: '024@1080@60' });
    const signatures = new Set([
      wanted?.signature,
      wantedReminder(ON, null, MONDAY, 0)?.signature,
      wantedReminder({ ...ON, reminders: { on: true, days: [0, 2], minute: 1080 } }, null, MONDAY, 60)?.signature,
      wantedReminder({ ...ON, reminders: { on: true, days: [0, 2, 4], minute: 1081 } }, null, MONDAY, 60)?.signature,
    ]);
    expect(signatures.size).toBe(4);
  });

  it('reminder time - a snooze is half an hour', () => {
    expect(SNOOZE_SECONDS).toBe(1800);
  });
});

describe('reminder alarms', () => {
  it('re-arm - a new alarm is wanted: nothing kept, the new signature remembered, the caller fills in the id', () => {
    const wanted = wantedReminder(ON, null, MONDAY, 0);
    const plan = planRearm({ ...EMPTY_REMINDER_STATE, alarmId: 3, signature: 'old' }, wanted, [3]);
    expect(plan).toEqual({ cancel: [3], arm: true, state: { ...EMPTY_REMINDER_STATE, alarmId: 0, signature: wanted?.signature, snoozeId: 0 } });
  });

  it('re-arm - a pending snooze stays while reminders are on, and is forgotten once the system no longer has it', () => {
    const wanted = wantedReminder(ON, null, MONDAY, 0);
    if (wanted === null) throw new Error('on');
    const state = { ...EMPTY_REMINDER_STATE, alarmId: 3, signature: wanted.signature, snoozeId: 4 };
    expect(planRearm(state, wanted, [3, 4])).toEqual({ cancel: [], arm: false, state });
    expect(planRearm(state, wanted, [3]).state.snoozeId).toBe(0);
    // Wherever the system lists it.
    expect(planRearm(state, wanted, [4, 3])).toEqual({ cancel: [], arm: false, state });
    // An alarm id of 0 is "none armed", even if the system lists an alarm 0.
    expect(planRearm({ ...state, alarmId: 0, snoozeId: 0 }, wanted, [0])).toMatchObject({ cancel: [0], arm: true });
  });

  it('re-arm - reminders off: every alarm cancelled, nothing armed, the state forgets them', () => {
    const state = { ...EMPTY_REMINDER_STATE, alarmId: 3, signature: 'x', snoozeId: 4 };
    expect(planRearm(state, null, [3, 4, 5])).toEqual({ cancel: [3, 4, 5], arm: false, state: { ...state, alarmId: 0, signature: '', snoozeId: 0 } });
  });
});

describe('reminder verdict', () => {
  const now = MONDAY + 18 * 60 * MIN;
  const base: FireInput = { settings: ON, plan: makePlan({ weeklyTarget: 3 }), recent: [], state: EMPTY_REMINDER_STATE, now, tzOffsetMin: 0, kind: 'weekly' };
  const session = (startedAt: number, status: 'completed' | 'stopped' | 'pain') => ({ startedAt, tzOffsetMin: 0, status });

  it('verdict - the weekly slot is named by the local day and minute; a snooze by its minute', () => {
    expect(reminderVerdict(base)).toEqual({ show: true, slot: `${MONDAY_DAY}@1080` });
    expect(reminderVerdict({ ...base, tzOffsetMin: 60 })).toEqual({ show: true, slot: `${MONDAY_DAY}@1140` });
    expect(reminderVerdict({ ...base, kind: 'snooze' })).toEqual({ show: true, slot: `snooze@${now / MIN}` });
  });

  it('verdict - a session stopped for pain today counts as done today', () => {
    expect(reminderVerdict({ ...base, recent: [session(MONDAY + MIN, 'pain')] })).toEqual({ show: false, reason: 'done-today' });
  });

  it('verdict - "today" is the local day: a session yesterday evening is not today', () => {
    expect(reminderVerdict({ ...base, recent: [session(MONDAY - MIN, 'completed')] }).show).toBe(true);
    // In UTC+60, 23:30 UTC on Sunday is already Monday.
    expect(reminderVerdict({ ...base, tzOffsetMin: 60, recent: [session(MONDAY - 30 * MIN, 'completed')] })).toEqual({ show: false, reason: 'done-today' });
  });

  it('verdict - "Not today" said yesterday does not silence today', () => {
    expect(reminderVerdict({ ...base, state: { ...EMPTY_REMINDER_STATE, notTodayDay: MONDAY_DAY - 1 } }).show).toBe(true);
  });

  it('verdict - one session short of the target still reminds; last week\'s sessions do not count', () => {
    const wednesday = { ...base, now: now + 2 * DAY };
    const two = [session(MONDAY + MIN, 'completed'), session(MONDAY + DAY + MIN, 'completed')];
    expect(reminderVerdict({ ...wednesday, recent: two }).show).toBe(true);
    expect(reminderVerdict({ ...wednesday, recent: two.concat([session(MONDAY - DAY, 'completed')]) }).show).toBe(true);
    expect(reminderVerdict({ ...wednesday, recent: two.concat([session(MONDAY + DAY + 2 * MIN, 'pain')]) })).toEqual({ show: false, reason: 'target-met' });
    // A stopped session does not count toward the target.
    expect(reminderVerdict({ ...wednesday, recent: two.concat([session(MONDAY + DAY + 2 * MIN, 'stopped')]) }).show).toBe(true);
  });

  it('verdict - with no target (or no plan) the week is never "met"', () => {
    const tuesday = { ...base, now: now + DAY, recent: [session(MONDAY + MIN, 'completed')] };
    expect(reminderVerdict({ ...tuesday, plan: makePlan({ weeklyTarget: 0 }) }).show).toBe(true);
    expect(reminderVerdict({ ...tuesday, plan: null }).show).toBe(true);
  });
});

describe('reminder preferences at their limits', () => {
  function check(input: unknown): { value: unknown; problems: ProblemList } {
    const problems: ProblemList = [];
    return { value: validateReminderPrefs(input, 'reminders', problems), problems };
  }

  it('reminder prefs - minute 0 and 1439 are times of day, 1440 and -1 are not', () => {
    expect(check({ on: true, days: [], minute: 0 }).value).toEqual({ on: true, days: [], minute: 0 });
    expect(check({ on: true, days: [], minute: 1439 }).value).toEqual({ on: true, days: [], minute: 1439 });
    expect(check({ on: true, days: [], minute: -1 }).problems).toEqual([{ path: 'reminders.minute', message: 'must be an integer between 0 and 1439' }]);
  });

  it('reminder prefs - seven days at most, each 0-6 once; days come back in week order', () => {
    expect(check({ on: true, days: [6, 5, 4, 3, 2, 1, 0], minute: 0 }).value).toEqual({ on: true, days: [0, 1, 2, 3, 4, 5, 6], minute: 0 });
    expect(check({ on: true, days: [0, 1, 2, 3, 4, 5, 6, 0], minute: 0 }).problems).toEqual([{ path: 'reminders.days', message: 'must have at most 7 entries (got 8)' }]);
    expect(check({ on: true, days: [7], minute: 0 }).problems).toEqual([{ path: 'reminders.days[0]', message: 'must be an integer between 0 and 6' }]);
  });

  it('reminder prefs - not an object, missing fields and unknown fields are each named', () => {
    expect(check('daily').problems).toEqual([{ path: 'reminders', message: 'must be an object with on, days and minute' }]);
    expect(check({ days: [], extra: 1 }).problems).toEqual([
      { path: 'reminders.extra', message: 'is not a known field' },
      { path: 'reminders.on', message: 'is required' },
      { path: 'reminders.minute', message: 'is required' },
    ]);
  });

  it('reminder prefs - the watch reads anything unusable as the defaults, a usable value as it is', () => {
    expect(lenientReminderPrefs({ on: 'yes' })).toEqual(DEFAULT_REMINDERS);
    expect(lenientReminderPrefs(null)).toEqual(DEFAULT_REMINDERS);
    // A value with any problem is unusable as a whole, not partly read.
    expect(lenientReminderPrefs({ on: true, days: [1, 1], minute: 420 })).toEqual(DEFAULT_REMINDERS);
    expect(lenientReminderPrefs({ on: true, days: [1], minute: 420, snooze: 5 })).toEqual(DEFAULT_REMINDERS);
    expect(lenientReminderPrefs({ on: true, days: [4, 1], minute: 420 })).toEqual({ on: true, days: [1, 4], minute: 420 });
  });
});
