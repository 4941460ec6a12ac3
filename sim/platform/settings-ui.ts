// The Settings App component functions (View, Text, Button…) as plain node builders, plus the test
// helpers to find nodes, click buttons, change inputs and render to text.

export interface SettingsNode {
  readonly type: string;
  readonly attrs: Record<string, unknown>;
  readonly children: readonly (SettingsNode | string)[];
}

const COMPONENTS = ['View', 'Section', 'Text', 'Button', 'TextInput', 'Toggle', 'Select', 'Slider', 'Toast', 'Link', 'Image', 'TextImageRow'] as const;
export type ComponentName = (typeof COMPONENTS)[number];

function normaliseChildren(children: unknown): Array<SettingsNode | string> {
  const list = Array.isArray(children) ? (children as unknown[]).flat(Infinity) : [children];
  const out: Array<SettingsNode | string> = [];
  for (const child of list) {
    if (child === null || child === undefined || child === false || child === true) continue;
    if (typeof child === 'string' || typeof child === 'number') out.push(String(child));
    else if (typeof child === 'object' && 'type' in child) out.push(child as SettingsNode);
  }
  return out;
}

/** Globals View(), Text()… for a Settings App realm. */
export function componentGlobals(): Record<ComponentName, (attrs?: Record<string, unknown>, children?: unknown) => SettingsNode> {
  const out = {} as Record<ComponentName, (attrs?: Record<string, unknown>, children?: unknown) => SettingsNode>;
  for (const name of COMPONENTS) {
    out[name] = (attrs = {}, children = []) => ({ type: name, attrs: { ...attrs }, children: normaliseChildren(children) });
  }
  return out;
}

export function walk(node: SettingsNode | string, visit: (n: SettingsNode) => void): void {
  if (typeof node === 'string') return;
  visit(node);
  for (const child of node.children) walk(child, visit);
}

/** The words a user sees on a node (label, title, own text children). */
export function nodeText(node: SettingsNode): string {
  const a = node.attrs;
  const parts: string[] = [];
  for (const key of ['title', 'label', 'placeholder', 'message', 'description']) {
    const v = a[key];
    if (typeof v === 'string' && !(key === 'message' && a.visible === false)) parts.push(v);
  }
  for (const child of node.children) if (typeof child === 'string') parts.push(child);
  if (node.type === 'TextInput' && typeof a.value === 'string') parts.push(a.value);
  return parts.join(' ');
}

/** Plain-text rendering, one line per node with text, indented by depth. */
export function renderText(node: SettingsNode | null): string {
  if (node === null) return '';
  const lines: string[] = [];
  const go = (n: SettingsNode | string, depth: number) => {
    if (typeof n === 'string') return;
    const own = nodeText(n);
    let suffix = '';
    if (n.type === 'Toggle') suffix = ` [${n.attrs.value === true ? 'on' : 'off'}]`;
    if (n.type === 'Select' || n.type === 'Slider') suffix = n.attrs.value === undefined ? '' : ` [${String(n.attrs.value)}]`;
    if (n.type === 'Button') lines.push(`${'  '.repeat(depth)}[${own}]`);
    else if (own !== '' || suffix !== '') lines.push(`${'  '.repeat(depth)}${own}${suffix}`);
    for (const c of n.children) go(c, depth + 1);
  };
  go(node, 0);
  return lines.join('\n');
}
