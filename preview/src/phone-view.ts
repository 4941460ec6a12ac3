// Renders the Settings App node tree (View, Section, Text, Button, TextInput, Toggle, Select,
// Slider, Toast, Link, Image, TextImageRow) to interactive DOM, generically: every section the
// built setting.js returns shows up without the preview knowing about it.

import type { SettingsNode } from '../../sim/platform/settings-ui';

export interface PhoneViewOptions {
  /** Runs an app callback (onClick / onChange) inside the simulation, then re-renders. */
  readonly call: (what: string, fn: () => void) => void;
}

/** CSS properties that take a length: a bare number means px. */
const UNITLESS = new Set(['opacity', 'flex', 'flexGrow', 'flexShrink', 'fontWeight', 'zIndex', 'lineHeight', 'order']);

function applyStyle(el: HTMLElement, style: unknown): void {
  if (typeof style !== 'object' || style === null) return;
  for (const [key, value] of Object.entries(style as Record<string, unknown>)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const css = typeof value === 'number' && !UNITLESS.has(key) ? `${value}px` : String(value);
    try {
      (el.style as unknown as Record<string, string>)[key] = css;
    } catch {
      // An unknown style name is ignored, like the Zepp app does.
      continue;
    }
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function textOf(node: SettingsNode): string {
  return node.children.filter((c): c is string => typeof c === 'string').join('');
}

interface SelectOption {
  readonly name: string;
  readonly value: unknown;
}

function options(value: unknown): SelectOption[] {
  if (!Array.isArray(value)) return [];
  return value.map((o: unknown) =>
    typeof o === 'object' && o !== null ? { name: str((o as { name?: unknown }).name ?? (o as { value?: unknown }).value), value: (o as { value?: unknown }).value } : { name: str(o), value: o },
  );
}

export class PhoneView {
  readonly element: HTMLElement;
  private tree: SettingsNode | null = null;
  private note: string | null = null;
  private drawn = false;

  constructor(private readonly opts: PhoneViewOptions) {
    this.element = document.createElement('div');
    this.element.className = 'phone-screen';
    this.element.dataset.testid = 'phone-screen';
  }

  /** Re-renders when the tree object changed (the Settings App re-ran build). */
  render(tree: SettingsNode | null, note: string | null): void {
    if (this.drawn && tree === this.tree && (tree !== null || note === this.note)) return;
    this.drawn = true;
    this.tree = tree;
    this.note = note;
    const focused = document.activeElement instanceof HTMLElement && this.element.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    this.element.replaceChildren();
    if (tree === null) {
      const empty = document.createElement('p');
      empty.className = 'phone-empty';
      empty.textContent = note ?? 'The Settings App is not open.';
      this.element.appendChild(empty);
      return;
    }
    this.element.appendChild(this.node(tree, '0'));
    if (focused !== undefined) {
      const again = this.element.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`);
      again?.focus();
    }
  }

  private children(node: SettingsNode, key: string, into: HTMLElement): void {
    node.children.forEach((child, i) => {
      if (typeof child === 'string') into.appendChild(document.createTextNode(child));
      else into.appendChild(this.node(child, `${key}.${i}`));
    });
  }

  private node(node: SettingsNode, key: string): HTMLElement {
    const a = node.attrs;
    let el: HTMLElement;
    switch (node.type) {
      case 'Section': {
        el = document.createElement('section');
        el.className = 'ps-section';
        if (str(a.title) !== '') {
          const h = document.createElement('h2');
          h.textContent = str(a.title);
          el.appendChild(h);
        }
        if (str(a.description) !== '') {
          const d = document.createElement('p');
          d.className = 'ps-description';
          d.textContent = str(a.description);
          el.appendChild(d);
        }
        this.children(node, key, el);
        break;
      }
      case 'Text': {
        el = document.createElement(a.paragraph === true ? 'p' : 'span');
        el.className = 'ps-text';
        if (a.bold === true) el.style.fontWeight = '600';
        if (typeof a.align === 'string') el.style.textAlign = a.align;
        this.children(node, key, el);
        break;
      }
      case 'Button': {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `ps-button ${str(a.color) === '' ? 'default' : str(a.color)}`;
        button.textContent = str(a.label) || textOf(node);
        button.disabled = a.disabled === true;
        button.dataset.key = `${key}:button`;
        button.addEventListener('click', () => {
          const fn = a.onClick;
          if (typeof fn === 'function') this.opts.call(`Button "${button.textContent ?? ''}" onClick`, () => (fn as () => void)());
        });
        el = button;
        break;
      }
      case 'TextInput':
        el = this.textInput(node, key);
        break;
      case 'Toggle': {
        el = this.labelled(node, 'ps-toggle');
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.role = 'switch';
        input.checked = a.value === true;
        input.disabled = a.disabled === true;
        input.dataset.key = `${key}:toggle`;
        input.addEventListener('change', () => this.change(node, input.checked));
        el.appendChild(input);
        break;
      }
      case 'Select': {
        el = this.labelled(node, 'ps-select');
        const select = document.createElement('select');
        select.dataset.key = `${key}:select`;
        select.multiple = a.multiple === true;
        select.disabled = a.disabled === true;
        const list = options(a.options);
        list.forEach((o, i) => {
          const option = document.createElement('option');
          option.value = String(i);
          option.textContent = o.name;
          option.selected = Array.isArray(a.value) ? (a.value as unknown[]).includes(o.value) : o.value === a.value;
          select.appendChild(option);
        });
        select.addEventListener('change', () => {
          const chosen = [...select.selectedOptions].map((o) => list[Number(o.value)]?.value);
          this.change(node, select.multiple ? chosen : chosen[0]);
        });
        el.appendChild(select);
        break;
      }
      case 'Slider': {
        el = this.labelled(node, 'ps-slider');
        const input = document.createElement('input');
        input.type = 'range';
        input.min = str(a.min ?? 0);
        input.max = str(a.max ?? 100);
        input.step = str(a.step ?? 1);
        input.value = str(a.value ?? 0);
        input.dataset.key = `${key}:slider`;
        input.addEventListener('change', () => this.change(node, Number(input.value)));
        el.appendChild(input);
        break;
      }
      case 'Toast': {
        el = document.createElement('div');
        el.className = 'ps-toast';
        el.setAttribute('role', 'status');
        el.textContent = str(a.message) || textOf(node);
        el.hidden = a.visible === false;
        break;
      }
      case 'Link': {
        el = document.createElement('a');
        el.className = 'ps-link';
        (el as HTMLAnchorElement).href = '#';
        el.addEventListener('click', (e) => e.preventDefault());
        this.children(node, key, el);
        break;
      }
      case 'Image': {
        const img = document.createElement('img');
        img.className = 'ps-image';
        img.src = str(a.src);
        img.alt = str(a.alt);
        el = img;
        break;
      }
      case 'TextImageRow': {
        el = document.createElement('div');
        el.className = 'ps-row';
        if (str(a.icon) !== '') {
          const img = document.createElement('img');
          img.src = str(a.icon);
          el.appendChild(img);
        }
        const span = document.createElement('span');
        span.textContent = str(a.label) || textOf(node);
        el.appendChild(span);
        break;
      }
      case 'View':
        el = document.createElement('div');
        el.className = 'ps-view';
        this.children(node, key, el);
        break;
      default:
        el = document.createElement('div');
        el.className = 'ps-unknown';
        el.dataset.component = node.type;
        this.children(node, key, el);
    }
    el.dataset.component = node.type;
    applyStyle(el, a.style);
    return el;
  }

  private labelled(node: SettingsNode, className: string): HTMLElement {
    const el = document.createElement('label');
    el.className = `ps-field ${className}`;
    const label = document.createElement('span');
    label.className = 'ps-label';
    label.textContent = str(node.attrs.label) || str(node.attrs.title);
    el.appendChild(label);
    return el;
  }

  /** TextInput: edits locally and reports on Enter / leaving the field (the Zepp app's "save"). */
  private textInput(node: SettingsNode, key: string): HTMLElement {
    const a = node.attrs;
    const el = this.labelled(node, 'ps-input');
    const multiline = a.multiline === true || typeof a.rows === 'number';
    const input = multiline ? document.createElement('textarea') : document.createElement('input');
    input.value = str(a.value);
    input.placeholder = str(a.placeholder);
    input.disabled = a.disabled === true;
    if (typeof a.maxLength === 'number') input.maxLength = a.maxLength;
    input.dataset.key = `${key}:input`;
    let reported = input.value;
    const report = () => {
      if (input.value === reported) return;
      reported = input.value;
      this.change(node, input.value);
    };
    input.addEventListener('change', report);
    input.addEventListener('keydown', (event) => {
      if (event instanceof KeyboardEvent && event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        report();
      }
    });
    el.appendChild(input);
    return el;
  }

  private change(node: SettingsNode, value: unknown): void {
    const fn = node.attrs.onChange;
    if (typeof fn !== 'function') return;
    this.opts.call(`${node.type} "${str(node.attrs.label)}" onChange`, () => (fn as (v: unknown) => void)(value));
  }
}
