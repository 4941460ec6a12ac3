// Notes and pain scores the person adds on the phone (docs/sync.md storage keys: `note:<id>` =
// {text, updatedAt}, at most 500 characters; `pain:<id>` = {score, updatedAt}, 0-10): bad input
// gets a clear error naming the field and loses nothing stored; a storage that cannot be written
// (newer layout, full disk) says so and keeps what it had; unreadable entries are reported or
// skipped, never read as something else.

import { describe, expect, it } from 'vitest';
import { deleteNote, noteKey, readAllNotes, readNote, saveNote, validateNote } from '../../../core/phone/notes';
import { PAIN_PREFIX, hadPain, readPainScoreEntries, readPainScores, savePainScore, validatePainScore } from '../../../core/phone/pain-scores';
import { describeProblems } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { MemoryStore, unreadableKey } from '../../fixtures/memory-store';
import { makeCheckIn, makeRecord } from '../../fixtures/records';

function text<T>(result: Validated<T>): string {
  return result.ok ? 'ok' : describeProblems(result.problems);
}

describe('notes - rules', () => {
  it('notes - tabs and line breaks are text; other control characters are not', () => {
    expect(text(validateNote('s1', 'left\tright\nnext line\r\nend', 1))).toBe('ok');
    for (const bad of ['a\u0001b', 'a\u0008b', 'a\u000bb', 'a\u000cb', 'a\u000eb', 'a\u001fb', 'a\u007fb']) {
      expect(text(validateNote('s1', bad, 1))).toMatch(/^text .*control/);
    }
  });

  it('notes - a note that is not text, or a time that is not a whole non-negative number, is refused naming the field', () => {
    expect(text(validateNote('s1', 42, 1))).toBe('text must be a string');
    for (const at of [-1, 1.5, '1', undefined]) expect(text(validateNote('s1', 'ok', at))).toBe('updatedAt must be a non-negative integer');
    expect(text(validateNote('s1', 'ok', 0))).toBe('ok');
  });

  it('notes - a session id of 1 to 64 visible characters; none, or longer, is refused', () => {
    expect(text(validateNote('', 'ok', 1))).toMatch(/^sessionId must be a session id/);
    expect(text(validateNote(7, 'ok', 1))).toMatch(/^sessionId must be a session id/);
    expect(text(validateNote('x'.repeat(64), 'ok', 1))).toBe('ok');
    expect(text(validateNote('x'.repeat(65), 'ok', 1))).toMatch(/^sessionId must be a session id/);
  });

  it('notes - a stored note is read back under its key\'s session; one that is not an object, or broken inside, is refused with where it is', () => {
    const store = new MemoryStore({
      [noteKey('s1')]: '[1, 2]',
      [noteKey('s2')]: JSON.stringify({ text: '', updatedAt: 1 }),
      [noteKey('s3')]: JSON.stringify({ text: 'fine', updatedAt: 4 }),
    });
    expect(text(readNote(store, 's1'))).toMatch(/the note for s1 is not an object/);
    expect(text(readNote(store, 's2'))).toMatch(/^note:s2\.text must not be empty/);
    expect(readNote(store, 's3')).toEqual({ ok: true, value: { sessionId: 's3', text: 'fine', updatedAt: 4 } });
  });

  it('notes - a note storage cannot read is an error, not "no note"', () => {
    const store = new MemoryStore({ [noteKey('s1')]: JSON.stringify({ text: 'fine', updatedAt: 4 }) });
    const read = readNote(unreadableKey(store, noteKey('s1')), 's1');
    expect(read.ok).toBe(false);
    expect(text(read)).toMatch(/disk error/);
  });

  it('notes - every note sorted by session id, other keys ignored; the problems name each unreadable note', () => {
    const store = new MemoryStore({
      [noteKey('zz')]: JSON.stringify({ text: 'last', updatedAt: 1 }),
      'plan': '{}',
      [noteKey('aa')]: JSON.stringify({ text: 'first', updatedAt: 2 }),
      [noteKey('mm')]: '7',
      'xnote:bb': JSON.stringify({ text: 'not a note key', updatedAt: 2 }),
    });
    const all = readAllNotes(store);
    expect(all.notes.map((n) => `${n.sessionId}:${n.text}`)).toEqual(['aa:first', 'zz:last']);
    expect(all.problems).toEqual(['the note for mm is not an object']);
  });

  it('notes - saving into storage of a newer Knead, or onto a full disk, is refused saying why; nothing changes', () => {
    const newer = new MemoryStore({ [STORAGE_VERSION_KEY]: '99' });
    const before = newer.snapshot();
    expect(text(saveNote(newer, 's1', 'hello', 1))).toMatch(/newer/);
    expect(newer.snapshot()).toEqual(before);
    const full = new MemoryStore();
    full.failWrites = true;
    expect(text(saveNote(full, 's1', 'hello', 1))).toMatch(/^could not save the note for s1: .*storage write failed/);
    expect(full.snapshot()).toEqual({});
  });

  it('notes - the first save also records the storage layout version, with the note', () => {
    const store = new MemoryStore();
    saveNote(store, 's1', 'hello', 1);
    expect(store.getItem(STORAGE_VERSION_KEY)).toBe('2');
    expect(JSON.parse(store.getItem(noteKey('s1')) ?? 'null')).toEqual({ text: 'hello', updatedAt: 1 });
  });

  it('notes - delete removes only that note', () => {
    const store = new MemoryStore({ [noteKey('s1')]: JSON.stringify({ text: 'a', updatedAt: 1 }), [noteKey('s2')]: JSON.stringify({ text: 'b', updatedAt: 1 }) });
    expect(deleteNote(store, 's1')).toEqual({ ok: true });
    expect(store.keys()).toEqual([noteKey('s2')]);
  });
});

