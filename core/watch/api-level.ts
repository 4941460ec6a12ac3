// Which screen-off strategy a watch gets, from its API level ("3.6", "4.2").

export type CueHost = 'service' | 'page';

/** "4.2" → 4.2; unparsable → null. */
export function parseApiLevel(text: unknown): number | null {
  if (typeof text === 'number' && Number.isFinite(text)) return text;
  if (typeof text !== 'string') return null;
  const match = /^(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (match === null) return null;
  const major = Number(match[1]);
  const minor = match[2] === undefined ? 0 : Number(match[2]);
  return major + minor / 10;
}

/** API 4.0+ runs cues from the App Service (createSysTimer); below that the page keeps itself lit. */
export function cueHostFor(apiLevel: number): CueHost {
  return apiLevel >= 4 ? 'service' : 'page';
}

/** Scene arrays (Vibrator#start([...])) need API 3.6. */
export function supportsSceneArrays(apiLevel: number): boolean {
  return apiLevel >= 3.6 - 1e-9;
}

/** How long the 3.6 page keeps the screen lit: what is left of the session plus a margin. */
export const KEEP_LIT_MARGIN_MS = 60_000;
export const MAX_BRIGHT_MS = 2_147_483_000;

export function keepLitMs(remainingSessionMs: number): number {
  const ms = Math.ceil(Math.max(0, remainingSessionMs) + KEEP_LIT_MARGIN_MS);
  return Math.min(MAX_BRIGHT_MS, Math.max(1000, ms));
}
