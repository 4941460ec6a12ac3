// A watch asking plan.get in a newer protocol is told what is newer (docs/sync.md: "a newer watch
// asking in a newer protocol is told so"): the message names the sync protocol and both versions.

import { describe, expect, it } from 'vitest';
import { answerPlanGet } from '../../../core/phone/sync-answers';
import { MemoryStore } from '../../fixtures/memory-store';

describe('plan.get - newer protocol', () => {
  it('plan.get - the unsupported-version message names the sync protocol, the version asked and the one answered', () => {
    const reply = answerPlanGet(new MemoryStore(), { v: 3 });
    expect(reply).toEqual({ error: { code: 'unsupported-version', message: expect.stringMatching(/^sync protocol .*3.*1/) } });
  });
});
