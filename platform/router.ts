// Page navigation with JSON-string params.

import { back, push, replace } from '@zos/router';

export type PageName = 'home' | 'before' | 'session' | 'checkin' | 'summary' | 'history' | 'settings';

function url(page: PageName): string {
  return `page/${page}/index.page`;
}

export function goTo(page: PageName, params: Readonly<Record<string, unknown>> = {}): void {
  push({ url: url(page), params: JSON.stringify(params) });
}

export function swapTo(page: PageName, params: Readonly<Record<string, unknown>> = {}): void {
  replace({ url: url(page), params: JSON.stringify(params) });
}

/** Back to the page this one was opened from. */
export function goBack(): void {
  back();
}

// Reading a page's params is pure and lives in params.ts, which app.js carries once for every page.
export { readParams, routineIdParam } from './params';
