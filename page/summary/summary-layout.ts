// What the Summary page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
import { flowRenderer } from '../kit';
import type { FlowItem } from '../kit';
import type { Shape } from '../theme';

export interface SummaryLayout {
  /** Draws the page: a title and rows, scrolling when they do not fit. */
  renderSummary(title: string, items: readonly FlowItem[]): void;
}

export function makeSummaryLayout(shape: Shape): SummaryLayout {
  return { renderSummary: flowRenderer(shape) };
}
