// Every kind of bad input the sync and phone modules meet, each answered with an exact, clear
// message and with storage exactly as it was before (docs/design.md §9).

import { describe, expect, it } from 'vitest';
import { importAll } from '../../../core/phone/export-import';
import { answerPush } from '../../../core/phone/sync-answers';
import { saveNote } from '../../../core/phone/notes';
import { acceptPlanOnWatch, savePlan } from '../../../core/routines/plan-store';
import { STORAGE_VERSION_KEY } from '../../../core/kernel/storage-version';
import { describeProblems } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import { OUTBOX_KEY, acknowledge, enqueue } from '../../../core/sync/outbox';
import { makePushParams, parsePlanGetReply, parsePushReply, parseRequest } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';
import { BASE_START, DAY_MS, makeRecord, rawRecord } from '../../fixtures/records';

const NOW = BASE_START + DAY_MS;
const MB = 'x'.repeat(1_000_000);
const RECORD = makeRecord();

function text<T>(result: Validated<T>): string {
  return result.ok ? 'ok' : describeProblems(result.problems);
}

/** What the side service answers for a push, as one line. */
function push(store: MemoryStore, params: unknown): string {
  const reply = answerPush(store, params, NOW);
  if ('error' in reply) return `${reply.error.code}: ${reply.error.message}`;
  const lines = reply.rejected.map((r) => `rejected ${r.id}: ${r.reason}`);
  for (const d of reply.deferred || []) lines.push(`deferred ${d.id}: ${d.reason}`);
  return lines.join(' | ');
}

function pushRecord(overrides: Record<string, unknown>): (store: MemoryStore) => string {
  return (store) => push(store, makePushParams([rawRecord({ id: 'r1', ...overrides })]));
}

/** The watch receiving a reply: parse, and only a valid reply reaches the outbox. */
function watchReply(reply: unknown): (store: MemoryStore) => string {
  return (store) => {
    const parsed = parsePushReply(reply);
    if (!parsed.ok) return describeProblems(parsed.problems);
    const ack = acknowledge(store, parsed.value.accepted, parsed.value.rejected, NOW);
    return ack.ok ? 'ok' : String(ack.error);
  };
}

function watchPlan(reply: unknown): (store: MemoryStore) => string {
  return (store) => {
    const parsed = parsePlanGetReply(reply);
    if (!parsed.ok) return describeProblems(parsed.problems);
    return describeProblems(acceptPlanOnWatch(store, parsed.value.plan).problems);
  };
}

function importText(textIn: string): (store: MemoryStore) => string {
  return (store) => {
    const result = importAll(store, textIn, NOW);
    return result.ok ? `imported: ${JSON.stringify(result.summary)}` : result.error;
  };
}

function exportDoc(overrides: Record<string, unknown>): string {
  return JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [], notes: [], plan: null, ...overrides });
}

const phoneWithData = (): MemoryStore => {
  const store = new MemoryStore();
  answerPush(store, makePushParams([RECORD]), NOW);
  savePlan(store, makePlan());
  return store;
};

const watchWithOutbox = (): MemoryStore => {
  const store = new MemoryStore();
  enqueue(store, RECORD);
  savePlanOnWatch(store);
  return store;
};

function savePlanOnWatch(store: MemoryStore): void {
  acceptPlanOnWatch(store, makePlan());
}

interface Case {
  readonly name: string;
  readonly setup: () => MemoryStore;
  readonly act: (store: MemoryStore) => string;
  readonly expected: string;
}

