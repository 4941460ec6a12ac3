// The watch's reminder rows and stored reminder state (docs/week.md, Reminders): a tap cycles the
// days through "follow the plan", Mon-Wed-Fri, Tue-Thu-Sat, weekdays, every day, the weekend and
// back; the time through 07:00, 08:00, 12:00, 17:00-21:00 and back to 07:00; times read as HH:MM.
// What the service stores is read leniently (damage reads as nothing armed, texts fall back to
// English) and a text write that changes nothing writes nothing.
import { describe, expect, it } from 'vitest';
import type { ReminderPrefs } from '../../../core/settings/reminder-prefs';
import { clockText, nextReminderDays, nextReminderMinute } from '../../../core/watch/reminder-settings';
import { ENGLISH_REMINDER_TEXTS, loadReminderState, loadReminderTexts, saveReminderState, saveReminderTexts } from '../../../core/watch/reminder-store';
import { MemoryStore } from '../../fixtures/memory-store';

const prefs = (days: ReminderPrefs['days'], minute = 18 * 60): ReminderPrefs => ({ on: true, days, minute });

describe('watch reminder rows', () => {
  it('reminder rows - tapping the days cycles: plan, Mon/Wed/Fri, Tue/Thu/Sat, weekdays, every day, weekend, plan', () => {
    const seen: string[] = [];
    let p = prefs([]);
    for (let i = 0; i < 7; i += 1) {
      seen.push(p.days.join(''));
      p = nextReminderDays(p);
    }
    expect(seen).toEqual(['', '024', '135', '01234', '0123456', '56', '']);
    // Other fields are kept.
    expect(nextReminderDays(prefs([], 7 * 60))).toMatchObject({ on: true, minute: 7 * 60 });
  });

  it('reminder rows - days the phone set that are not one of the choices go back to following the plan', () => {
    expect(nextReminderDays(prefs([0, 3])).days).toEqual([]);
    expect(nextReminderDays(prefs([0, 2])).days).toEqual([]);
  });

  it('reminder rows - tapping the time goes to the next choice after it, and from 21:00 back to 07:00', () => {
    const seen: number[] = [];
    let p = prefs([], 7 * 60);
    for (let i = 0; i < 9; i += 1) {
      seen.push(p.minute);
      p = nextReminderMinute(p);
    }
    expect(seen.map(clockText)).toEqual(['07:00', '08:00', '12:00', '17:00', '18:00', '19:00', '20:00', '21:00', '07:00']);
    // A time set on the phone between choices goes to the next choice after it.
    expect(clockText(nextReminderMinute(prefs([], 18 * 60 + 30)).minute)).toBe('19:00');
    expect(clockText(nextReminderMinute(prefs([], 6 * 60)).minute)).toBe('07:00');
    expect(clockText(nextReminderMinute(prefs([], 23 * 60)).minute)).toBe('07:00');
  });

  it('reminder rows - times read as HH:MM with leading zeros, wrapped into one day', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(7 * 60 + 5)).toBe('07:05');
    expect(clockText(9 * 60 + 10)).toBe('09:10');
    expect(clockText(10 * 60 + 30)).toBe('10:30');
    expect(clockText(23 * 60 + 59)).toBe('23:59');
    expect(clockText(24 * 60)).toBe('00:00');
    expect(clockText(-30)).toBe('23:30');
  });
});

describe('watch reminder store', () => {
  it('reminder store - a saved state reads back whole; nothing stored or damage reads as nothing armed', () => {
    const store = new MemoryStore();
    expect(loadReminderState(store)).toEqual({ alarmId: 0, signature: '', snoozeId: 0, notTodayDay: null, lastSlot: null });
    const state = { alarmId: 3, signature: '024@1080', snoozeId: 0, notTodayDay: 20_514, lastSlot: '0@1080' };
    saveReminderState(store, state);
    expect(loadReminderState(store)).toEqual(state);
    store.setItem('knead.reminder', '{"broken');
    expect(loadReminderState(store).alarmId).toBe(0);
    store.setItem('knead.reminder', 'null');
    expect(loadReminderState(store).alarmId).toBe(0);
  });

  it('reminder store - bad fields read as their empty value, field by field (ids must be whole and not negative)', () => {
    const store = new MemoryStore();
    store.setItem('knead.reminder', JSON.stringify({ alarmId: -1, signature: 5, snoozeId: 2.5, notTodayDay: 'monday', lastSlot: 7 }));
    expect(loadReminderState(store)).toEqual({ alarmId: 0, signature: '', snoozeId: 0, notTodayDay: null, lastSlot: null });
    store.setItem('knead.reminder', JSON.stringify({ alarmId: 0, signature: 'x', snoozeId: 9, notTodayDay: 12, lastSlot: 'snooze@5' }));
    expect(loadReminderState(store)).toEqual({ alarmId: 0, signature: 'x', snoozeId: 9, notTodayDay: 12, lastSlot: 'snooze@5' });
  });

  it('reminder store - texts: saved ones read back; missing, empty or damaged ones fall back to English one by one', () => {
    const store = new MemoryStore();
    expect(loadReminderTexts(store)).toEqual({ title: 'Knead', content: 'Time for your self-massage', start: 'Start', snooze: 'Snooze 30 min', notToday: 'Not today' });
    const german = { title: 'Knead', content: 'Zeit für deine Selbstmassage', start: 'Start', snooze: '30 Min. später', notToday: 'Heute nicht' };
    saveReminderTexts(store, german);
    expect(loadReminderTexts(store)).toEqual(german);
    store.setItem('knead.reminder.texts', JSON.stringify({ content: '', start: 3, snooze: 'Später' }));
    expect(loadReminderTexts(store)).toEqual({ ...ENGLISH_REMINDER_TEXTS, snooze: 'Später' });
    store.setItem('knead.reminder.texts', '[broken');
    expect(loadReminderTexts(store)).toEqual(ENGLISH_REMINDER_TEXTS);
  });

  it('reminder store - texts stored as null read as the English ones: Knead, Start, Snooze 30 min, Not today', () => {
    const store = new MemoryStore({ 'knead.reminder.texts': 'null' });
    const texts = loadReminderTexts(store);
    expect([texts.title, texts.start, texts.snooze, texts.notToday]).toEqual(['Knead', 'Start', 'Snooze 30 min', 'Not today']);
    expect(texts.content).toMatch(/self-massage/);
  });

  it('reminder store - writing the texts already stored writes nothing', () => {
    const store = new MemoryStore();
    saveReminderTexts(store, ENGLISH_REMINDER_TEXTS);
    const writes: string[] = [];
    const original = store.setItem.bind(store);
    store.setItem = (key: string, value: string) => {
      writes.push(key);
      original(key, value);
    };
    expect(saveReminderTexts(store, ENGLISH_REMINDER_TEXTS)).toEqual({ ok: true });
    expect(writes).toEqual([]);
    saveReminderTexts(store, { ...ENGLISH_REMINDER_TEXTS, title: 'K' });
    expect(writes.length).toBeGreaterThan(0);
  });
});
