// The side service: answers the watch's requests from settingsStorage, tells the watch when
// the plan or the cue preferences change, and is the one writer of history (the Settings App's
// import and delete arrive as request:<id> keys). All decisions are in core/ (via requests.ts and plan-notice.ts).

import { BaseSideService } from '@zeppos/zml/base-side';
import { answerRequest } from './requests';
import { withoutNetwork } from './no-network';
import { planChangedCall } from './plan-notice';
import { settingsKeyValueStore } from '../core/kernel/store';
import { historyRequestId } from './history-requests';
import { applyHistoryRequest, applyPendingRequests } from '../core/phone/history-requests';

const store = settingsKeyValueStore(settings.settingsStorage);

AppSideService(
  withoutNetwork(BaseSideService({
    onInit() {
      // It only hears settings changes while it runs: requests the Settings App left meanwhile wait
      // in storage and are applied now, oldest first (the one writer of history, core/phone/history-requests).
      applyPendingRequests(store, Date.now());
    },
    onRequest(request: unknown, reply: (error: unknown, data: unknown) => void) {
      reply(null, answerRequest(store, request, Date.now()));
    },
    onSettingsChange(change: unknown) {
      const id = historyRequestId(change);
      if (id !== null) {
        applyHistoryRequest(store, id, Date.now());
        return;
      }
      const call = planChangedCall(change, Date.now());
      if (call === null) return;
      // Fire-and-forget by design: a watch that misses it fetches the plan at its next start.
      const sent: unknown = this.call(call);
      if (sent !== null && typeof sent === 'object' && typeof (sent as Promise<unknown>).then === 'function') {
        const log = (this as unknown as { log?: (...args: unknown[]) => void }).log;
        (sent as Promise<unknown>).then(undefined, (error: unknown) => {
          if (log !== undefined) log(`plan.changed not delivered: ${String(error)}`);
        });
      }
    },
  })),
);
