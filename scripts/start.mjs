// `npm start`: builds and packages Knead (dist/knead-<version>.zab plus the device JS), bundles the
// browser preview, and serves it on 127.0.0.1 (port from PORT, or a free one). The page runs the
// BUILT watch and phone bundles on the simulated Zepp OS runtime of sim/platform (docs/design.md §7).
import { build } from './build.mjs';
import { packageApp } from './package.mjs';
import { bundlePreview } from '../preview/bundle.mjs';
import { startPreviewServer } from '../preview/server.mjs';

const port = Number(process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`start failed: PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

let server;
try {
  await build();
  const { zab } = packageApp();
  await bundlePreview();
  server = await startPreviewServer({ port });
  console.log(`
Knead is packaged: ${zab}
(to install it on a watch, see README "Install on a watch")

Knead preview (watch + phone, the built bundles on the simulated Zepp OS runtime):

  ${server.url}

Press Ctrl+C to stop.`);
} catch (error) {
  console.error(`start failed: ${error.message}`);
  process.exit(1);
}

const stop = () => {
  server?.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
