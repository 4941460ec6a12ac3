// The Bluetooth link between watch and phone. It carries ZML's frames byte for byte and can be cut,
// healed, delayed, and made to drop / duplicate / reorder frames (seeded PRNG or a per-frame hook).

import type { FakeClock } from './clock';
import { mulberry32 } from './prng';

export type LinkSide = 'watch' | 'phone';

export interface LinkFrame {
  readonly from: LinkSide;
  /** 0-based count of frames sent in this direction. */
  readonly index: number;
  /** The frame as sent: 16-byte BLE header + payload. Do not mutate. */
  readonly bytes: Uint8Array;
  /** Header type field: 1 handshake, 2 close, 4 data. */
  readonly type: number;
}

/** What to do with one frame: deliver, drop, deliver twice, or deliver after extra ms. */
export type LinkVerdict = 'deliver' | 'drop' | 'duplicate' | { readonly delayMs: number };

export interface LinkOptions {
  /** Start connected. Default true. */
  readonly connected?: boolean;
  /** One-way latency in fake ms. Default 5. */
  readonly delayMs?: number;
  /** Extra random latency 0..jitterMs. Default 0. */
  readonly jitterMs?: number;
  /** Probability (0-1) that a frame is lost. Default 0. */
  readonly drop?: number;
  /** Probability that a frame arrives twice. Default 0. */
  readonly duplicate?: number;
  /** Probability that a frame is held back `reorderHoldMs` so later frames overtake it. Default 0. */
  readonly reorder?: number;
  /** How long a reordered frame is held. Default 50. */
  readonly reorderHoldMs?: number;
  /** PRNG seed for the fault probabilities. Default 1. */
  readonly seed?: number;
  /** Decides per frame; when it returns a verdict, the probabilities are not consulted. */
  readonly hook?: (frame: LinkFrame) => LinkVerdict | undefined;
}

export interface DirectionStats {
  frames: number;
  bytes: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  reordered: number;
}

export interface LinkStats {
  readonly watchToPhone: DirectionStats;
  readonly phoneToWatch: DirectionStats;
}

type Receiver = (bytes: Uint8Array) => void;

function emptyStats(): DirectionStats {
  return { frames: 0, bytes: 0, delivered: 0, dropped: 0, duplicated: 0, reordered: 0 };
}

export class FakeLink {
  private options: LinkOptions;
  private random: () => number;
  private connectedNow: boolean;
  /** Bumped by cut(): frames in flight from an older epoch are lost. */
  private epoch = 0;
  private readonly receivers: Record<LinkSide, Receiver | null> = { watch: null, phone: null };
  private readonly statusListeners = new Set<(connected: boolean) => void>();
  readonly stats: LinkStats = { watchToPhone: emptyStats(), phoneToWatch: emptyStats() };
  /** Every frame offered to the link, for tests that want to read the protocol. */
  readonly trace: LinkFrame[] = [];
  traceEnabled = false;

  constructor(
    private readonly clock: FakeClock,
    options: LinkOptions = {},
    private readonly invoke: (what: string, fn: () => void) => void = (_w, fn) => fn(),
  ) {
    this.options = options;
    this.random = mulberry32(options.seed ?? 1);
    this.connectedNow = options.connected ?? true;
  }

  get connected(): boolean {
    return this.connectedNow;
  }

  /** Changes fault settings (merged with the current ones). A new seed restarts the PRNG. */
  configure(options: LinkOptions): void {
    this.options = { ...this.options, ...options };
    if (options.seed !== undefined) this.random = mulberry32(options.seed);
  }

  /** Turns every fault off (keeps delay). */
  clearFaults(): void {
    const { delayMs, seed } = this.options;
    this.options = { ...(delayMs === undefined ? {} : { delayMs }), ...(seed === undefined ? {} : { seed }) };
  }

  cut(): void {
    if (!this.connectedNow) return;
    this.connectedNow = false;
    this.epoch += 1;
    this.notify(false);
  }

