// A small static HTTP server for the browser preview, bound to 127.0.0.1 only.
//   /                      build/preview/index.html (the page; bundled by preview/bundle.mjs)
//   /preview/<file>        build/preview/<file>
//   /device-js/<group>/... dist/device-js/<group>/... (the built watch and phone bundles, as packaged)
//   /device-js/<group>/files.json   the list of files in that group, so the page can preload them
// Nothing outside those two folders is reachable; nothing is cached (a rebuild shows on reload).
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Every file under `dir`, as forward-slash paths relative to it. */
export function listFiles(dir) {
  const out = [];
  const walk = (current) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** `base` joined with the URL path `rest`, or null when it would leave `base`. */
function inside(base, rest) {
  let decoded;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(base, `.${sep}${decoded}`);
  return full === base || full.startsWith(base + sep) ? full : null;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Starts the server. `port` 0 (default) picks a free one. Resolves to { url, port, close() }.
 * `previewDir` and `deviceJsDir` default to build/preview and dist/device-js under `root`.
 */
export function startPreviewServer({
  port = 0,
  host = '127.0.0.1',
  root = ROOT,
  previewDir = join(root, 'build', 'preview'),
  deviceJsDir = join(root, 'dist', 'device-js'),
} = {}) {
  const send = (res, status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
  const notFound = (res, what) => send(res, 404, 'text/plain; charset=utf-8', `not found: ${what}\n`);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'only GET\n');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let file = null;
    if (path === '/' || path === '/index.html') {
      file = join(previewDir, 'index.html');
    } else if (path.startsWith('/preview/')) {
      file = inside(previewDir, path.slice('/preview/'.length));
    } else if (path.startsWith('/device-js/')) {
      const match = /^\/device-js\/([a-z]+-\d+x\d+)\/files\.json$/.exec(path);
      if (match) {
        const dir = inside(deviceJsDir, match[1]);
        if (dir === null || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
          notFound(res, `${path} (run npm run build && npm run package)`);
          return;
        }
        send(res, 200, TYPES['.json'], JSON.stringify({ group: match[1], files: listFiles(dir) }));
        return;
      }
      file = inside(deviceJsDir, path.slice('/device-js/'.length));
    }
    if (file === null || !isFile(file)) {
      notFound(res, path);
      return;
    }
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', req.method === 'HEAD' ? undefined : readFileSync(file));
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startPreviewServer({ port: Number(process.env.PORT ?? 0) });
  console.log(`Knead preview: ${url}`);
}
