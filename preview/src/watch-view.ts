// Renders the simulator's @zos/ui widget tree (sim/platform/ui.ts) to DOM, generically: whatever
// page the built app shows appears here without the preview knowing about it. Elements are keyed
// by widget id and only touched when a widget changes, so a button under the pointer stays put.

import type { SimWidget } from '../../sim/platform/ui';
import { align, text_style } from '../../sim/platform/ui-constants';

export interface WatchScreenOptions {
  /** A widget with click_func or click listeners was clicked. */
  readonly onClick: (widget: SimWidget) => void;
  /**
   * A widget with a long press (BUTTON longpress_func): the pointer went down on it ('down'), slid
   * off it ('out') or lifted ('up'); the simulator times the long press on its own clock.
   */
  readonly onPress: (widget: SimWidget, what: 'down' | 'out' | 'up') => void;
  /** A SCROLL_LIST row was clicked. */
  readonly onListItem: (widget: SimWidget, index: number) => void;
  /** A SLIDE_SWITCH was flipped. */
  readonly onSwitch: (widget: SimWidget, checked: boolean) => void;
  /** URL of an image asset named by a widget's `src`. */
  readonly assetUrl: (src: string) => string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** 0xRRGGBB → '#rrggbb' (the default when the prop is not a number). */
export function cssColour(value: unknown, fallback = '#ffffff'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return `#${(value & 0xffffff).toString(16).padStart(6, '0')}`;
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function isClickable(w: SimWidget): boolean {
  return typeof w.props.click_func === 'function' || (w.listeners.get(1)?.length ?? 0) > 0 || (w.listeners.get(2)?.length ?? 0) > 0;
}

/** A BUTTON that acts on a long press (the Session page's Stop and Pain). */
export function hasLongPress(w: SimWidget): boolean {
  return typeof w.props.longpress_func === 'function';
}

/** Screen rectangle, also for widgets positioned by centre + radius (ARC_PROGRESS). */
function box(w: SimWidget): { x: number; y: number; w: number; h: number } {
  const b = w.bounds;
  const p = w.props;
  if ((b.w === 0 || b.h === 0) && p.radius !== undefined && p.center_x !== undefined) {
    const r = num(p.radius);
    let x = num(p.center_x) - r;
    let y = num(p.center_y) - r;
    for (let parent = w.parent; parent !== null; parent = parent.parent) {
      x += num(parent.props.x);
      y += num(parent.props.y);
    }
    return { x, y, w: 2 * r, h: 2 * r };
  }
  if (w.type === 'IMG' && (b.w === 0 || b.h === 0)) return { x: b.x, y: b.y, w: b.w, h: b.h };
  return b;
}

/** SVG path of a circular arc; angles in degrees, 0 = 3 o'clock, clockwise (screen coordinates). */
export function arcPath(cx: number, cy: number, r: number, startDeg: number, endDeg: number): string {
  const sweep = endDeg - startDeg;
  if (Math.abs(sweep) >= 360) {
    return `M ${cx - r} ${cy} a ${r} ${r} 0 1 1 ${2 * r} 0 a ${r} ${r} 0 1 1 ${-2 * r} 0`;
  }
  const rad = (d: number) => (d * Math.PI) / 180;
  const x1 = cx + r * Math.cos(rad(startDeg));
  const y1 = cy + r * Math.sin(rad(startDeg));
  const x2 = cx + r * Math.cos(rad(endDeg));
  const y2 = cy + r * Math.sin(rad(endDeg));
  const large = Math.abs(sweep) > 180 ? 1 : 0;
  const dir = sweep >= 0 ? 1 : 0;
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${r} ${r} 0 ${large} ${dir} ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

function signature(w: SimWidget): string {
  let props = '';
  try {
    props = JSON.stringify(w.props);
  } catch {
    props = String(Object.keys(w.props));
  }
  const b = box(w);
  return `${w.visible ? 1 : 0}|${b.x},${b.y},${b.w},${b.h}|${isClickable(w) ? 1 : 0}|${props}`;
}

export class WatchScreen {
  readonly element: HTMLElement;
  private readonly surface: HTMLElement;
  private readonly toast: HTMLElement;
  private readonly nodes = new Map<number, { el: HTMLElement; sig: string; widget: SimWidget }>();
  private height = 480;

  constructor(private readonly options: WatchScreenOptions) {
    this.element = document.createElement('div');
    this.element.className = 'watch-screen';
    this.element.dataset.testid = 'watch-screen';
    this.surface = document.createElement('div');
    this.surface.className = 'watch-surface';
    this.toast = document.createElement('div');
    this.toast.className = 'watch-toast';
    this.toast.hidden = true;
    this.element.append(this.surface, this.toast);
  }

  setSize(shape: 'round' | 'square', width: number, height: number): void {
    this.height = height;
    this.element.classList.toggle('round', shape === 'round');
    this.element.classList.toggle('square', shape === 'square');
    this.element.style.width = `${width}px`;
    this.element.style.height = `${height}px`;
    this.clear();
  }

  /** Shows the top of the page (a page opens there). */
  scrollToTop(): void {
    this.element.scrollTop = 0;
  }

  clear(): void {
    for (const { el } of this.nodes.values()) el.remove();
    this.nodes.clear();
  }

  /** Brings the DOM in line with `widgets` (live widgets in creation order). */
  render(widgets: readonly SimWidget[], toast: string | null): void {
    const seen = new Set<number>();
    let bottom = this.height;
    for (const w of widgets) {
      seen.add(w.id);
      const sig = signature(w);
      let node = this.nodes.get(w.id);
      if (node === undefined) {
        node = { el: this.create(w), sig: '', widget: w };
        this.nodes.set(w.id, node);
        this.surface.appendChild(node.el);
      }
      if (node.sig !== sig) {
        this.update(node.el, w);
        node.sig = sig;
      }
      if (w.visible) {
        const b = box(w);
        bottom = Math.max(bottom, b.y + b.h);
      }
    }
    for (const [id, node] of this.nodes) {
      if (!seen.has(id)) {
        node.el.remove();
        this.nodes.delete(id);
      }
    }
    // A page taller than the screen scrolls, like on the watch.
    this.surface.style.height = `${Math.ceil(bottom)}px`;
    this.toast.hidden = toast === null;
    this.toast.textContent = toast ?? '';
  }

  private create(w: SimWidget): HTMLElement {
    const el = document.createElement(w.type === 'BUTTON' ? 'button' : 'div');
    el.className = `w w-${w.type}`;
    el.dataset.widget = w.type;
    el.dataset.widgetId = String(w.id);
    el.addEventListener('click', (event) => {
      const node = this.nodes.get(w.id);
      if (node === undefined || !isClickable(node.widget) || hasLongPress(node.widget)) return;
      event.stopPropagation();
      this.options.onClick(node.widget);
    });
    // A control with a long press gets the finger's whole story: down, sliding off, up.
    let down = false;
    const press = (what: 'down' | 'out' | 'up') => (event: Event) => {
      const node = this.nodes.get(w.id);
      if (node === undefined || !hasLongPress(node.widget)) return;
      if (what === 'down') down = true;
      else if (!down) return;
      else down = false;
      event.stopPropagation();
      this.options.onPress(node.widget, what);
    };
    el.addEventListener('pointerdown', press('down'));
    el.addEventListener('pointerleave', press('out'));
    el.addEventListener('pointerup', press('up'));
    return el;
  }

  private update(el: HTMLElement, w: SimWidget): void {
    const p = w.props;
    const b = box(w);
    el.hidden = !w.visible;
    el.style.left = `${b.x}px`;
    el.style.top = `${b.y}px`;
    el.style.width = `${Math.max(0, b.w)}px`;
    el.style.height = `${Math.max(0, b.h)}px`;
    el.style.opacity = p.alpha === undefined ? '' : String(Math.max(0, Math.min(255, num(p.alpha, 255))) / 255);
    el.classList.toggle('clickable', isClickable(w));
    el.dataset.text = w.text;
    switch (w.type) {
      case 'TEXT':
        this.text(el, w);
        break;
      case 'BUTTON':
        this.button(el, w);
        break;
      case 'FILL_RECT':
        el.style.background = cssColour(p.color, '#000000');
        el.style.borderRadius = `${num(p.radius)}px`;
        break;
      case 'STROKE_RECT':
        el.style.border = `${num(p.line_width, 1)}px solid ${cssColour(p.color)}`;
        el.style.borderRadius = `${num(p.radius)}px`;
        break;
      case 'CIRCLE':
        el.style.background = cssColour(p.color);
        el.style.borderRadius = '50%';
        break;
      case 'ARC':
      case 'ARC_PROGRESS':
        this.arc(el, w, b);
        break;
      case 'IMG':
        this.image(el, w, b);
        break;
      case 'SCROLL_LIST':
        this.list(el, w);
        break;
      case 'SLIDE_SWITCH':
        this.slideSwitch(el, w);
        break;
      case 'LINE_PROGRESS':
        this.lineProgress(el, w);
        break;
      case 'GROUP':
      case 'VIEW_CONTAINER':
      case 'VIRTUAL_CONTAINER':
      case 'GROUP_VIEW':
        break;
      default:
        // Not drawn by the preview yet: an outline says something is there.
        el.classList.add('unknown');
        el.textContent = w.text === '' ? w.type : `${w.type}: ${w.text}`;
    }
  }

  private text(el: HTMLElement, w: SimWidget): void {
    const p = w.props;
    el.style.color = cssColour(p.color);
    el.style.fontSize = `${num(p.text_size, 24)}px`;
    const h = num(p.align_h, align.LEFT);
    const v = num(p.align_v, align.TOP);
    el.style.justifyContent = h === align.CENTER_H ? 'center' : h === align.RIGHT ? 'flex-end' : 'flex-start';
    el.style.textAlign = h === align.CENTER_H ? 'center' : h === align.RIGHT ? 'right' : 'left';
    el.style.alignItems = v === align.CENTER_V ? 'center' : v === align.BOTTOM ? 'flex-end' : 'flex-start';
    const style = num(p.text_style, text_style.ELLIPSIS);
    el.dataset.wrap = style === text_style.WRAP ? 'wrap' : style === text_style.CHAR_WRAP ? 'char' : style === text_style.NONE ? 'none' : 'ellipsis';
    let span = el.firstElementChild as HTMLElement | null;
    if (span === null) {
      span = document.createElement('span');
      el.appendChild(span);
    }
    span.textContent = w.text;
  }

  private button(el: HTMLElement, w: SimWidget): void {
    const p = w.props;
    el.style.background = typeof p.normal_src === 'string' ? `center / contain no-repeat url("${this.options.assetUrl(p.normal_src)}")` : cssColour(p.normal_color, '#333333');
    el.style.setProperty('--press', cssColour(p.press_color, cssColour(p.normal_color, '#555555')));
    el.style.color = cssColour(p.color);
    el.style.fontSize = `${num(p.text_size, 24)}px`;
    el.style.borderRadius = `${num(p.radius)}px`;
    el.textContent = w.text;
    (el as HTMLButtonElement).disabled = !w.enabled;
  }

  private arc(el: HTMLElement, w: SimWidget, b: { w: number; h: number }): void {
    const p = w.props;
    const lineWidth = num(p.line_width, 4);
    const start = num(p.start_angle);
    const end = num(p.end_angle, 360);
    const level = w.type === 'ARC_PROGRESS' ? Math.max(0, Math.min(100, num(p.level, 100))) : 100;
    const r = Math.max(0, Math.min(b.w, b.h) / 2 - lineWidth / 2);
    el.dataset.level = String(level);
    el.replaceChildren();
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', String(b.w));
    svg.setAttribute('height', String(b.h));
    if (level > 0 && end !== start) {
      const path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', arcPath(b.w / 2, b.h / 2, r, start, start + ((end - start) * level) / 100));
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', cssColour(p.color));
      path.setAttribute('stroke-width', String(lineWidth));
      path.setAttribute('stroke-linecap', p.corner_flag === 3 ? 'butt' : 'round');
      svg.appendChild(path);
    }
    el.appendChild(svg);
  }

  private image(el: HTMLElement, w: SimWidget, b: { w: number; h: number }): void {
    const p = w.props;
    el.replaceChildren();
    if (typeof p.src !== 'string' || p.src === '') return;
    const img = document.createElement('img');
    img.src = this.options.assetUrl(p.src);
    img.alt = p.src;
    img.style.left = `${num(p.pos_x)}px`;
    img.style.top = `${num(p.pos_y)}px`;
    if (b.w === 0 || b.h === 0) el.style.width = el.style.height = '';
    if (p.angle !== undefined) img.style.transform = `rotate(${num(p.angle)}deg)`;
    el.appendChild(img);
  }

  private lineProgress(el: HTMLElement, w: SimWidget): void {
    const p = w.props;
    el.style.background = cssColour(p.bg_color, '#333333');
    const fill = (el.firstElementChild as HTMLElement | null) ?? el.appendChild(document.createElement('div'));
    fill.className = 'fill';
    fill.style.background = cssColour(p.color);
    fill.style.width = `${Math.max(0, Math.min(100, num(p.progress ?? p.level)))}%`;
  }

  private slideSwitch(el: HTMLElement, w: SimWidget): void {
    const checked = w.props.checked === true;
    el.classList.toggle('on', checked);
    el.setAttribute('role', 'switch');
    el.setAttribute('aria-checked', String(checked));
    if (el.dataset.bound !== '1') {
      el.dataset.bound = '1';
      el.addEventListener('click', () => {
        const node = this.nodes.get(w.id);
        if (node !== undefined) this.options.onSwitch(node.widget, node.widget.props.checked !== true);
      });
    }
  }

  /** SCROLL_LIST: rows from data_array, laid out with the item_config chosen by data_type_config. */
  private list(el: HTMLElement, w: SimWidget): void {
    const p = w.props;
    const data = Array.isArray(p.data_array) ? (p.data_array as Array<Record<string, unknown>>) : [];
    const configs = Array.isArray(p.item_config) ? (p.item_config as Array<Record<string, unknown>>) : [];
    const typeConfig = Array.isArray(p.data_type_config) ? (p.data_type_config as Array<Record<string, unknown>>) : [];
    const space = num(p.item_space);
    el.replaceChildren();
    let y = 0;
    data.forEach((item, index) => {
      const range = typeConfig.find((t) => index >= num(t.start) && index <= num(t.end, Number.POSITIVE_INFINITY));
      const config = configs.find((c) => range === undefined || c.type_id === range.type_id) ?? configs[0] ?? {};
      const height = num(config.item_height, 80);
      const row = document.createElement('div');
      row.className = 'list-row';
      row.dataset.index = String(index);
      row.style.top = `${y}px`;
      row.style.height = `${height}px`;
      row.style.background = cssColour(config.item_bg_color, 'transparent');
      row.style.borderRadius = `${num(config.item_bg_radius)}px`;
      const views = Array.isArray(config.text_view) ? (config.text_view as Array<Record<string, unknown>>) : [];
      for (const view of views) {
        const cell = document.createElement('div');
        cell.className = 'list-text';
        Object.assign(cell.style, { left: `${num(view.x)}px`, top: `${num(view.y)}px`, width: `${num(view.w)}px`, height: `${num(view.h)}px` });
        cell.style.color = cssColour(view.color);
        cell.style.fontSize = `${num(view.text_size, 24)}px`;
        cell.textContent = str(item[str(view.key)]);
        row.appendChild(cell);
      }
      const images = Array.isArray(config.image_view) ? (config.image_view as Array<Record<string, unknown>>) : [];
      for (const view of images) {
        const src = str(item[str(view.key)]);
        if (src === '') continue;
        const img = document.createElement('img');
        img.src = this.options.assetUrl(src);
        Object.assign(img.style, { left: `${num(view.x)}px`, top: `${num(view.y)}px`, width: `${num(view.w)}px`, height: `${num(view.h)}px` });
        row.appendChild(img);
      }
      row.addEventListener('click', () => {
        const node = this.nodes.get(w.id);
        if (node !== undefined) this.options.onListItem(node.widget, index);
      });
      el.appendChild(row);
      y += height + space;
    });
  }
}
