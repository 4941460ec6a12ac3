import { BaseSideService } from '@zeppos/zml/base-side';

AppSideService(
  BaseSideService({
    onRequest(request: { method: string; params: unknown }, reply: (error: unknown, data: unknown) => void) {
      if (request.method === 'phone.status') {
        reply(null, { sessions: 0 });
        return;
      }
      reply({ code: 'unknown-method', message: `unknown method ${request.method}` }, null);
    },
  }),
);
