// A page's onInit params, read without the platform: app.js carries this once for every page
// (docs/watch.md "Size"); platform/router.ts opens pages with them.

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
