// What the Settings page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
import { renderFlow } from '../kit';
import type { FlowItem } from '../kit';
import type { Shape } from '../theme';

export interface SettingsLayout {
  /** Draws the page: a title and rows, paged with a "more" button when they do not fit. */
  renderSettings(title: string, items: readonly FlowItem[], moreText: string): void;
}

export function makeSettingsLayout(shape: Shape): SettingsLayout {
  return {
    renderSettings(title, items, moreText) {
      renderFlow(shape, items, { title, moreText });
    },
  };
}
