// JSON helpers that must agree on both ends of the link (byte sizes decide what the watch sends
// and the phone accepts), `{name}` templates, and local calendar arithmetic (a session is filed
// under the day and week the person lived it, Monday first).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasOwn, isPlainObject, jsonByteLength, parseJson, shorten, utf8ByteLength } from '../../../core/kernel/json';
import { fill } from '../../../core/kernel/template';
import { dayLabel, deviceOffsetMin, localClock, localDay, localMonth, localWeekStart, weekStartDay } from '../../../core/kernel/local-time';

describe('kernel json', () => {
  it('json - UTF-8 size by hand equals what a real UTF-8 encoder writes, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('json - UTF-8 size at each encoding boundary, and for broken surrogate pairs', () => {
    const cases = ['\x7f', '\x80', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '😀', '\ud83d', 'a\ud83d', '\ud83d' + 'a', '\ude00', '\udbff\udfff', '\ud800\udc00', '\ud800\ud800',
      // A lone low surrogate after any other character, and a high one before a character past them.
      '€\udc00', '\ude00\ude00', '\uffff\udc00', '\ud7ff\udc00', '\ud800\ue000', 'a\udbff\uffff'];
    for (const text of cases) expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    expect(utf8ByteLength('Füße 颈部 😀')).toBe(1 + 2 + 2 + 1 + 1 + 3 + 3 + 1 + 4);
  });

  it('json - the byte size of a value is that of its JSON text', () => {
    expect(jsonByteLength({ name: 'Füße' })).toBe(Buffer.byteLength('{"name":"Füße"}', 'utf8'));
  });

  it('json - text that is not JSON is refused naming what was read, the same message on every engine', () => {
    expect(parseJson('{"a":', 'the stored plan')).toEqual({ ok: false, problems: [{ path: '', message: 'the stored plan is not valid JSON' }] });
    expect(parseJson('{"a":1}', 'x')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('json - a plain object is neither null nor a list', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject('x')).toBe(false);
  });

  it('json - own keys only: an inherited key is not a field', () => {
    expect(hasOwn({ a: 1 }, 'a')).toBe(true);
    expect(hasOwn({}, 'toString')).toBe(false);
  });

  it('json - long text is cut to 40 characters with an ellipsis; 40 or fewer stay whole', () => {
    expect(shorten('x'.repeat(40))).toBe('x'.repeat(40));
    expect(shorten('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
    expect(shorten('abcdef', 3)).toBe('abc…');
  });
});

describe('kernel template', () => {
  it('template - fills every named placeholder, numbers as text', () => {
    expect(fill('{area} +{seconds} s, {area} again', { area: 'Neck', seconds: 15 })).toBe('Neck +15 s, Neck again');
  });

  it('template - a name the values do not own stays as written', () => {
    expect(fill('Hello {name}', {})).toBe('Hello {name}');
    expect(fill('{constructor}', {})).toBe('{constructor}');
    expect(fill('{Name} {1}', { Name: 'x' })).toBe('{Name} {1}');
  });
});

const DAY_MS = 24 * 60 * 60 * 1000;
/** Monday 2026-03-02 00:00 UTC. */
const MONDAY = Date.UTC(2026, 2, 2);

describe('kernel local time', () => {
  it('local time - the local day follows the offset across midnight', () => {
    const day = MONDAY / DAY_MS;
    expect(localDay(MONDAY, 0)).toBe(day);
    expect(localDay(MONDAY - 1, 0)).toBe(day - 1);
    expect(localDay(MONDAY - 30 * 60_000, 60)).toBe(day); // 23:30 UTC is 00:30 in CET
    expect(localDay(MONDAY + 30 * 60_000, -60)).toBe(day - 1);
  });

  it('local time - weeks start on Monday, whatever the day of the week, also before 1970', () => {
    const monday = MONDAY / DAY_MS;
    for (let d = 0; d < 7; d += 1) expect(weekStartDay(monday + d)).toBe(monday);
    expect(weekStartDay(monday - 1)).toBe(monday - 7);
    expect(weekStartDay(4)).toBe(4); // 1970-01-05, a Monday
    expect(weekStartDay(3)).toBe(-3);
    expect(weekStartDay(-4)).toBe(-10); // 1969-12-28 is a Sunday
    expect(localWeekStart(MONDAY + 6 * DAY_MS + DAY_MS - 1, 0)).toBe(monday);
    expect(localWeekStart(MONDAY - 60_000, 60)).toBe(monday);
  });

  it('local time - dates and months are written YYYY-MM-DD / YYYY-MM, zero-padded', () => {
    expect(dayLabel(MONDAY / DAY_MS)).toBe('2026-03-02');
    expect(dayLabel(Date.UTC(2026, 10, 29) / DAY_MS)).toBe('2026-11-29');
    expect(localMonth(Date.UTC(2026, 1, 28, 23, 30), 60)).toBe('2026-03');
    expect(localMonth(Date.UTC(2026, 11, 5), 0)).toBe('2026-12');
  });

  it('local time - the clock is HH:MM local, zero-padded', () => {
    expect(localClock(Date.UTC(2026, 2, 2, 7, 5), 0)).toBe('07:05');
    expect(localClock(Date.UTC(2026, 2, 2, 15, 40), 60)).toBe('16:40');
    expect(localClock(Date.UTC(2026, 2, 2, 23, 59), 0)).toBe('23:59');
  });

  it('local time - the device offset is minutes east of UTC (+60 in Berlin in winter, -300 in New York)', () => {
    // In any zone: the offset is the local wall clock minus UTC, in minutes.
    const at = Date.UTC(2026, 0, 15, 12);
    const local = new Date(at);
    const wallMinusUtc = (Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes()) - at) / 60_000;
    expect(deviceOffsetMin(at) + 0).toBe(wallMinusUtc + 0);
    // Put back by name (deleting TZ would not make the runtime re-read the zone).
    const saved = process.env['TZ'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    try {
      process.env['TZ'] = 'Europe/Berlin';
      // A worker thread keeps the zone it started with; the named zones are checked where it can change.
      if (new Date(at).getTimezoneOffset() !== -60) return;
      expect(deviceOffsetMin(at)).toBe(60);
      expect(deviceOffsetMin(Date.UTC(2026, 6, 15))).toBe(120);
      process.env['TZ'] = 'America/New_York';
      expect(deviceOffsetMin(at)).toBe(-300);
    } finally {
      process.env['TZ'] = saved;
    }
  });
});
