// JSON helpers that behave the same on the watch (QuickJS-like, no TextEncoder guaranteed), in the
// side service and in Node, so byte limits agree on both ends of the link.

import type { Validated } from './result';
import { invalid, valid } from './result';

/** UTF-8 size of a string, counted by hand because TextEncoder is not available everywhere. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonByteLength(value: unknown): number {
  return utf8ByteLength(JSON.stringify(value));
}

/** Parses JSON without throwing; the message names what was being read so errors are actionable. */
export function parseJson(text: string, what: string): Validated<unknown> {
  try {
    return valid(JSON.parse(text) as unknown);
  } catch {
    // The engine's own parse message differs between QuickJS and V8; keep ours the same everywhere.
    return invalid([{ path: '', message: `${what} is not valid JSON` }]);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** Keeps hostile input (1 MB names, huge keys) out of error messages and logs. */
export function shorten(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
