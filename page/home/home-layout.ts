// What the Home page can show; index.r.layout.ts and index.s.layout.ts implement it per shape.
// Home is one scrolling flow, so it is drawn whole: renderHome draws the screen, showPhoneStatus
// redraws it with the phone line changed. Neither keeps anything back for a later call to draw.
// Each draw rebuilds the whole flow, so Home draws once per change, never twice for one.
import { renderFlow } from '../kit';
import type { FlowItem } from '../kit';
import type { Shape } from '../theme';

/** Everything Home shows, top to bottom. */
export interface HomeScreen {
  readonly title: string;
  /** Above the routine list: notices, the week count, the progression offer. */
  readonly header: readonly FlowItem[];
  /** The routine list: its rows and the ★ legend, in the order core/watch/home homeList gives. */
  readonly routines: readonly FlowItem[];
  /** History / Settings entries below the list. */
  readonly footer: readonly FlowItem[];
}

export interface HomeLayout {
  /** Draws the whole Home screen with this phone line under the header. */
  renderHome(screen: HomeScreen, phone: string): void;
  /** Redraws Home with this phone line (reachable, checking, bad reply); the same line again draws nothing. */
  showPhoneStatus(text: string): void;
}

export function makeHomeLayout(shape: Shape): HomeLayout {
  let shown: HomeScreen | null = null;
  let phone = '';
  const draw = (screen: HomeScreen): void => {
    const status: FlowItem[] = phone === '' ? [] : [{ kind: 'text', text: phone, tone: 'dim' }];
    renderFlow(shape, screen.title, [...screen.header, ...status, ...screen.routines, ...screen.footer]);
  };
  return {
    renderHome(screen, text) {
      shown = screen;
      phone = text;
      draw(screen);
    },
    showPhoneStatus(text) {
      // Each redraw rebuilds the whole flow: a request going out often leaves the words as they were.
      if (text === phone) return;
      phone = text;
      if (shown !== null) draw(shown);
    },
  };
}
