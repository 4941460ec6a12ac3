// What the Settings page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
import { flowRenderer } from '../kit';
import type { FlowItem } from '../kit';
import type { Shape } from '../theme';

export interface SettingsLayout {
  /** Draws the page: a title and rows, scrolling when they do not fit. */
  renderSettings(title: string, items: readonly FlowItem[]): void;
}

export function makeSettingsLayout(shape: Shape): SettingsLayout {
  return { renderSettings: flowRenderer(shape) };
}