  heal(): void {
    if (this.connectedNow) return;
    this.connectedNow = true;
    this.notify(true);
  }

  onStatus(listener: (connected: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The receiving end for frames arriving at `side` (one per side; null detaches). */
  attach(side: LinkSide, receiver: Receiver | null): void {
    this.receivers[side] = receiver;
  }

  /** Offers a frame; false when the link is down (nothing is sent). */
  send(from: LinkSide, frame: Uint8Array): boolean {
    if (!this.connectedNow) return false;
    const stats = from === 'watch' ? this.stats.watchToPhone : this.stats.phoneToWatch;
    const bytes = frame.slice();
    const info: LinkFrame = { from, index: stats.frames, bytes, type: bytes.length >= 4 ? (bytes[2] ?? 0) | ((bytes[3] ?? 0) << 8) : -1 };
    stats.frames += 1;
    stats.bytes += bytes.byteLength;
    if (this.traceEnabled) this.trace.push(info);

    const verdict = this.options.hook?.(info) ?? this.randomVerdict();
    const base = (this.options.delayMs ?? 5) + (this.options.jitterMs ?? 0) * this.random();
    if (verdict === 'drop') {
      stats.dropped += 1;
      return true;
    }
    if (verdict === 'duplicate') {
      stats.duplicated += 1;
      this.schedule(from, bytes, base);
      this.schedule(from, bytes.slice(), base + 1);
      return true;
    }
    if (typeof verdict === 'object') {
      stats.reordered += 1;
      this.schedule(from, bytes, base + Math.max(0, verdict.delayMs));
      return true;
    }
    this.schedule(from, bytes, base);
    return true;
  }

  private randomVerdict(): LinkVerdict {
    const { drop = 0, duplicate = 0, reorder = 0, reorderHoldMs = 50 } = this.options;
    if (drop > 0 && this.random() < drop) return 'drop';
    if (duplicate > 0 && this.random() < duplicate) return 'duplicate';
    if (reorder > 0 && this.random() < reorder) return { delayMs: reorderHoldMs };
    return 'deliver';
  }

  private schedule(from: LinkSide, bytes: Uint8Array, delay: number): void {
    const epoch = this.epoch;
    const to: LinkSide = from === 'watch' ? 'phone' : 'watch';
    const stats = from === 'watch' ? this.stats.watchToPhone : this.stats.phoneToWatch;
    this.clock.schedule('link', 'link', delay, () => {
      if (epoch !== this.epoch || !this.connectedNow) {
        stats.dropped += 1;
        return;
      }
      const receiver = this.receivers[to];
      if (receiver === null) {
        stats.dropped += 1;
        return;
      }
      stats.delivered += 1;
      this.invoke(`link delivery to ${to}`, () => receiver(bytes));
    });
  }

  private notify(connected: boolean): void {
    for (const listener of [...this.statusListeners]) this.invoke('ble status listener', () => listener(connected));
  }
}

export const BLE_HEADER_SIZE = 16;

export interface BleHeader {
  readonly flag: number;
  readonly version: number;
  readonly type: number;
  readonly port1: number;
  readonly port2: number;
  readonly appId: number;
  readonly extra: number;
}

export function readHeader(bytes: Uint8Array): BleHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    flag: view.getUint8(0),
    version: view.getUint8(1),
    type: view.getUint16(2, true),
    port1: view.getUint16(4, true),
    port2: view.getUint16(6, true),
    appId: view.getUint32(8, true),
    extra: view.getUint32(12, true),
  };
}

export function buildFrame(header: BleHeader, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(BLE_HEADER_SIZE + payload.byteLength);
  const view = new DataView(out.buffer);
  view.setUint8(0, header.flag);
  view.setUint8(1, header.version);
  view.setUint16(2, header.type, true);
  view.setUint16(4, header.port1, true);
  view.setUint16(6, header.port2, true);
  view.setUint32(8, header.appId, true);
  view.setUint32(12, header.extra, true);
  out.set(payload, BLE_HEADER_SIZE);
  return out;
}
