// What the Checkin page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
import { flowRenderer } from '../kit';
import type { FlowItem } from '../kit';
import type { Shape } from '../theme';

export interface CheckinLayout {
  /** Draws the page: a title and rows, scrolling when they do not fit. */
  renderCheckIn(title: string, items: readonly FlowItem[]): void;
}

export function makeCheckinLayout(shape: Shape): CheckinLayout {
  return { renderCheckIn: flowRenderer(shape) };
}
