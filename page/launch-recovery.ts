// Recovery at launch, run by the Session page (which carries the engine and the session shell
// anyway) instead of Home, so Home's bundle and startup hold none of it. Home only looks whether a
// session is stored (one key) and, once per launch, opens Session with {recover: true}; this picks
// the route (core/watch/session-shell recoverAtLaunch) and swaps to it. Home's notices about the
// recovery (a corrupt session set aside, a save that failed) reach Home through KEYS.notice.
import { t } from './text';
import { watchStore } from '../platform/storage';
import { swapTo } from '../platform/router';
import { apiLevel, clock } from '../platform/system';
import { createCueServicePort } from '../platform/cue-service';
import { createScreenPort } from '../platform/screen';
import { checkinOfferedThisLaunch } from '../platform/launch';
import { cueHostFor } from '../core/watch/api-level';
import { KEYS } from '../core/watch/keys';
import { recoverAtLaunch } from '../core/watch/session-shell';
import { readItem, writeAll } from '../core/kernel/store';

/** Routes a launch; true when the Session page itself should go on (a session is running). */
export function recoverHere(): boolean {
  const level = apiLevel();
  const route = recoverAtLaunch(
    { store: watchStore, clock, screen: createScreenPort(), service: cueHostFor(level) === 'service' ? createCueServicePort() : null },
    checkinOfferedThisLaunch(),
  );
  if (route.go === 'session') return true;
  const texts: string[] = [];
  if (route.go === 'home' && route.corrupt) texts.push(t('home.corrupt-session'));
  if ((route.go === 'home' || route.go === 'summary') && route.saveFailed) texts.push(t('home.save-failed'));
  if (texts.length > 0) {
    const earlier = readItem(watchStore, KEYS.notice).value;
    writeAll(watchStore, [[KEYS.notice, (earlier === undefined ? [] : [earlier]).concat(texts).join(' ')]]);
  }
  // A Home opened from here does not hand the launch back (the session may still be stored when its save failed).
  swapTo(route.go, route.go === 'home' ? { recovered: true } : {});
  return false;
}
