// @zos/ui: a widget tree the tests can read (texts, bounds, visibility) and poke (click).

import { align, event, prop, propKey, text_style, widget, widgetName, type WidgetTypeName } from './ui-constants';
import { WIDGET_PROPS } from './widget-props';

/**
 * Throws unless every key is a documented property of the widget type (@zeppos/device-types'
 * createWidget options, see widget-props.ts). A watch ignores unknown properties silently, so a
 * misplaced one (ARC with center_x) draws nothing: the simulator makes it an error instead.
 */
export function checkWidgetProps(type: WidgetTypeName, keys: readonly string[], where: string): void {
  const allowed = WIDGET_PROPS[type];
  if (allowed === undefined) throw new Error(`${where}: widget type ${type} has no documented properties in @zeppos/device-types`);
  const unknown = keys.filter((key) => allowed.indexOf(key) < 0);
  if (unknown.length > 0) throw new Error(`${where}: ${type} has no property ${unknown.join(', ')} in @zeppos/device-types (allowed: ${allowed.join(', ')})`);
}

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

type Listener = (info: { x: number; y: number }) => void;

/** BUTTON longpress_func: "Long press (700ms)" (BUTTON widget docs). */
export const LONG_PRESS_MS = 700;

interface Held {
  readonly widget: SimWidget;
  out: boolean;
  timer: number | null;
}

/** The simulator's record of one widget. */
export class SimWidget {
  readonly children: SimWidget[] = [];
  readonly listeners = new Map<number, Listener[]>();
  deleted = false;
  enabled = true;

  constructor(
    readonly id: number,
    readonly type: WidgetTypeName,
    readonly props: Record<string, unknown>,
    readonly parent: SimWidget | null,
  ) {}

  get text(): string {
    const text = this.props.text;
    return typeof text === 'string' ? text : typeof text === 'number' ? String(text) : '';
  }

  /** Own visibility and that of every ancestor. */
  get visible(): boolean {
    if (this.deleted || this.props.visible === false) return false;
    return this.parent === null ? true : this.parent.visible;
  }

  /** Screen coordinates (children of GROUP/VIEW_CONTAINER are relative to the parent). */
  get bounds(): Bounds {
    const own = localBounds(this);
    let x = own.x;
    let y = own.y;
    for (let p = this.parent; p !== null; p = p.parent) {
      const b = localBounds(p);
      x += b.x;
      y += b.y;
    }
    return { x, y, w: own.w, h: own.h };
  }
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function localBounds(w: SimWidget): Bounds {
  const p = w.props;
  if (w.type === 'CIRCLE' || w.type === 'ARC_PROGRESS') {
    const r = num(p.radius);
    return { x: num(p.center_x) - r, y: num(p.center_y) - r, w: 2 * r, h: 2 * r };
  }
  return { x: num(p.x), y: num(p.y), w: num(p.w), h: num(p.h) };
}

export interface UiRecorder {
  readonly toasts: Array<{ time: number; content: string }>;
  statusBarVisible: boolean;
}

/** The public widget object handed to app code. */
export interface WidgetHandle {
  setProperty(id: number, value: unknown): boolean;
  getProperty(id: number, extra?: unknown): unknown;
  addEventListener(type: number, listener: Listener): void;
  removeEventListener(type: number, listener: Listener): void;
  createWidget(type: number, props?: Record<string, unknown>): WidgetHandle;
  setEnable(enabled: boolean): void;
  setAlpha(alpha: number): void;
  getId(): number;
  getType(): number;
}

export class WidgetTree {
  private nextId = 1;
  private readonly roots: SimWidget[] = [];
  private readonly handles = new WeakMap<SimWidget, WidgetHandle>();
  private readonly byHandle = new WeakMap<object, SimWidget>();
  readonly recorder: UiRecorder = { toasts: [], statusBarVisible: true };

  private held: Held | null = null;

