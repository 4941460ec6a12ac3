// What Home and Summary say about the phone, kept live: the Bluetooth link's own events (ZML's
// onBleChanged, from @zos/ble's connection listener) and each request's outcome move it, so the
// line changes with the event that changed the facts, never at the next launch or timed retry.
// Pure: the pages feed it events and show the message it picks.

import { ZML_DISCONNECTED, ZML_SIDE_SERVICE_NOT_RUNNING } from '../sync/retry';

export interface PhoneStatus {
  /** The link as @zos/ble last reported it. */
  readonly linkUp: boolean;
  /** Requests to the phone in flight. */
  readonly inFlight: number;
  /** What the phone last did since the link came up: nothing yet, answered, answered nonsense, or a ZML error code. */
  readonly last: 'none' | 'answered' | 'bad-reply' | number;
}

export type PhoneEvent =
  | { readonly kind: 'link'; readonly up: boolean }
  | { readonly kind: 'request' }
  | { readonly kind: 'answered' }
  | { readonly kind: 'failed'; readonly code: number | undefined }
  /** The phone answered, but not with anything the watch could use (e.g. an unreadable plan). */
  | { readonly kind: 'bad-reply' };

export function initialPhoneStatus(linkUp: boolean): PhoneStatus {
  return { linkUp, inFlight: 0, last: 'none' };
}

export function nextPhoneStatus(status: PhoneStatus, event: PhoneEvent): PhoneStatus {
  switch (event.kind) {
    case 'link':
      // A change of link starts afresh: what the phone said over the old link no longer holds.
      // Requests still out keep counting: each ends with its own answer or failure.
      return event.up === status.linkUp ? status : { linkUp: event.up, inFlight: status.inFlight, last: 'none' };
    case 'request':
      return { ...status, inFlight: status.inFlight + 1 };
    case 'answered':
      return { ...status, inFlight: Math.max(0, status.inFlight - 1), last: 'answered' };
    case 'failed': {
      const inFlight = Math.max(0, status.inFlight - 1);
      // ZML's "disconnected" is the link going down, whatever @zos/ble has said so far.
      if (event.code === ZML_DISCONNECTED) return { linkUp: false, inFlight, last: 'none' };
      return { ...status, inFlight, last: event.code === undefined ? 'bad-reply' : event.code };
    }
    case 'bad-reply':
      return { ...status, last: 'bad-reply' };
  }
}

/** The watch message id for the status line (page/i18n/*.po). `waiting`: sessions queued for the phone. */
export type PhoneMessage =
  | 'phone.checking'
  | 'phone.syncing'
  | 'phone.connected'
  | 'phone.offline'
  | 'phone.offline-waiting'
  | 'phone.app-closed'
  | 'phone.no-answer'
  | 'phone.bad-reply';

export function phoneMessage(status: PhoneStatus, waiting: number): PhoneMessage {
  if (!status.linkUp) return waiting > 0 ? 'phone.offline-waiting' : 'phone.offline';
  // Sending what waits is "Syncing…"; asking with nothing to send (the plan) is "Checking phone…".
  if (status.inFlight > 0) return waiting > 0 ? 'phone.syncing' : 'phone.checking';
  if (status.last === 'none' || status.last === 'answered') return 'phone.connected';
  if (status.last === 'bad-reply') return 'phone.bad-reply';
  // The side service is not running: the Zepp app on the phone has to be opened.
  if (status.last === ZML_SIDE_SERVICE_NOT_RUNNING) return 'phone.app-closed';
  return 'phone.no-answer';
}