describe('pain scores - rules', () => {
  it('pain scores - 0 and 10 are the ends of the scale; the time must be a whole non-negative number', () => {
    expect(validatePainScore(0, 0)).toEqual({ ok: true, value: { score: 0, updatedAt: 0 } });
    expect(validatePainScore(10, 5)).toEqual({ ok: true, value: { score: 10, updatedAt: 5 } });
    expect(text(validatePainScore('5', 5))).toBe('score must be a whole number from 0 to 10');
    for (const at of [-1, 2.5, '5', undefined]) expect(text(validatePainScore(5, at))).toBe('updatedAt must be a non-negative integer');
  });

  it('pain scores - a session that hurt at the check-in ("anything hurt?" yes) may be scored; "no" or nothing may not', () => {
    expect(hadPain(makeRecord({ status: 'completed', checkIn: [], hurt: true }))).toBe(true);
    expect(hadPain(makeRecord({ status: 'completed', checkIn: [makeCheckIn({ pain: false })], hurt: false }))).toBe(false);
    expect(hadPain(makeRecord({ status: 'completed', checkIn: [] }))).toBe(false);
  });

  it('pain scores - stored as {score, updatedAt} under pain:<id>, with the layout version on the first write', () => {
    const store = new MemoryStore();
    expect(savePainScore(store, 's1', 7, 123)).toEqual({ ok: true, value: { score: 7, updatedAt: 123 } });
    expect(JSON.parse(store.getItem(`${PAIN_PREFIX}s1`) ?? 'null')).toEqual({ score: 7, updatedAt: 123 });
    expect(store.getItem(STORAGE_VERSION_KEY)).toBe('2');
  });

  it('pain scores - a newer layout or a full disk refuses the score saying why, and the stored one stays', () => {
    const newer = new MemoryStore({ [STORAGE_VERSION_KEY]: '99', [`${PAIN_PREFIX}s1`]: JSON.stringify({ score: 3, updatedAt: 1 }) });
    expect(text(savePainScore(newer, 's1', 5, 2))).toMatch(/newer/);
    expect(readPainScores(newer).get('s1')).toBe(3);
    const full = new MemoryStore({ [`${PAIN_PREFIX}s1`]: JSON.stringify({ score: 3, updatedAt: 1 }) });
    full.failWrites = true;
    expect(text(savePainScore(full, 's1', 5, 2))).toMatch(/storage write failed/);
    expect(readPainScores(full).get('s1')).toBe(3);
  });

  it('pain scores - unreadable or out-of-range stored scores are skipped and left in place; other keys are not scores', () => {
    const store = new MemoryStore({
      [`${PAIN_PREFIX}good`]: JSON.stringify({ score: 4, updatedAt: 9 }),
      [`${PAIN_PREFIX}broken`]: '{oops',
      [`${PAIN_PREFIX}list`]: '[4, 9]',
      [`${PAIN_PREFIX}high`]: JSON.stringify({ score: 11, updatedAt: 9 }),
      'xpain:other': JSON.stringify({ score: 2, updatedAt: 9 }),
    });
    expect(readPainScoreEntries(store)).toEqual([{ sessionId: 'good', score: 4, updatedAt: 9 }]);
    expect(store.getItem(`${PAIN_PREFIX}broken`)).toBe('{oops');
  });
});
