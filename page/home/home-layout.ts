// What the Home page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
import { renderFlow } from '../kit';
import type { FlowItem } from '../kit';
import type { Shape } from '../theme';

export interface HomeLayout {
  renderTitle(title: string): void;
  renderRoutines(names: readonly string[], onPick: (index: number) => void): void;
  /** Everything above the routine list: week count, sync mark, notices, the one-tap last routine. */
  renderHeader(items: readonly FlowItem[]): void;
  /** History / Settings entries below the list. */
  renderFooter(items: readonly FlowItem[]): void;
  showPhoneStatus(text: string): void;
}

export function makeHomeLayout(shape: Shape): HomeLayout {
  let title = '';
  let header: readonly FlowItem[] = [];
  let rows: FlowItem[] = [];
  let footer: readonly FlowItem[] = [];
  let phone = '';
  const draw = (): void => {
    const status: FlowItem[] = phone === '' ? [] : [{ kind: 'text', text: phone, tone: 'dim' }];
    renderFlow(shape, title, [...header, ...status, ...rows, ...footer]);
  };
  return {
    renderTitle(text) {
      title = text;
    },
    renderHeader(items) {
      header = items;
    },
    renderRoutines(names, onPick) {
      rows = names.map((name, index): FlowItem => ({ kind: 'button', text: name, onClick: () => onPick(index) }));
    },
    renderFooter(items) {
      footer = items;
      draw();
    },
    showPhoneStatus(text) {
      phone = text;
      draw();
    },
  };
}
