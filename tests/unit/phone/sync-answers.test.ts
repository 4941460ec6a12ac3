import { describe, expect, it } from 'vitest';
import { answerPush } from '../../../core/phone/sync-answers';
import { ERROR_CODES, isTemporaryErrorReply, makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord } from '../../fixtures/records';

const NOW = BASE_START + 200 * DAY_MS;

// The error code and the refusal class are data carried by the problem, never read from its text:
// a message that merely *contains* the words of another case keeps its own code and class.
describe('phone answers - codes come from the problem, not its words', () => {
  it('sessions.push - an unknown field named like the version message is a bad request, not unsupported-version', () => {
    const reply = answerPush(new MemoryStore(), { ...makePushParams([]), 'newer than this app': 1 }, NOW);
    expect(reply).toMatchObject({ error: { code: 'bad-request' } });
  });

  it('sessions.push - a record refused for a field named "update Knead" is rejected for good, not deferred', () => {
    const record = { ...makeRecord({}), 'update Knead': true };
    const reply = answerPush(new MemoryStore(), makePushParams([record]), NOW);
    expect(reply).toMatchObject({ accepted: [], rejected: [{ id: record.id }] });
    expect(reply).not.toHaveProperty('deferred');
  });

  it('sessions.push - a record from a newer Knead waits on the watch (deferred), whatever its text', () => {
    const record = { ...makeRecord({}), v: 99 };
    const reply = answerPush(new MemoryStore(), makePushParams([record]), NOW);
    expect(reply).toMatchObject({ accepted: [], rejected: [], deferred: [{ id: record.id }] });
  });

  it('error codes - storage, internal and unsupported-version are the ones waiting fixes', () => {
    const temporary = (Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]).filter((code) => isTemporaryErrorReply({ error: { code, message: '' } }));
    expect(temporary.sort()).toEqual(['internal', 'storage', 'unsupported-version']);
    expect(isTemporaryErrorReply({ error: { code: 'made-up', message: 'phone storage' } })).toBe(false);
  });
});
