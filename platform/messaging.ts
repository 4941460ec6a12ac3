// A page's end of ZML's messaging without ZML's BasePage: the app's messaging (ZML's BaseApp keeps
// it in getApp()._options.globalData.messaging) with the page's listeners, platform/page-link.ts.

import { linkOver, messagingOf } from './page-link';
import type { PageLink, PageListeners } from './page-link';

export type { PageLink, PageListeners } from './page-link';

/** Subscribes `listeners` on the app's messaging (call it in onInit) and gives the page's requests. */
export function openPageLink(listeners: PageListeners): PageLink {
  return linkOver(messagingOf(getApp()), listeners);
}
