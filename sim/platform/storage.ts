// @zos/storage and a minimal @zos/fs. The stored data lives outside the app's JS context, in a
// DeviceDisk the simulation keeps, so it survives killing and relaunching the app.

export class DeviceDisk {
  /** localStorage content: key → value (JSON-compatible, deep-copied on every write). */
  readonly kv = new Map<string, unknown>();
  /** @zos/fs files under the app's /data: path → bytes. */
  readonly files = new Map<string, Uint8Array>();
  writes = 0;
  /** Set to make every write throw, like a full disk. */
  failWrites = false;

  constructor(seed: Readonly<Record<string, unknown>> = {}) {
    for (const [key, value] of Object.entries(seed)) this.kv.set(key, value);
  }

  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.kv) out[key] = copy(value);
    return out;
  }
}

function copy(value: unknown): unknown {
  if (value === undefined || typeof value !== 'object' || value === null) return value;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function storageModule(disk: DeviceDisk): Record<string, unknown> {
  const api = {
    setItem(key: string, value: unknown): void {
      if (disk.failWrites) throw new Error('localStorage write failed (disk full)');
      disk.writes += 1;
      disk.kv.set(String(key), copy(value));
    },
    getItem(key: string, defaultValue?: unknown): unknown {
      const k = String(key);
      return disk.kv.has(k) ? copy(disk.kv.get(k)) : defaultValue;
    },
    removeItem(key: string): void {
      disk.kv.delete(String(key));
    },
    clear(): void {
      disk.kv.clear();
    },
    get length(): number {
      return disk.kv.size;
    },
    key(index: number): string | null {
      return [...disk.kv.keys()][index] ?? null;
    },
  };
  class LocalStorage {
    setItem(key: string, value: unknown): void {
      api.setItem(key, value);
    }
    getItem(key: string, defaultValue?: unknown): unknown {
      return api.getItem(key, defaultValue);
    }
    removeItem(key: string): void {
      api.removeItem(key);
    }
    clear(): void {
      api.clear();
    }
  }
  return { localStorage: api, LocalStorage };
}

const encoder = {
  utf8(text: string): Uint8Array {
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0) ?? 0;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return Uint8Array.from(out);
  },
};

export function utf8Encode(text: string): Uint8Array {
  return encoder.utf8(text);
}

/** UTF-8 decoding without TextDecoder (QuickJS has none). */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    let c: number;
    if (b < 0x80) {
      c = b;
      i += 1;
    } else if (b < 0xe0) {
      c = ((b & 31) << 6) | ((bytes[i + 1] ?? 0) & 63);
      i += 2;
    } else if (b < 0xf0) {
      c = ((b & 15) << 12) | (((bytes[i + 1] ?? 0) & 63) << 6) | ((bytes[i + 2] ?? 0) & 63);
      i += 3;
    } else {
      c = ((b & 7) << 18) | (((bytes[i + 1] ?? 0) & 63) << 12) | (((bytes[i + 2] ?? 0) & 63) << 6) | ((bytes[i + 3] ?? 0) & 63);
      i += 4;
    }
    out += String.fromCodePoint(c);
  }
  return out;
}

/** Minimal @zos/fs (API 3 sync functions) over the disk's file map. */
export function fsModule(disk: DeviceDisk): Record<string, unknown> {
  const norm = (path: unknown): string => String(path).replace(/^\/?(data\/)?/, '');
  return {
    writeFileSync(option: { path: string; data: string | ArrayBuffer | Uint8Array; options?: { encoding?: string } }): void {
      if (disk.failWrites) throw new Error('fs write failed (disk full)');
      disk.writes += 1;
      const data = option.data;
      const bytes = typeof data === 'string' ? utf8Encode(data) : data instanceof Uint8Array ? data.slice() : new Uint8Array(data.slice(0));
      disk.files.set(norm(option.path), bytes);
    },
    readFileSync(option: { path: string; options?: { encoding?: string } }): string | ArrayBuffer | undefined {
      const bytes = disk.files.get(norm(option.path));
      if (bytes === undefined) return undefined;
      return option.options?.encoding === 'utf8' ? utf8Decode(bytes) : bytes.slice().buffer;
    },
    rmSync(option: { path: string } | string): number {
      const path = typeof option === 'string' ? option : option.path;
      return disk.files.delete(norm(path)) ? 0 : -1;
    },
    statSync(option: { path: string } | string): { size: number; mtimeMs: number } | undefined {
      const path = typeof option === 'string' ? option : option.path;
      const bytes = disk.files.get(norm(path));
      return bytes === undefined ? undefined : { size: bytes.byteLength, mtimeMs: 0 };
    },
    readdirSync(): string[] {
      return [...disk.files.keys()];
    },
  };
}