  constructor(
    private readonly now: () => number,
    /** Runs app callbacks (click_func, listeners) so their errors are reported, not thrown at the test. */
    private readonly invoke: (what: string, fn: () => void) => void,
    /** Runs `fn` after `ms` on the app's clock (the long press); returns an id for `cancel`. */
    private readonly later: (ms: number, fn: () => void) => number = () => -1,
    private readonly cancel: (id: number) => void = () => undefined,
  ) {}

  /** The @zos/ui module object. */
  module(): Record<string, unknown> {
    return {
      widget,
      prop,
      align,
      text_style,
      event,
      createWidget: (type: number, props?: Record<string, unknown>) => this.create(type, props ?? {}, null),
      deleteWidget: (handle: unknown) => {
        const w = typeof handle === 'object' && handle !== null ? this.byHandle.get(handle) : undefined;
        if (w !== undefined) this.remove(w);
      },
      showToast: (option: { content?: unknown }) => {
        this.recorder.toasts.push({ time: this.now(), content: String(option.content ?? '') });
      },
      setStatusBarVisible: (visible: boolean) => {
        this.recorder.statusBarVisible = visible;
      },
      updateStatusBarTitle: () => undefined,
      setLayerScrolling: () => undefined,
      redraw: () => undefined,
      getTextLayout: (text: string, option: { text_size?: number; text_width?: number }) => {
        // Rough metrics: average glyph 0.6 em wide, line 1.3 em high.
        const size = option.text_size ?? 24;
        const width = option.text_width ?? 480;
        const perLine = Math.max(1, Math.floor(width / (size * 0.6)));
        const lines = Math.max(1, Math.ceil(String(text).length / perLine));
        return { width: Math.min(width, String(text).length * size * 0.6), height: Math.ceil(lines * size * 1.3) };
      },
      createKeyboard: () => this.create(widget.KEYBOARD, {}, null),
      deleteKeyboard: () => undefined,
    };
  }

  /** Live widgets in creation order (deleted ones excluded). */
  list(): SimWidget[] {
    const out: SimWidget[] = [];
    const walk = (ws: readonly SimWidget[]) => {
      for (const w of ws) {
        if (w.deleted) continue;
        out.push(w);
        walk(w.children);
      }
    };
    walk(this.roots);
    return out.sort((a, b) => a.id - b.id);
  }

  /** Removes every widget (the page was destroyed). */
  clear(): void {
    // A finger still down stays down (its widget is gone, so lifting it does nothing).
    if (this.held !== null) this.cancelLongPress(this.held);
    for (const w of this.roots) this.markDeleted(w);
    this.roots.length = 0;
  }

  /** A tap: press and release in the same instant (CLICK_DOWN, CLICK_UP, then click_func). */
  click(w: SimWidget): void {
    if (!w.visible) throw new Error(`widget ${w.id} (${w.type} "${w.text}") is not visible`);
    const handled = typeof w.props.click_func === 'function' || (w.listeners.get(event.CLICK_DOWN) ?? []).length > 0 || (w.listeners.get(event.CLICK_UP) ?? []).length > 0;
    if (!handled) throw new Error(`widget ${w.id} (${w.type} "${w.text}") has no click handler`);
    this.press(w);
    this.release();
  }

  /**
   * A finger goes down on `w` and stays: CLICK_DOWN listeners now; a BUTTON's longpress_func fires
   * LONG_PRESS_MS later if the finger is still on it (the docs: "Long press (700ms)").
   */
  press(w: SimWidget): void {
    if (!w.visible) throw new Error(`widget ${w.id} (${w.type} "${w.text}") is not visible`);
    if (this.held !== null) throw new Error(`a finger is already on widget ${this.held.widget.id}: release it first`);
    const held: Held = { widget: w, out: false, timer: null };
    this.held = held;
    this.fire(w, event.CLICK_DOWN);
    const longPress = w.props.longpress_func;
    if (typeof longPress === 'function') {
      held.timer = this.later(LONG_PRESS_MS, () => {
        held.timer = null;
        if (this.held !== held || held.out || w.deleted) return;
        this.invoke(`longpress_func of ${w.type} "${w.text}"`, () => (longPress as (h: unknown) => void)(this.handles.get(w)));
      });
    }
  }

