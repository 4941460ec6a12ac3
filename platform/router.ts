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

/** Reads onInit's params (a JSON string, or an object on some firmware). */
export function readParams(raw: unknown): Readonly<Record<string, unknown>> {
  if (typeof raw === 'object' && raw !== null) return raw as Record<string, unknown>;
  if (typeof raw !== 'string' || raw === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The `routineId` a page was opened with ('' when missing). */
export function routineIdParam(raw: unknown): string {
  const id = readParams(raw)['routineId'];
  return typeof id === 'string' ? id : '';
}
