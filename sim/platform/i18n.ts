// @zos/i18n over the packaged .btxt files: uint32 BE count N, N uint32 BE start offsets, then the
// concatenated UTF-8 strings. TID.btxt holds the msgids, <lang>.btxt the texts in the same order.

import { utf8Decode } from './storage';

export function parseBtxt(bytes: Uint8Array): string[] {
  const u32 = (at: number): number =>
    (((bytes[at] ?? 0) << 24) >>> 0) + ((bytes[at + 1] ?? 0) << 16) + ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
  if (bytes.length < 4) throw new Error('btxt: too short');
  const count = u32(0);
  const dataStart = 4 + 4 * count;
  if (dataStart > bytes.length) throw new Error(`btxt: ${count} offsets do not fit in ${bytes.length} bytes`);
  const starts: number[] = [];
  for (let i = 0; i < count; i++) starts.push(u32(4 + 4 * i));
  // Offsets may be absolute or relative to the string area: detect by the first one.
  const base = starts[0] !== undefined && starts[0] >= dataStart ? 0 : dataStart;
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1] ?? 0) + base : bytes.length;
    let slice = bytes.subarray(start + base, end);
    if (slice.length > 0 && slice[slice.length - 1] === 0) slice = slice.subarray(0, slice.length - 1);
    return utf8Decode(slice);
  });
}

/** Zepp's numeric language codes (as @zos/settings getLanguage returns them), for the languages we ship. */
export const LANGUAGE_CODES: Readonly<Record<string, number>> = {
  'zh-CN': 0,
  'zh-TW': 1,
  'en-US': 2,
  'es-ES': 3,
  'ru-RU': 4,
  'ko-KR': 5,
  'fr-FR': 6,
  'de-DE': 7,
};

export class Translations {
  private readonly table = new Map<string, string>();

  constructor(ids: readonly string[], texts: readonly string[]) {
    ids.forEach((id, i) => {
      const text = texts[i];
      if (text !== undefined) this.table.set(id, text);
    });
  }

  static fromBtxt(tid: Uint8Array, lang: Uint8Array): Translations {
    return new Translations(parseBtxt(tid), parseBtxt(lang));
  }

  /** Like the watch: an unknown key comes back unchanged. */
  getText(key: string): string {
    return this.table.get(key) ?? key;
  }

  has(key: string): boolean {
    return this.table.has(key);
  }
}
