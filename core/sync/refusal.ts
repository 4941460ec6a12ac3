// Why the phone did not store a session, sorted into what waiting fixes and what it does not.
//
//   temporary  phone storage full or refusing writes, a damaged phone store, a version one end
//              does not understand yet ("update Knead"), a watch clock the phone doubted (older
//              side services refused those): the watch keeps the session pending and tries again
//              by itself (RETRY_LATER_MS, and at every app open and link back).
//   permanent  the record itself is malformed, or another session already has its id: retrying
//              changes nothing, so it is kept as refused with the reason; the person can retry
//              (after an update) or discard it on the watch's History page.
//
// The phone says which by where it lists a session: `deferred` is temporary, `rejected` is
// permanent. A reason text is only classified for replies from older side services, which
// rejected some temporary cases.

export type RefusalClass = 'temporary' | 'permanent';

/** How long the watch waits before it sends deferred sessions again by itself. */
export const RETRY_LATER_MS = 10 * 60_000;

const TEMPORARY_MARKERS = ['update Knead', 'check the watch clock', 'phone storage'];

export function classifyRefusal(reason: string): RefusalClass {
  return TEMPORARY_MARKERS.some((marker) => reason.indexOf(marker) >= 0) ? 'temporary' : 'permanent';
}
