import { describe, expect, it } from 'vitest';
import type { PhoneEvent, PhoneStatus } from '../../../core/watch/phone-status';
import { initialPhoneStatus, nextPhoneStatus, phoneMessage } from '../../../core/watch/phone-status';

function run(start: boolean, events: readonly PhoneEvent[]): PhoneStatus {
  return events.reduce(nextPhoneStatus, initialPhoneStatus(start));
}

describe('phone status line - live from link events and requests', () => {
  it('link drops while "Phone connected" shows: the very next event says not connected, sessions waiting or not', () => {
    const answered = run(true, [{ kind: 'request' }, { kind: 'answered' }]);
    expect(phoneMessage(answered, 0)).toBe('phone.connected');
    const dropped = nextPhoneStatus(answered, { kind: 'link', up: false });
    expect(phoneMessage(dropped, 0)).toBe('phone.offline');
    expect(phoneMessage(dropped, 2)).toBe('phone.offline-waiting');
  });

  it('a request in flight reads "Syncing…" while sessions wait to be sent, "Checking phone…" when nothing waits', () => {
    expect(phoneMessage(run(true, [{ kind: 'request' }]), 0)).toBe('phone.checking');
    expect(phoneMessage(run(true, [{ kind: 'request' }]), 1)).toBe('phone.syncing');
    expect(phoneMessage(run(true, [{ kind: 'request' }, { kind: 'answered' }, { kind: 'request' }]), 1)).toBe('phone.syncing');
  });

  it('a request sent before the link dropped still counts when the link comes back, until it ends', () => {
    const back = run(true, [{ kind: 'request' }, { kind: 'link', up: false }, { kind: 'link', up: true }]);
    expect(phoneMessage(back, 1)).toBe('phone.syncing');
    expect(phoneMessage(nextPhoneStatus(back, { kind: 'answered' }), 0)).toBe('phone.connected');
  });

  it('the link coming back forgets the old failure: connected at once, no stale "not answering"', () => {
    const failed = run(true, [{ kind: 'request' }, { kind: 'failed', code: 4 }]);
    expect(phoneMessage(failed, 0)).toBe('phone.no-answer');
    const back = run(true, [{ kind: 'request' }, { kind: 'failed', code: 4 }, { kind: 'link', up: false }, { kind: 'link', up: true }]);
    expect(phoneMessage(back, 0)).toBe('phone.connected');
  });

  it('ZML codes in plain words: 2 is not connected, 3 asks to open the Zepp app, 1 and 4 are no answer', () => {
    expect(phoneMessage(run(true, [{ kind: 'request' }, { kind: 'failed', code: 2 }]), 0)).toBe('phone.offline');
    expect(phoneMessage(run(true, [{ kind: 'request' }, { kind: 'failed', code: 3 }]), 0)).toBe('phone.app-closed');
    expect(phoneMessage(run(true, [{ kind: 'request' }, { kind: 'failed', code: 1 }]), 0)).toBe('phone.no-answer');
  });

  it('an answer the watch cannot use says so; a failure without a code is the same', () => {
    expect(phoneMessage(run(true, [{ kind: 'request' }, { kind: 'answered' }, { kind: 'bad-reply' }]), 0)).toBe('phone.bad-reply');
    expect(phoneMessage(run(true, [{ kind: 'request' }, { kind: 'failed', code: undefined }]), 0)).toBe('phone.bad-reply');
  });

  it('a link that was down at launch says so before any request', () => {
    expect(phoneMessage(initialPhoneStatus(false), 0)).toBe('phone.offline');
  });

  it('a second request still in flight keeps "Syncing…" after the first one answers', () => {
    expect(phoneMessage(run(true, [{ kind: 'request' }, { kind: 'request' }, { kind: 'answered' }]), 1)).toBe('phone.syncing');
  });
});
