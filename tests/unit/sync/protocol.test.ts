import { describe, expect, it } from 'vitest';
import { describeProblems } from '../../../core/kernel/result';
import type { Validated } from '../../../core/kernel/result';
import {
  MAX_PUSH_BYTES,
  SINGLE_RECORD_FITS,
  errorReply,
  makePushParams,
  parsePlanChangedCall,
  parsePlanGetReply,
  parsePushParams,
  parsePushReply,
  parseRequest,
} from '../../../core/sync/protocol';
import { makeRecord } from '../../fixtures/records';

const PREFS = { intensity: 'strong', leadInSeconds: 10, halfwayTick: true, screen: 'allow-off' };

function text<T>(result: Validated<T>): string {
  return result.ok ? 'ok' : describeProblems(result.problems);
}

describe('protocol', () => {
  it('protocol - every valid record fits in one request', () => {
    expect(SINGLE_RECORD_FITS).toBe(true);
  });

  it('protocol - a sessions.push request round-trips through JSON', () => {
    const params = makePushParams([makeRecord()]);
    const parsed = parseRequest(JSON.parse(JSON.stringify({ method: 'sessions.push', params })));
    expect(parsed).toEqual({ ok: true, value: { method: 'sessions.push', params } });
  });

  it('protocol - plan.get needs no params', () => {
    expect(parseRequest({ method: 'plan.get' })).toEqual({ ok: true, value: { method: 'plan.get' } });
  });

  it('protocol - an unknown method is named in the error', () => {
    expect(text(parseRequest({ method: 'sessions.delete' }))).toBe("method 'sessions.delete' is not a known method (expected sessions.push or plan.get)");
    expect(text(parseRequest('hello'))).toBe('must be a request object');
  });

  it('protocol - push params are checked for version, list and size', () => {
    expect(text(parsePushParams({ v: 2, records: [] }))).toBe('sync protocol version 2 is newer than this app understands (1); update Knead');
    expect(text(parsePushParams({ v: 1, records: {} }))).toBe('params.records must be a list');
    expect(text(parsePushParams({ v: 1, records: Array.from({ length: 51 }, () => 0) }))).toBe('params.records must have at most 50 entries (got 51)');
    expect(text(parsePushParams({ v: 1, records: ['x'.repeat(MAX_PUSH_BYTES)] }))).toBe(`sessions.push request is ${MAX_PUSH_BYTES + 22} bytes; at most ${MAX_PUSH_BYTES}`);
  });

  it('protocol - a push reply is parsed, with deferred ids when present', () => {
    expect(parsePushReply({ accepted: ['a'], rejected: [{ id: 'b', reason: 'bad' }] })).toEqual({
      ok: true,
      value: { accepted: ['a'], rejected: [{ id: 'b', reason: 'bad' }] },
    });
    expect(parsePushReply({ accepted: [], rejected: [], deferred: [{ id: 'c', reason: 'full' }] })).toEqual({
      ok: true,
      value: { accepted: [], rejected: [], deferred: [{ id: 'c', reason: 'full' }] },
    });
  });

  it('protocol - a malformed push reply is refused with paths', () => {
    expect(text(parsePushReply({ accepted: [1], rejected: [{ id: 'b' }] }))).toBe('rejected[0].reason is required');
    expect(text(parsePushReply({ accepted: 'all', rejected: [] }))).toBe('accepted must be a list');
    expect(text(parsePushReply(null))).toBe('must be a reply object');
  });

  it("protocol - an error reply reads as the phone's error", () => {
    expect(text(parsePushReply(errorReply('storage', 'phone storage version 2 is newer than this app understands (1); update Knead')))).toBe(
      'phone replied with error storage: phone storage version 2 is newer than this app understands (1); update Knead',
    );
  });

  it('protocol - long reasons are clipped so replies stay small', () => {
    const parsed = parsePushReply({ accepted: [], rejected: [{ id: 'a', reason: 'r'.repeat(5000) }] });
    expect(parsed.ok && parsed.value.rejected[0]?.reason.length).toBe(300);
  });

  it('protocol - plan.get reply must say plan, null when none', () => {
    expect(parsePlanGetReply({ plan: null })).toEqual({ ok: true, value: { plan: null, prefs: null, prefsProblems: [] } });
    expect(text(parsePlanGetReply({}))).toBe('plan is required (null when there is no plan)');
  });

  it('protocol - plan.get reply from an older side service ({plan} only) is still valid, with no prefs', () => {
    const plan = { v: 1, focusAreas: [] };
    expect(parsePlanGetReply({ plan })).toEqual({ ok: true, value: { plan, prefs: null, prefsProblems: [] } });
  });

  it('protocol - plan.get reply carries the phone prefs, stamped; null means none stored', () => {
    const prefs = { settings: PREFS, updatedAt: 1_700_000_000_000 };
    expect(parsePlanGetReply(JSON.parse(JSON.stringify({ plan: null, prefs })))).toEqual({ ok: true, value: { plan: null, prefs, prefsProblems: [] } });
    expect(parsePlanGetReply({ plan: null, prefs: null })).toEqual({ ok: true, value: { plan: null, prefs: null, prefsProblems: [] } });
  });

  it('protocol - malformed prefs are refused with a clear message; the reply (and its plan) stays usable', () => {
    const plan = { v: 1 };
    const cases: Array<[unknown, string]> = [
      ['strong', 'prefs must be an object with settings and updatedAt'],
      [PREFS, 'prefs.intensity is not a known field; prefs.leadInSeconds is not a known field; prefs.halfwayTick is not a known field; prefs.screen is not a known field; prefs.settings is required; prefs.updatedAt is required'],
      [{ settings: { ...PREFS, leadInSeconds: 60 }, updatedAt: 5 }, 'prefs.settings.leadInSeconds must be an integer between 0 and 15'],
      [{ settings: PREFS, updatedAt: -5 }, 'prefs.updatedAt must be a non-negative integer (UTC ms)'],
    ];
    for (const [prefs, message] of cases) {
      const parsed = parsePlanGetReply({ plan, prefs });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.plan).toBe(plan);
      expect(parsed.value.prefs).toBeNull();
      expect(describeProblems(parsed.value.prefsProblems)).toBe(message);
    }
    // Fields other than plan and prefs are still refused as a whole.
    expect(text(parsePlanGetReply({ plan, settings: PREFS }))).toBe('settings is not a known field');
  });

  it('protocol - the plan.changed call carries the update time', () => {
    expect(parsePlanChangedCall({ method: 'plan.changed', params: { updatedAt: 5 } })).toEqual({ ok: true, value: { updatedAt: 5 } });
    expect(text(parsePlanChangedCall({ method: 'plan.changed', params: { updatedAt: -1 } }))).toBe('params.updatedAt must be a non-negative integer');
  });
});
