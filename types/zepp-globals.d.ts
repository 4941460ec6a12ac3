// Globals of the Zepp OS phone side (side service, Settings App) and of zpm's per-shape loader,
// which @zeppos/device-types does not declare.

declare module 'zosLoader:./index.[pf].layout.js' {
  // Each page casts this to its own layout interface; the loader picks index.r / index.s.
  export const layout: unknown;
}

interface ZeppSettingsStorage {
  getItem(key: string): string | null | undefined;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  clear(): void;
  toObject(): Record<string, string>;
  addListener(event: 'change', listener: (change: { key: string; newValue: string | null; oldValue: string | null }) => void): void;
}

declare const settings: { readonly settingsStorage: ZeppSettingsStorage };

declare function AppSideService(option: object): void;

/** A Settings App UI node, as returned by View(), Text(), Button()… */
type SettingsNode = object;
type SettingsChild = SettingsNode | string | null | undefined | false;

interface SettingsBuildProps {
  readonly settingsStorage: ZeppSettingsStorage;
  readonly settings: Record<string, string>;
}

declare function AppSettingsPage(option: {
  state?: Record<string, unknown>;
  build(this: { state: Record<string, unknown> }, props: SettingsBuildProps): SettingsNode;
}): void;

declare function View(attrs: { style?: Record<string, string | number> }, children?: SettingsChild[]): SettingsNode;
declare function Section(attrs: { title?: string; description?: string; style?: Record<string, string | number> }, children?: SettingsChild[]): SettingsNode;
declare function Text(attrs: { paragraph?: boolean; bold?: boolean; align?: string; style?: Record<string, string | number> }, children?: SettingsChild[] | string): SettingsNode;
declare function Button(attrs: { label: string; color?: string; onClick?: () => void; style?: Record<string, string | number> }): SettingsNode;
declare function TextInput(attrs: { label?: string; placeholder?: string; value?: string; maxLength?: number; multiline?: boolean; onChange?: (value: string) => void; subStyle?: Record<string, string | number>; labelStyle?: Record<string, string | number> }): SettingsNode;
declare function Toggle(attrs: { label?: string; value?: boolean; onChange?: (value: boolean) => void }): SettingsNode;
declare function Select(attrs: { label?: string; options: { name: string; value: string }[]; value?: string; multiple?: boolean; onChange?: (value: string) => void }): SettingsNode;
declare function Slider(attrs: { label?: string; min?: number; max?: number; step?: number; value?: number; onChange?: (value: number) => void }): SettingsNode;
declare function Toast(attrs: { message: string; visible?: boolean; duration?: number }): SettingsNode;

declare module 'i18n' {
  /** zpm's virtual module for app-side and setting: the text of msgid in the phone's language
   * (from setting/i18n/<lang>.po, falling back to defaultLanguage, then to msgid itself). */
  export function gettext(msgid: string, ...args: unknown[]): string;
}

// The build's registry of the modules the pages share (scripts/shared.mjs): app.ts registers it.
declare module 'knead:shared-modules' {
  export const SHARED_KEY: string;
  export const sharedModules: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

declare module '@zos/ui' {
  /** Deletes a widget. On every API level, but @zeppos/device-types 4.0.0 does not declare it. */
  export function deleteWidget(widget: unknown): void;
}
