// platform/page-link (behind platform/messaging): what ZML's BasePage did for Home and Summary, over the app's ZML messaging
// (getApp()._options.globalData.messaging). A fake messaging with ZML's subscribe/unsubscribe
// surface stands in for the app's.
import { describe, expect, it } from 'vitest';
import { linkOver, messagingOf } from '../../../platform/page-link';

type Handler = (value: unknown) => void;

/** ZML's app messaging as a page sees it: handler sets for calls and link changes, and request(). */
function fakeMessaging() {
  const calls = new Set<Handler>();
  const links = new Set<Handler>();
  const sent: unknown[] = [];
  return {
    sent,
    call: (data: unknown) => calls.forEach((h) => h(data)),
    link: (status: unknown) => links.forEach((h) => h(status)),
    request: (data: unknown, options?: unknown) => {
      sent.push({ data, options });
      return Promise.resolve({ ok: true });
    },
    onCall: (h: Handler) => calls.add(h),
    offOnCall: (h: Handler) => calls.delete(h),
    onBleChanged: (h: Handler) => links.add(h),
    offOnBleChanged: (h: Handler) => links.delete(h),
  };
}

/** What getApp() returns in a ZML app: the app's options, messaging in its globalData. */
const appWith = (messaging: unknown): unknown => ({ _options: { globalData: { messaging } } });
const openPageLink = (messaging: ReturnType<typeof fakeMessaging>, listeners: Parameters<typeof linkOver>[1]) => linkOver(messagingOf(appWith(messaging)), listeners);

describe('page link', () => {
  it("page link - requests go out through the app's messaging with their options", async () => {
    const messaging = fakeMessaging();
    const link = openPageLink(messaging, {});
    await expect(link.request({ method: 'plan.get', params: {} }, { timeout: 20000 })).resolves.toEqual({ ok: true });
    expect(messaging.sent).toEqual([{ data: { method: 'plan.get', params: {} }, options: { timeout: 20000 } }]);
  });

  it("page link - the page hears the phone's calls and link changes while shown, and not after close", () => {
    const messaging = fakeMessaging();
    const heard: unknown[] = [];
    const link = openPageLink(messaging, { onCall: (data) => heard.push(['call', data]), onBleChanged: (status) => heard.push(['link', status]) });
    messaging.call({ method: 'plan.changed' });
    messaging.link(false);
    link.close();
    link.close();
    messaging.call({ method: 'plan.changed' });
    messaging.link(true);
    expect(heard).toEqual([
      ['call', { method: 'plan.changed' }],
      ['link', false],
    ]);
  });

  it("page link - an app without ZML's messaging fails saying where it looked", () => {
    expect(() => messagingOf(appWith(null))).toThrow(/getApp\(\)\._options\.globalData\.messaging/);
    expect(() => messagingOf(undefined)).toThrow(/getApp\(\)\._options\.globalData\.messaging/);
    expect(() => messagingOf(appWith({ request: () => Promise.resolve(null) }))).toThrow(/App\(BaseApp/);
  });
});
