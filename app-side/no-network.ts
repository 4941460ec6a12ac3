// ZML's BaseSideService mixes in a plugin that answers a request with `method: "http.request"`
// itself, by calling fetch() with whatever URL and body the frame carries, before Knead's
// onRequest sees it. Knead never needs the network, so every request goes to Knead's own handler
// (which answers unknown methods with an error) and the plugin's network helpers refuse.
// The plugin's methods are assigned over the options object (Object.assign after ours), so the
// override has to happen on the object BaseSideService returns, not in the options.

type Reply = (error: unknown, data: unknown) => void;

interface SideServiceObject {
  _onRequest?: (request: unknown, reply: Reply) => unknown;
  __onRequest?: (request: unknown, reply: Reply) => unknown;
  httpRequestHandler?: (request: unknown, reply: Reply) => unknown;
  fetch?: (params: unknown) => Promise<unknown>;
  download?: (...args: unknown[]) => unknown;
}

const REFUSED = 'Knead makes no network requests';

export function withoutNetwork<T extends object>(service: T): T {
  const s = service as T & SideServiceObject;
  s.__onRequest = function route(this: SideServiceObject, request: unknown, reply: Reply) {
    const handler = this._onRequest;
    return handler === undefined ? reply(null, { error: { code: 'unknown-method', message: REFUSED } }) : handler(request, reply);
  };
  s.httpRequestHandler = (_request: unknown, reply: Reply) => reply(null, { error: { code: 'unknown-method', message: REFUSED } });
  s.fetch = () => Promise.reject(new Error(REFUSED));
  s.download = () => {
    throw new Error(REFUSED);
  };
  return service;
}
