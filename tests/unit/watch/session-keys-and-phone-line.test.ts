// Physical keys in a session (docs/watch.md "Physical keys": only four-key watches; SELECT pauses or
// resumes, DOWN skips, other keys stay the system's) and two phone-line details (docs/watch.md
// "The phone line": a repeated link report changes nothing; an answer never counts below zero).
import { describe, expect, it } from 'vitest';
import { pressForKey, sessionKeysOn } from '../../../core/watch/session-keys';
import { initialPhoneStatus, nextPhoneStatus, phoneMessage } from '../../../core/watch/phone-status';
import type { PhoneEvent } from '../../../core/watch/phone-status';

describe('session keys', () => {
  it('keys - taken only on watches with four keys', () => {
    expect([1, 2, 3, 4, 5].map(sessionKeysOn)).toEqual([false, false, false, true, true]);
  });

  it('keys - SELECT pauses, or resumes when paused; DOWN skips; any other key is left alone', () => {
    expect([pressForKey('select', false), pressForKey('select', true)]).toEqual(['pause', 'resume']);
    expect([pressForKey('down', false), pressForKey('down', true)]).toEqual(['skip', 'skip']);
    expect([pressForKey('other', false), pressForKey('other', true)]).toEqual([null, null]);
  });
});

describe('phone line - details', () => {
  const run = (events: readonly PhoneEvent[]) => events.reduce(nextPhoneStatus, initialPhoneStatus(true));

  it('phone line - "open the Zepp app" stays when the link is reported up again without having dropped', () => {
    const closed = run([{ kind: 'request' }, { kind: 'failed', code: 3 }, { kind: 'link', up: true }]);
    expect(phoneMessage(closed, 0)).toBe('phone.app-closed');
  });

  it('phone line - an answer with no request out does not hide the next request: it reads "Checking phone…"', () => {
    const next = run([{ kind: 'answered' }, { kind: 'request' }]);
    expect(phoneMessage(next, 0)).toBe('phone.checking');
  });
});
