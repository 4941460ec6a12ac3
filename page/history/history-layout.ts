// What the History page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
import { flowRenderer } from '../kit';
import type { FlowItem } from '../kit';
import type { Shape } from '../theme';

export interface HistoryLayout {
  /** Draws the page: a title and rows, scrolling when they do not fit. */
  renderHistory(title: string, items: readonly FlowItem[]): void;
}

export function makeHistoryLayout(shape: Shape): HistoryLayout {
  return { renderHistory: flowRenderer(shape) };
}
