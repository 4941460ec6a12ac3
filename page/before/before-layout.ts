// What the Before page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
import { flowRenderer } from '../kit';
import type { FlowItem } from '../kit';
import type { Shape } from '../theme';

export interface BeforeLayout {
  /** Draws the page: a title and rows, scrolling when they do not fit. */
  renderPlan(title: string, items: readonly FlowItem[]): void;
}

export function makeBeforeLayout(shape: Shape): BeforeLayout {
  return { renderPlan: flowRenderer(shape) };
}
