// What each end does with a message it cannot use (docs/sync.md "Protocol"): a clear error naming
// the field, never an exception, and sizes checked at the documented limits (16 KB per push,
// 64 KB per plan.get reply, reasons cut to MAX_REASON_LENGTH).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Validated } from '../../../core/kernel/result';
import { describeProblems } from '../../../core/kernel/result';
import { MAX_RECORD_BYTES } from '../../../core/records/record-validation';
import {
  MAX_PLAN_REPLY_BYTES,
  MAX_PUSH_BYTES,
  MAX_REASON_LENGTH,
  classifyLegacyRefusal,
  describeErrorReply,
  errorCodeOf,
  errorReply,
  isErrorReply,
  isTemporaryErrorReply,
  parsePlanChangedCall,
  parsePlanGetReply,
  parsePushParams,
  parsePushReply,
  parseRequest,
  refusalClass,
  refusalTopic,
} from '../../../core/sync/protocol';

function text<T>(result: Validated<T>): string {
  return result.ok ? 'ok' : describeProblems(result.problems);
}

/** A value JSON cannot hold (a peer could never have sent it): it refers to itself. */
function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = { v: 1, records: [] };
  value['self'] = value;
  return value;
}

/** `{"v":1,"records":["…"]}` with the string sized so the whole JSON is exactly `bytes` long. */
function pushOfBytes(bytes: number): { v: number; records: string[] } {
  return { v: 1, records: ['x'.repeat(bytes - '{"v":1,"records":[""]}'.length)] };
}

