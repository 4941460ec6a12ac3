// The clickable-widget rule on its own, with geometry worked out from the screen: a 480 px round
// screen is a circle of radius 240 around (240, 240); at a distance d from its centre line it is
// 2·√(240² − d²) wide. A page scrolls until its lowest visible widget meets the screen's bottom.
import { describe, expect, it } from 'vitest';
import { clickableProblems } from '../../fixtures/layout-check';
import type { LaidOutWidget } from '../../fixtures/layout-check';

const ROUND_480 = { width: 480, height: 480, round: true };
const SQUARE = { width: 390, height: 450, round: false };

function widget(type: string, x: number, y: number, w: number, h: number, extra: Partial<LaidOutWidget> = {}): LaidOutWidget {
  return { type, text: type, visible: true, bounds: { x, y, w, h }, props: {}, ...extra };
}

/** A 352×88 button whose top is at `y`, as a flow on the round design draws its last row. */
const lastButton = (y: number): LaidOutWidget => widget('BUTTON', 64, y, 352, 88, { props: { radius: 44 } });
/** Blank room below the content, reaching down to `bottom`. */
const roomTo = (from: number, bottom: number): LaidOutWidget => widget('FILL_RECT', 0, from, 480, bottom - from);

describe('clickable widgets inside the screen', () => {
  it('clickable - a button at the bottom of a round page with no room below is cut at every reachable scroll', () => {
    // Content ends at 498: the page scrolls 18 px, the button's bottom edge stays at 480 where the circle is a point.
    expect(clickableProblems([lastButton(410)], ROUND_480)).toHaveLength(1);
  });

  it('clickable - the same button with room below can be scrolled into the circle', () => {
    // Room to 630: scrolled 150 px the button spans 260..348, where the circle is ≥ 2·√(240² − 108²) ≈ 428 px wide.
    expect(clickableProblems([lastButton(410), roomTo(510, 630)], ROUND_480)).toEqual([]);
  });

  it('clickable - room that is not visible does not make a page scroll', () => {
    expect(clickableProblems([lastButton(410), { ...roomTo(510, 630), visible: false }], ROUND_480)).toHaveLength(1);
  });

  it('clickable - a square-cornered button wider than the circle at its own height is cut even when centred', () => {
    // 476 wide, 88 high, centred: its corners lie √(238² + 44²) ≈ 242 px from the centre, beyond 240.
    const wide = widget('BUTTON', 2, 196, 476, 88);
    expect(clickableProblems([wide, roomTo(300, 900)], ROUND_480)).toHaveLength(1);
    // 460 wide: corners at √(230² + 44²) ≈ 234 px, inside.
    expect(clickableProblems([widget('BUTTON', 10, 196, 460, 88), roomTo(300, 900)], ROUND_480)).toEqual([]);
  });

  it('clickable - a tappable text counts as clickable, a plain one does not', () => {
    const corner = { x: 0, y: 0, w: 120, h: 40 };
    const tappable = widget('TEXT', corner.x, corner.y, corner.w, corner.h, { clickable: true });
    const plain = widget('TEXT', corner.x, corner.y, corner.w, corner.h);
    expect(clickableProblems([tappable], ROUND_480)).toHaveLength(1);
    expect(clickableProblems([plain], ROUND_480)).toEqual([]);
  });

  it('clickable - on a square screen a button below the fold is fine, one past the side or taller than the screen is not', () => {
    expect(clickableProblems([widget('BUTTON', 16, 420, 358, 88)], SQUARE)).toEqual([]);
    expect(clickableProblems([widget('BUTTON', 40, 100, 358, 88)], SQUARE)).toHaveLength(1);
    expect(clickableProblems([widget('BUTTON', 16, 0, 358, 460)], SQUARE)).toHaveLength(1);
  });
});
