// The watch's sessions.push requests fit one ZML frame (docs/sync.md: a half-received multi-frame
// request stalls later launches). ZML sends `{"jsonrpc":"hmrpcv1","method":…,"params":…}` as UTF-8
// in chunks of 3,518 payload bytes; the check below builds that envelope itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enqueue, nextBatch } from '../../../core/sync/outbox';
import { WATCH_PUSH_BYTES, makePushParams } from '../../../core/sync/protocol';
import { MemoryStore } from '../../fixtures/memory-store';
import { makeCheckIn, makeRecord, makeStep } from '../../fixtures/records';

const ZML_CHUNK_PAYLOAD = 3518;

function zmlBytes(method: string, params: unknown): number {
  return Buffer.byteLength(JSON.stringify({ jsonrpc: 'hmrpcv1', method, params }), 'utf8');
}

describe('watch push size', () => {
  it('nextBatch at WATCH_PUSH_BYTES - every request of several records, as ZML sends it, is one frame', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ steps: fc.integer({ min: 1, max: 14 }), checkIns: fc.integer({ min: 0, max: 4 }), name: fc.stringMatching(/^[A-Za-zÄÖÜäöüß颈部放松 ]{0,40}$/) }), { minLength: 1, maxLength: 60 }), (specs) => {
        const store = new MemoryStore();
        specs.forEach((spec, i) => {
          const r = makeRecord({ startedAt: Date.UTC(2026, 10, 1) + i * 3_600_000, steps: Array.from({ length: spec.steps }, () => makeStep()), checkIn: Array.from({ length: spec.checkIns }, () => makeCheckIn()), ...(spec.name.trim() === '' ? {} : { routineName: spec.name }) });
          enqueue(store, r);
        });
        const skip = new Set<string>();
        for (;;) {
          const batch = nextBatch(store, WATCH_PUSH_BYTES, skip);
          if (batch.ids.length === 0) break;
          if (batch.ids.length > 1) expect(zmlBytes('sessions.push', makePushParams(batch.records))).toBeLessThanOrEqual(ZML_CHUNK_PAYLOAD);
          for (const id of batch.ids) skip.add(id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('WATCH_PUSH_BYTES - the largest params it allows plus ZML\'s envelope is exactly one frame', () => {
    expect(zmlBytes('sessions.push', null) - 'null'.length + WATCH_PUSH_BYTES).toBe(ZML_CHUNK_PAYLOAD);
  });
});
