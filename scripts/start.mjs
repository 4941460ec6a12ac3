// `npm start`: builds and packages Knead, then says where the package is and how to put it on
// a watch. (The browser preview of DESIGN.md §7 will replace this once it exists.)
import { build } from './build.mjs';
import { packageApp } from './package.mjs';

try {
  await build();
  const { zab } = packageApp();
  console.log(`
Knead is packaged: ${zab}

To install it on an Amazfit watch (API 3.6 or newer; see README "Install on a watch"):
  - with the Zepp OS developer tools: npx zeus preview (from build/zos, logged in), or
  - side-load the .zab through the Zepp app's developer mode.

The browser preview (watch + phone in one page) is not built yet; until then the
integration tests (npm test) run these same bundles in a simulated Zepp OS runtime.`);
} catch (error) {
  console.error(`start failed: ${error.message}`);
  process.exit(1);
}
