import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH, deleteNote, noteKey, readAllNotes, readNote, saveNote } from '../../../core/phone/notes';
import { describeProblems } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

function text<T>(result: Validated<T>): string {
  return result.ok ? 'ok' : describeProblems(result.problems);
}

describe('notes', () => {
  it('notes - add, edit and delete a note without touching the record', () => {
    const store = new MemoryStore();
    const record = makeRecord();
    expect(saveNote(store, record.id, '  Left forearm tender  ', 1)).toEqual({ ok: true, value: { sessionId: record.id, text: 'Left forearm tender', updatedAt: 1 } });
    saveNote(store, record.id, 'Better after the ball', 2);
    expect(readNote(store, record.id)).toEqual({ ok: true, value: { sessionId: record.id, text: 'Better after the ball', updatedAt: 2 } });
    deleteNote(store, record.id);
    expect(readNote(store, record.id)).toEqual({ ok: true, value: null });
    expect(store.keys().filter((k) => k.startsWith('history:'))).toEqual([]);
  });

  it('notes - the length limit is 500 characters', () => {
    const store = new MemoryStore();
    expect(text(saveNote(store, 'id-1', 'x'.repeat(MAX_NOTE_LENGTH), 1))).toBe('ok');
    expect(text(saveNote(store, 'id-1', 'x'.repeat(MAX_NOTE_LENGTH + 1), 2))).toBe('text must be at most 500 characters (got 501)');
  });

  it('notes - empty text, control characters and odd ids are refused', () => {
    const store = new MemoryStore();
    expect(text(saveNote(store, 'id-1', '   ', 1))).toBe('text must not be empty (delete the note instead)');
    expect(text(saveNote(store, 'id-1', 'a\u0000b', 1))).toBe('text must not contain control characters');
    expect(text(saveNote(store, 'has space', 'ok', 1))).toBe('sessionId must be a session id (1-64 characters; must use only visible ASCII characters (no spaces))');
    expect(store.snapshot()).toEqual({});
  });

  it('notes - an unreadable note is reported and left in place', () => {
    const store = new MemoryStore({ [noteKey('a')]: '{oops', [noteKey('b')]: JSON.stringify({ text: 'fine', updatedAt: 3 }) });
    const all = readAllNotes(store);
    expect(all.notes).toEqual([{ sessionId: 'b', text: 'fine', updatedAt: 3 }]);
    expect(all.problems).toEqual(['the note for a is not valid JSON']);
    expect(store.getItem(noteKey('a'))).toBe('{oops');
  });
});
