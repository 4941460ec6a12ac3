// Draws Knead's app icon (three wave strokes over a round badge, suggesting kneading hands)
// from an SVG kept here, so the PNGs in assets/ can be regenerated: node scripts/make-icon.mjs
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const sharp = require('sharp'); // arrives with @zeppos/zeus-cli, which resizes icons with it
const root = fileURLToPath(new URL('..', import.meta.url));

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="248" height="248" viewBox="0 0 248 248">
  <circle cx="124" cy="124" r="120" fill="#173d33"/>
  <circle cx="124" cy="124" r="104" fill="#3fd0a6"/>
  <g fill="none" stroke="#0c2a22" stroke-width="14" stroke-linecap="round">
    <path d="M56 92 q17 -22 34 0 t34 0 t34 0 t34 0"/>
    <path d="M56 128 q17 -22 34 0 t34 0 t34 0 t34 0"/>
    <path d="M56 164 q17 -22 34 0 t34 0 t34 0 t34 0"/>
  </g>
</svg>`;

for (const shape of ['common.r', 'common.s']) {
  await sharp(Buffer.from(svg)).png().toFile(join(root, 'assets', shape, 'icon.png'));
}
console.log('icons written');
