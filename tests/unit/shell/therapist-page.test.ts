// therapist/index.html is generated (npm run therapist) from therapist/src and core's plan code,
// and committed so a therapist can open it from disk. It must never drift from its sources.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTherapistPage, THERAPIST_PAGE } from '../../../scripts/therapist.mjs';

describe('therapist page', () => {
  it('therapist page - the committed page is exactly what its sources build (run npm run therapist)', async () => {
    expect(readFileSync(THERAPIST_PAGE, 'utf8') === (await renderTherapistPage())).toBe(true);
  });

  it('therapist page - loads nothing from anywhere: no src, href or fetch to another file or host', () => {
    const html = readFileSync(THERAPIST_PAGE, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket/);
    expect(html).toContain("default-src 'none'");
  });
});
