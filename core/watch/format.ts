// Small text formatting for the watch pages; no i18n here (callers pass translated words).

/** "4:30" for 270 000 ms; rounds up so a step never shows 0:00 while time remains. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil((Number.isFinite(ms) ? ms : 0) / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${seconds < 10 ? '0' : ''}${seconds}`;
}

/** Ms left in the whole session from a view: the current segment plus every later step. */
export function remainingSessionMs(view: { readonly remainingMs: number; readonly inLeadIn: boolean; readonly stepIndex: number }, stepSeconds: readonly number[]): number {
  let ms = view.remainingMs;
  stepSeconds.forEach((seconds, index) => {
    if (index > view.stepIndex || (view.inLeadIn && index === view.stepIndex)) ms += seconds * 1000;
  });
  return ms;
}