const CASES: readonly Case[] = [
  // sessions.push requests (side service)
  { name: 'push params are a string', setup: phoneWithData, act: (s) => push(s, 'hello'), expected: 'bad-request: params must be an object' },
  { name: 'push params are null', setup: phoneWithData, act: (s) => push(s, null), expected: 'bad-request: params must be an object' },
  { name: 'push from a newer protocol', setup: phoneWithData, act: (s) => push(s, { v: 2, records: [] }), expected: 'unsupported-version: sync protocol version 2 is newer than this app understands (1); update Knead' },
  { name: 'push records is not a list', setup: phoneWithData, act: (s) => push(s, { v: 1, records: 'all' }), expected: 'bad-request: params.records must be a list' },
  { name: 'push without version', setup: phoneWithData, act: (s) => push(s, { records: [] }), expected: 'bad-request: params.v is required' },
  { name: 'push larger than 16 KB', setup: phoneWithData, act: (s) => push(s, { v: 1, records: [MB] }), expected: 'too-large: sessions.push request is 1000022 bytes; at most 16384' },
  { name: 'push with an extra field', setup: phoneWithData, act: (s) => push(s, { v: 1, records: [], __proto__x: 1 }), expected: 'bad-request: params.__proto__x is not a known field' },
  // records inside a push
  { name: 'record is a number', setup: phoneWithData, act: (s) => push(s, makePushParams([42])), expected: 'rejected records[0]: records[0] must be a session record (an object)' },
  { name: 'record is a list', setup: phoneWithData, act: (s) => push(s, makePushParams([[RECORD]])), expected: 'rejected records[0]: records[0] must be a session record (an object)' },
  { name: 'record truncated in transit', setup: phoneWithData, act: (s) => push(s, makePushParams([{ v: 1, id: 'cut-1', routineId: 'desk-reset' }])), expected: 'rejected cut-1: records[0].routineName is required; records[0].startedAt is required; records[0].endedAt is required; records[0].tzOffsetMin is required; records[0].status is required; records[0].steps is required; records[0].checkIn is required; records[0].notes is required' },
  { name: 'record with a 10 KB routine name', setup: phoneWithData, act: pushRecord({ routineName: 'n'.repeat(10_000) }), expected: 'rejected r1: records[0].routineName must be at most 60 characters (got 10000)' },
  { name: 'record with a 10 KB extra field', setup: phoneWithData, act: pushRecord({ blob: 'b'.repeat(10_000) }), expected: 'rejected r1: records[0].blob is not a known field' },
  { name: 'imported record with a 1 MB routine name', setup: phoneWithData, act: importText(exportDoc({ records: [rawRecord({ id: 'big', routineName: MB })] })), expected: 'imported: {"added":0,"skipped":0,"rejected":[{"id":"big","reason":"records[0].routineName must be at most 60 characters (got 1000000)"}],"notesAdded":0,"notesSkipped":0,"plan":"none","prefs":"none"}' },
  { name: 'record with NaN start', setup: phoneWithData, act: pushRecord({ startedAt: Number.NaN }), expected: `rejected r1: records[0].startedAt must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}` },
  { name: 'record with start as a string', setup: phoneWithData, act: pushRecord({ startedAt: '2026-11-10' }), expected: `rejected r1: records[0].startedAt must be an integer between 0 and ${Number.MAX_SAFE_INTEGER}` },
  // Version skew is temporary: the session waits on the watch until the phone's Knead is updated.
  { name: 'record from a newer app', setup: phoneWithData, act: pushRecord({ v: 2 }), expected: 'deferred r1: records[0] record version 2 is newer than this app understands (1); update Knead' },
  { name: 'record id "__proto__" with a bad status', setup: phoneWithData, act: pushRecord({ id: '__proto__', status: 'done' }), expected: 'rejected __proto__: records[0].status must be one of: completed, stopped, pain' },
  { name: 'record with a "__proto__" key', setup: phoneWithData, act: (s) => push(s, makePushParams([JSON.parse('{"__proto__":{"admin":true},"id":"p1"}')])), expected: 'rejected p1: records[0].__proto__ is not a known field; records[0].v is required; records[0].routineId is required; records[0].routineName is required; records[0].startedAt is required; records[0].endedAt is required; records[0].tzOffsetMin is required; records[0].status is required; records[0].steps is required; records[0].checkIn is required; records[0].notes is required' },
  { name: 'record with an unknown preset note', setup: phoneWithData, act: pushRecord({ notes: ['<script>'] }), expected: 'rejected r1: records[0].notes[0] must be one of: felt-good, still-tight, more-sore-than-usual, less-sore-than-usual, slept-badly, long-desk-day, after-exercise' },
  // Named by its place, not its id: the watch only reads ids that pass the one id rule.
  { name: 'record id with spaces', setup: phoneWithData, act: pushRecord({ id: 'a b' }), expected: 'rejected records[0]: records[0].id must use only visible ASCII characters (no spaces)' },
  // phone storage that cannot be written safely
  { name: 'phone storage from a newer app', setup: () => new MemoryStore({ [STORAGE_VERSION_KEY]: '3' }), act: (s) => push(s, makePushParams([RECORD])), expected: 'storage: phone storage version 3 is newer than this app understands (2); update Knead' },
  { name: 'phone storage version unreadable', setup: () => new MemoryStore({ [STORAGE_VERSION_KEY]: 'abc' }), act: (s) => push(s, makePushParams([RECORD])), expected: "storage: phone storage version 'abc' is unreadable; nothing was changed" },
  { name: 'unknown request method', setup: phoneWithData, act: () => text(parseRequest({ method: '__proto__' })), expected: "method '__proto__' is not a known method (expected sessions.push or plan.get)" },
  // replies arriving on the watch
  { name: 'push reply truncated to a string', setup: watchWithOutbox, act: watchReply('{"accepted":["a"'), expected: 'must be a reply object' },
  { name: 'push reply with wrong types', setup: watchWithOutbox, act: watchReply({ accepted: 'all', rejected: [] }), expected: 'accepted must be a list' },
  { name: 'push reply with a 1 MB id', setup: watchWithOutbox, act: watchReply({ accepted: [MB], rejected: [] }), expected: 'ok' }, // an id no record can have names nothing: skipped
  { name: 'push reply is an error', setup: watchWithOutbox, act: watchReply({ error: { code: 'storage', message: 'disk full' } }), expected: 'phone replied with error storage: disk full' },
  { name: 'push reply naming unknown ids', setup: watchWithOutbox, act: watchReply({ accepted: ['someone-else'], rejected: [{ id: 'nobody', reason: 'x' }] }), expected: 'ok' },
  { name: 'outbox storage corrupt and disk read-only', setup: () => { const s = new MemoryStore({ [OUTBOX_KEY]: '{"v":1,"pending":[{"id":' }); s.failWrites = true; return s; }, act: (s) => { const r = enqueue(s, RECORD); return r.ok ? 'ok' : r.error; }, expected: 'outbox storage is not valid JSON; could not set it aside (could not save outbox.quarantine.1: storage write failed), so nothing was changed' },
  { name: 'outbox storage from a newer app, disk read-only', setup: () => { const s = new MemoryStore({ [OUTBOX_KEY]: '{"v":3}' }); s.failWrites = true; return s; }, act: (s) => { const r = enqueue(s, RECORD); return r.ok ? 'ok' : r.error; }, expected: 'outbox storage version 3 is newer than this app understands (2); update Knead; could not set it aside (could not save outbox.quarantine.1: storage write failed), so nothing was changed' },
  // plans
  { name: 'plan reply without plan', setup: watchWithOutbox, act: watchPlan({}), expected: 'plan is required (null when there is no plan)' },
  { name: 'plan with overlapping areas', setup: watchWithOutbox, act: watchPlan({ plan: { ...makePlan(), avoidAreas: ['neck'] } }), expected: 'plan.avoidAreas must not include neck, which is also a focus area' },
  { name: 'plan from a newer app', setup: watchWithOutbox, act: watchPlan({ plan: { ...makePlan(), v: 2 } }), expected: 'plan version 2 is newer than this app understands (1); update Knead' },
  { name: 'plan with NaN weekly target', setup: phoneWithData, act: (s) => text(savePlan(s, { ...makePlan(), weeklyTarget: Number.NaN })), expected: 'weeklyTarget must be an integer between 0 and 14' },
  { name: 'plan assigning a missing routine', setup: phoneWithData, act: (s) => text(savePlan(s, { ...makePlan(), assignedRoutineIds: ['__proto__'] })), expected: "assignedRoutineIds[0] names no built-in or custom routine ('__proto__')" },
  { name: 'plan with a "__proto__" key', setup: phoneWithData, act: (s) => text(savePlan(s, JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(makePlan()).slice(1)}`))), expected: '__proto__ is not a known field' },
  { name: 'plan custom routines not a list', setup: phoneWithData, act: (s) => text(savePlan(s, { ...makePlan(), customRoutines: {} })), expected: 'customRoutines must be a list' },
  { name: 'plan is an array', setup: phoneWithData, act: (s) => text(savePlan(s, [makePlan()])), expected: 'must be a plan (an object)' },
  // notes
  { name: 'note of 501 characters', setup: phoneWithData, act: (s) => text(saveNote(s, RECORD.id, 'n'.repeat(501), NOW)), expected: 'text must be at most 500 characters (got 501)' },
  { name: 'note of 1 MB', setup: phoneWithData, act: (s) => text(saveNote(s, RECORD.id, MB, NOW)), expected: 'text must be at most 500 characters (got 1000000)' },
  { name: 'note that is not text', setup: phoneWithData, act: (s) => text(saveNote(s, RECORD.id, { text: 'x' }, NOW)), expected: 'text must be a string' },
  // imports
  { name: 'import of invalid JSON', setup: phoneWithData, act: importText('{"format":"knead-export",'), expected: 'the file is not valid JSON; nothing was imported' },
  { name: 'import of an empty file', setup: phoneWithData, act: importText(''), expected: 'the file is not valid JSON; nothing was imported' },
  { name: 'import of some other JSON', setup: phoneWithData, act: importText('[1,2,3]'), expected: 'the file is not a Knead export; nothing was imported' },
  { name: 'import from a newer app', setup: phoneWithData, act: importText(exportDoc({ v: 2 })), expected: 'the export was made by a newer Knead (format 2; this app reads 1); update Knead to import it; nothing was imported' },
  { name: 'import with NaN-like version', setup: phoneWithData, act: importText(exportDoc({ v: '1' })), expected: 'the export has no readable version; nothing was imported' },
  { name: 'import with records not a list', setup: phoneWithData, act: importText(exportDoc({ records: { a: 1 } })), expected: 'records must be a list; nothing was imported' },
  // The check-in's fields (optional; absent = not rated) are checked like every other field.
  { name: 'record with a pain score of 11', setup: phoneWithData, act: pushRecord({ hurt: true, painScore: 11 }), expected: 'rejected r1: records[0].painScore must be an integer between 0 and 10' },
  { name: 'record with a pain score but nothing hurt', setup: phoneWithData, act: pushRecord({ hurt: false, painScore: 3 }), expected: "rejected r1: records[0].painScore is only allowed when hurt is true or status is 'pain'" },
  { name: 'record with "hurt" as text and an area not in the session', setup: phoneWithData, act: pushRecord({ hurt: 'yes', hurtArea: 'feet', feeling: 'fine' }), expected: "rejected r1: records[0].feeling must be one of: better, same, worse; records[0].hurt must be true or false; records[0].hurtArea is only allowed when hurt is true; records[0].hurtArea must be an area of this session (feet was not in it)" },
  { name: 'record with a tighter side on an area without sides', setup: phoneWithData, act: pushRecord({ checkIn: [{ area: 'neck', tighterSide: 'left' }, { area: 'forearms', tighterSide: 'up' }] }), expected: 'rejected r1: records[0].checkIn[0].tighterSide is only for areas with a left and a right side (neck has none); records[0].checkIn[1].tighterSide must be one of: left, right, same' },
  { name: 'imported record with a malformed check-in and a pain score of 12', setup: phoneWithData, act: importText(exportDoc({ records: [rawRecord({ id: 'bad-checkin', checkIn: [{ area: 'neck', tightness: 'moderate' }] })], painScores: [{ sessionId: RECORD.id, score: 12, updatedAt: NOW }] })), expected: 'imported: {"added":0,"skipped":0,"rejected":[{"id":"bad-checkin","reason":"records[0].checkIn[0].tightness must be an integer between 0 and 3"},{"id":"painScores[0]","reason":"painScores[0].score must be a whole number from 0 to 10"}],"notesAdded":0,"notesSkipped":0,"plan":"none","prefs":"none"}' },
  { name: 'import with painScores that is not a list', setup: phoneWithData, act: importText(exportDoc({ records: [RECORD], painScores: { x: 1 } })), expected: 'painScores must be a list; nothing was imported' },
  { name: 'import into storage from a newer app', setup: () => new MemoryStore({ [STORAGE_VERSION_KEY]: '3' }), act: importText(exportDoc({ records: [RECORD] })), expected: 'phone storage version 3 is newer than this app understands (2); update Knead; nothing was imported' },
  { name: 'import of only bad or known data', setup: phoneWithData, act: importText(exportDoc({ records: [RECORD, { ...RECORD, id: 'z', tzOffsetMin: 'CET' }], notes: [{ sessionId: RECORD.id, text: '' }], plan: { ...makePlan(), weeklyTarget: 99 } })), expected: 'imported: {"added":0,"skipped":1,"rejected":[{"id":"z","reason":"records[1].tzOffsetMin must be an integer between -720 and 840"},{"id":"notes[0]","reason":"notes[0].text must not be empty (delete the note instead)"}],"notesAdded":0,"notesSkipped":0,"plan":"rejected","prefs":"none","planProblem":"plan.weeklyTarget must be an integer between 0 and 14"}' },
];

describe('bad input', () => {
  for (const c of CASES) {
    it(`bad input - ${c.name}: clear message, storage unchanged`, () => {
      const store = c.setup();
      const before = store.snapshot();
      expect(c.act(store)).toBe(c.expected);
      expect(store.snapshot()).toEqual(before);
    });
  }
});
