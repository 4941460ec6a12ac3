// Home names why a session was refused in plain words: each reason the phone (or the watch's own
// check) really gives is sorted into the case docs/sync.md describes.
import { describe, expect, it } from 'vitest';
import { addRecords } from '../../../core/phone/history-store';
import { answerPush } from '../../../core/phone/sync-answers';
import { enqueue, outboxStatus } from '../../../core/sync/outbox';
import { refusalTopic } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeRecord } from '../../fixtures/records';

const NOW = Date.UTC(2026, 10, 20, 9, 0);

function phoneReason(records: readonly unknown[], before: readonly unknown[] = []): string {
  const phone = new MemoryStore();
  addRecords(phone, before, NOW);
  const reply = answerPush(phone, { v: 1, records }, NOW);
  if ('error' in reply) throw new Error('unexpected error reply');
  const refusal = reply.rejected[0] ?? reply.deferred?.[0];
  if (refusal === undefined) throw new Error('nothing refused');
  return refusal.reason;
}

describe('refusal topic', () => {
  it('refusalTopic - another session under the same id on the phone is "duplicate"', () => {
    const mine = makeRecord({ startedAt: NOW - 86_400_000 });
    expect(refusalTopic(phoneReason([mine], [{ ...mine, notes: ['slept-badly'] }]))).toBe('duplicate');
  });

  it('refusalTopic - a record version the phone does not know yet is "update"', () => {
    expect(refusalTopic(phoneReason([{ ...makeRecord(), v: 2 }]))).toBe('update');
  });

  it('refusalTopic - a session older than the phone keeps is "too-old"', () => {
    const recent = makeRecord({ startedAt: NOW - 86_400_000 });
    const ancient = makeRecord({ startedAt: Date.UTC(2020, 5, 1) });
    expect(refusalTopic(phoneReason([ancient], [recent]))).toBe('too-old');
  });

  it('refusalTopic - a record the watch finds invalid (a control character in the name) is "invalid"', () => {
    const watch = new MemoryStore();
    enqueue(watch, makeRecord({ routineName: 'Evening\u0007neck' }));
    const reason = outboxStatus(watch).rejected[0]?.reason ?? '';
    expect(reason).toContain('routineName');
    expect(refusalTopic(reason)).toBe('invalid');
  });

  it('refusalTopic - a full phone month is "storage"; an older phone doubting the clock is "clock"', () => {
    expect(refusalTopic('phone storage for 2026-11 is full (at most 512 KiB a month); the session stays on the watch')).toBe('storage');
    expect(refusalTopic('startedAt is more than a day ahead of the phone: check the watch clock')).toBe('clock');
  });
});