describe('protocol - bad input', () => {
  it('protocol - a sessions.push request of exactly 16 KB is accepted, one byte more is too large', () => {
    expect(JSON.stringify(pushOfBytes(MAX_PUSH_BYTES)).length).toBe(MAX_PUSH_BYTES);
    expect(parsePushParams(pushOfBytes(MAX_PUSH_BYTES)).ok).toBe(true);
    const over = parsePushParams(pushOfBytes(MAX_PUSH_BYTES + 1));
    expect(text(over)).toBe(`sessions.push request is ${MAX_PUSH_BYTES + 1} bytes; at most ${MAX_PUSH_BYTES}`);
    expect(!over.ok && over.problems[0]?.kind).toBe('too-large');
  });

  it('protocol - a record of the largest size a valid record may have fits in a request on its own', () => {
    expect(parsePushParams({ v: 1, records: ['r'.repeat(MAX_RECORD_BYTES)] }).ok).toBe(true);
  });

  it('protocol - push params that are not JSON (a cycle) are refused as not measurable, never thrown', () => {
    expect(text(parsePushParams(cyclic()))).toBe(`sessions.push request cannot be measured; at most ${MAX_PUSH_BYTES}`);
  });

  it('protocol - a bad sessions.push request names the field under params', () => {
    expect(text(parseRequest({ method: 'sessions.push', params: { v: 1, records: 'all' } }))).toBe('params.records must be a list');
    expect(text(parseRequest({ method: 'sessions.push', params: { v: 1, records: [], extra: 1 } }))).toBe('params.extra is not a known field');
  });

  it('protocol - a request without a method says the method is missing', () => {
    expect(text(parseRequest({ params: {} }))).toBe('method missing is not a known method (expected sessions.push or plan.get)');
  });

  it('protocol - an absurdly long method name is cut in the error, not echoed whole', () => {
    const name = `x${'y'.repeat(10_000)}`;
    const message = text(parseRequest({ method: name }));
    expect(message).toContain("'xyyy");
    expect(message).toContain('is not a known method');
    expect(message.length).toBeLessThan(200);
  });

  it('protocol - a push reply must list rejected ids (an empty list when none)', () => {
    expect(text(parsePushReply({ accepted: ['a'] }))).toBe('rejected is required');
    expect(text(parsePushReply({ accepted: ['a'], rejected: 'none' }))).toBe('rejected must be a list');
    expect(text(parsePushReply({ accepted: [], rejected: [], deferred: 'later' }))).toBe('deferred must be a list');
  });

  it('protocol - a push reply with a field the protocol does not have is refused naming it', () => {
    expect(text(parsePushReply({ accepted: [], rejected: [], stored: 3 }))).toBe('stored is not a known field');
  });

  it('protocol - a reason of exactly 300 characters is kept whole; a longer one is cut to 300 ending in an ellipsis', () => {
    const exact = 'r'.repeat(MAX_REASON_LENGTH);
    const kept = parsePushReply({ accepted: [], rejected: [{ id: 'a', reason: exact }] });
    expect(kept.ok && kept.value.rejected[0]?.reason).toBe(exact);
    const cut = parsePushReply({ accepted: [], rejected: [], deferred: [{ id: 'a', reason: `${exact}tail` }] });
    expect(cut.ok && cut.value.deferred?.[0]?.reason).toBe(`${'r'.repeat(MAX_REASON_LENGTH - 1)}…`);
  });

  it('protocol - an error reply message longer than 300 characters is cut; one of 300 is sent whole', () => {
    const exact = 'm'.repeat(MAX_REASON_LENGTH);
    expect(errorReply('internal', exact)).toEqual({ error: { code: 'internal', message: exact } });
    expect(errorReply('internal', `${exact}!`)).toEqual({ error: { code: 'internal', message: `${'m'.repeat(MAX_REASON_LENGTH - 1)}…` } });
  });

  it('protocol - an error reply the watch cannot read is described plainly, never thrown', () => {
    expect(describeErrorReply({ error: 'boom' })).toBe('phone replied with an unreadable error');
    expect(describeErrorReply({ error: null })).toBe('phone replied with an unreadable error');
    expect(describeErrorReply({ error: {} })).toBe('phone replied with error unknown: no message');
    expect(describeErrorReply({ error: { code: { nested: true }, message: 7 } })).toBe('phone replied with error unknown: no message');
    expect(describeErrorReply({ error: { code: 503, message: 'busy' } })).toBe('phone replied with error 503: busy');
    const long = describeErrorReply({ error: { code: 'c'.repeat(5_000), message: 'm'.repeat(5_000) } });
    expect(long).toBe(`phone replied with error ${'c'.repeat(40)}: ${'m'.repeat(MAX_REASON_LENGTH - 1)}…`);
  });

  it('protocol - anything that is not an object with an error is not an error reply, and reading it never throws', () => {
    for (const reply of [null, undefined, 'error', 42, { accepted: [] }]) {
      expect(isErrorReply(reply)).toBe(false);
      expect(errorCodeOf(reply)).toBeUndefined();
      expect(isTemporaryErrorReply(reply)).toBe(false);
    }
    for (const reply of [{ error: null }, { error: undefined }, { error: 'storage' }, { error: { code: 'disk-on-fire' } }]) {
      expect(isErrorReply(reply)).toBe(true);
      expect(errorCodeOf(reply)).toBeUndefined();
      expect(isTemporaryErrorReply(reply)).toBe(false);
    }
    expect(isTemporaryErrorReply({ error: { code: 'storage', message: 'full' } })).toBe(true);
    expect(isTemporaryErrorReply({ error: { code: 'bad-request', message: 'no' } })).toBe(false);
  });

  it('protocol - one record of a newer version among other problems makes the refusal temporary', () => {
    const problems = [
      { path: 'records[0].painScore', message: 'must be an integer between 0 and 10' },
      { path: '', message: 'record version 2 is newer than this app understands (1); update Knead', kind: 'newer-version' as const },
    ];
    expect(refusalClass(problems)).toBe('temporary');
    expect(refusalClass(problems.slice(0, 1))).toBe('permanent');
  });

  it('protocol - a refusal reason sorts by its words wherever they stand in the text', () => {
    const cases: Array<[string, string]> = [
      ['is already stored', 'duplicate'],
      ['update Knead', 'update'],
      ['months of history the phone keeps', 'too-old'],
      ['phone storage', 'storage'],
      ['check the watch clock', 'clock'],
    ];
    const filler = fc.constantFrom('', 'record r1 ', 'the session: ', 'x');
    fc.assert(
      fc.property(fc.constantFrom(...cases), filler, filler, ([words, topic], before, after) => {
        expect(refusalTopic(`${before}${words}${after}`)).toBe(topic);
      }),
    );
    expect(refusalTopic('painScore must be an integer between 0 and 10')).toBe('invalid');
  });

  it('protocol - an older phone\'s temporary refusal is recognised wherever its words stand', () => {
    for (const words of ['update Knead', 'check the watch clock', 'phone storage']) {
      expect(classifyLegacyRefusal(words)).toBe('temporary');
      expect(classifyLegacyRefusal(`${words} later`)).toBe('temporary');
      expect(classifyLegacyRefusal(`please ${words}`)).toBe('temporary');
    }
    expect(classifyLegacyRefusal('another session already has this id')).toBe('permanent');
  });

  it('protocol - a plan.get reply of exactly 64 KB is read; one byte more is refused with its size', () => {
    const reply = (bytes: number): { plan: string } => ({ plan: 'p'.repeat(bytes - '{"plan":""}'.length) });
    expect(JSON.stringify(reply(MAX_PLAN_REPLY_BYTES)).length).toBe(MAX_PLAN_REPLY_BYTES);
    expect(parsePlanGetReply(reply(MAX_PLAN_REPLY_BYTES)).ok).toBe(true);
    expect(text(parsePlanGetReply(reply(MAX_PLAN_REPLY_BYTES + 1)))).toBe(`plan.get reply is ${MAX_PLAN_REPLY_BYTES + 1} bytes; at most ${MAX_PLAN_REPLY_BYTES}`);
    const loop: Record<string, unknown> = { plan: null };
    loop['prefs'] = loop;
    expect(text(parsePlanGetReply(loop))).toBe(`plan.get reply is not measurable; at most ${MAX_PLAN_REPLY_BYTES}`);
  });

  it('protocol - a plan.get reply that is not an object, or is an error, says so', () => {
    expect(text(parsePlanGetReply('plan'))).toBe('must be a reply object');
    expect(text(parsePlanGetReply({ error: { code: 'storage', message: 'phone storage is damaged' } }))).toBe('phone replied with error storage: phone storage is damaged');
  });

  it('protocol - a call other than plan.changed, or without usable params, is refused naming the field', () => {
    expect(text(parsePlanChangedCall('plan.changed'))).toBe('must be a call object');
    expect(text(parsePlanChangedCall({ method: 'plan.deleted', params: { updatedAt: 5 } }))).toBe('method must be plan.changed');
    expect(text(parsePlanChangedCall({ method: 'plan.changed' }))).toBe('params must be an object');
    expect(text(parsePlanChangedCall({ method: 'plan.changed', params: { updatedAt: 1.5 } }))).toBe('params.updatedAt must be a non-negative integer');
    expect(text(parsePlanChangedCall({ method: 'plan.changed', params: { updatedAt: '5' } }))).toBe('params.updatedAt must be a non-negative integer');
  });

  it('protocol - plan.changed at time 0 (prefs stored before stamps) is a valid call', () => {
    expect(parsePlanChangedCall({ method: 'plan.changed', params: { updatedAt: 0 } })).toEqual({ ok: true, value: { updatedAt: 0 } });
  });
});
