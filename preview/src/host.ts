// The browser host for sim/platform: each simulated JS context (watch app, app service, side
// service, Settings App) is a same-origin iframe, the browser's equivalent of a Node `vm` context.
// Build files are fetched once from the preview server and then served synchronously.

import type { BuildFiles, Realm, ScriptHost } from '../../sim/platform/index';

/** Evaluates classic scripts in the iframe's global scope (an indirect eval of that realm). */
function iframeRealm(container: HTMLElement, kind: string): Realm {
  const frame = document.createElement('iframe');
  frame.title = `zepp-${kind}`;
  frame.dataset.realm = kind;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  container.appendChild(frame);
  const win = frame.contentWindow as (Window & { eval(code: string): unknown }) | null;
  if (win === null) throw new Error('could not create an iframe realm');
  return {
    global: win as unknown as Record<string, unknown>,
    run: (code, filename) => win.eval(`${code}\n//# sourceURL=knead-sim/${filename}`),
    dispose: () => frame.remove(),
  };
}

/** Resolves after the current macrotask, so every realm's pending promise jobs have run. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Same-origin iframes share one event loop with the page: one macrotask drains them all. */
export function iframeHost(container: HTMLElement): ScriptHost {
  return {
    createRealm: (kind) => iframeRealm(container, kind),
    flush: macrotask,
  };
}

const decoder = new TextDecoder('utf-8');

/** Preloads every file of one dist/device-js/<group> folder (a few hundred kB) for synchronous reads. */
export async function fetchBuildFiles(group: string, base = '/device-js/'): Promise<BuildFiles & { readonly list: readonly string[] }> {
  const index = await fetch(`${base}${group}/files.json`);
  if (!index.ok) throw new Error(`the build for ${group} is missing (${index.status}): run npm run build && npm run package`);
  const { files } = (await index.json()) as { files: string[] };
  const entries = await Promise.all(
    files.map(async (path) => {
      const response = await fetch(`${base}${group}/${path}`);
      if (!response.ok) throw new Error(`could not load ${group}/${path} (${response.status})`);
      return [path, new Uint8Array(await response.arrayBuffer())] as const;
    }),
  );
  const map = new Map<string, Uint8Array>(entries);
  return {
    list: files,
    text: (path) => {
      const bytes = map.get(path);
      return bytes === undefined ? null : decoder.decode(bytes);
    },
    bytes: (path) => map.get(path)?.slice() ?? null,
  };
}