  /** The held finger slides off its widget: MOVE_OUT listeners; neither click nor long press follows. */
  moveOut(): void {
    const held = this.held;
    if (held === null) throw new Error('no finger is down');
    held.out = true;
    this.cancelLongPress(held);
    if (!held.widget.deleted) this.fire(held.widget, event.MOVE_OUT);
  }

  /**
   * The finger lifts: CLICK_UP listeners, then click_func unless it slid off. The docs do not say
   * whether click_func also follows a long press; the stricter reading is that it does, so an app
   * must not rely on it being skipped.
   */
  release(): void {
    const held = this.held;
    if (held === null) throw new Error('no finger is down');
    this.held = null;
    this.cancelLongPress(held);
    const w = held.widget;
    if (w.deleted) return;
    this.fire(w, event.CLICK_UP);
    const clickFunc = w.props.click_func;
    if (!held.out && typeof clickFunc === 'function') {
      this.invoke(`click_func of ${w.type} "${w.text}"`, () => (clickFunc as (h: unknown) => void)(this.handles.get(w)));
    }
  }

  /** The widget a finger is on (press without release yet), if any. */
  get pressed(): SimWidget | null {
    return this.held === null ? null : this.held.widget;
  }

  private cancelLongPress(held: Held): void {
    if (held.timer !== null) this.cancel(held.timer);
    held.timer = null;
  }

  private fire(w: SimWidget, type: number): void {
    const b = w.bounds;
    const at = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
    for (const listener of [...(w.listeners.get(type) ?? [])]) {
      this.invoke(`event listener of ${w.type} "${w.text}"`, () => listener(at));
    }
  }

  private create(type: number, props: Record<string, unknown>, parent: SimWidget | null): WidgetHandle {
    const name = widgetName(type);
    if (name === null) throw new Error(`createWidget: unknown widget type ${String(type)}`);
    checkWidgetProps(name, Object.keys(props), 'createWidget');
    const w = new SimWidget(this.nextId++, name, { ...props }, parent);
    if (parent === null) this.roots.push(w);
    else parent.children.push(w);
    const handle: WidgetHandle = {
      setProperty: (id, value) => this.setProperty(w, id, value),
      getProperty: (id) => {
        const key = propKey(id);
        if (key === '*') return { ...w.props };
        return key === null ? undefined : key === 'visible' ? w.props.visible !== false : w.props[key];
      },
      addEventListener: (t, listener) => {
        const list = w.listeners.get(t) ?? [];
        list.push(listener);
        w.listeners.set(t, list);
      },
      removeEventListener: (t, listener) => {
        const list = w.listeners.get(t) ?? [];
        w.listeners.set(t, list.filter((l) => l !== listener));
      },
      createWidget: (t, p) => this.create(t, p ?? {}, w),
      setEnable: (enabled) => {
        w.enabled = enabled;
      },
      setAlpha: (alpha) => {
        w.props.alpha = alpha;
      },
      getId: () => w.id,
      getType: () => type,
    };
    this.handles.set(w, handle);
    this.byHandle.set(handle, w);
    return handle;
  }

  private setProperty(w: SimWidget, id: number, value: unknown): boolean {
    if (w.deleted) return false;
    const key = propKey(id);
    if (key === null) return false;
    if (key === '*') {
      if (typeof value === 'object' && value !== null) {
        checkWidgetProps(w.type, Object.keys(value), 'setProperty(prop.MORE)');
        Object.assign(w.props, value);
      }
      return true;
    }
    // prop.VISIBLE is documented for every widget (the getter/setter table of each widget page).
    if (key !== 'visible') checkWidgetProps(w.type, [key], 'setProperty');
    w.props[key] = value;
    return true;
  }

  private remove(w: SimWidget): void {
    this.markDeleted(w);
    const siblings = w.parent === null ? this.roots : w.parent.children;
    const index = siblings.indexOf(w);
    if (index >= 0) siblings.splice(index, 1);
  }

  private markDeleted(w: SimWidget): void {
    w.deleted = true;
    for (const child of w.children) this.markDeleted(child);
  }
}
