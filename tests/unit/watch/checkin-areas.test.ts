// Per-area detail of the check-in when more than one area is rated (core/watch/checkin.ts): each
// area keeps its own answers, in the order the person first touched them, and taking back one
// area's last answer leaves the others as they were (docs/watch.md "page/checkin").
import { describe, expect, it } from 'vitest';
import { chooseTighterSide, chooseTightness, detailOf, emptyDraft, toggleNewSoreness } from '../../../core/watch/checkin';

describe('check-in draft - several areas', () => {
  it('check-in - two areas rated keep their own answers, in the order first touched', () => {
    let draft = chooseTightness(emptyDraft(), 'neck', 1);
    draft = chooseTightness(draft, 'forearms', 2);
    draft = chooseTighterSide(draft, 'forearms', 'left');
    expect(draft.areas).toEqual([
      { area: 'neck', tightness: 1 },
      { area: 'forearms', tightness: 2, tighterSide: 'left' },
    ]);
    // Changing the first area again keeps its place.
    draft = toggleNewSoreness(draft, 'neck');
    expect(draft.areas).toEqual([
      { area: 'neck', tightness: 1, newSoreness: true },
      { area: 'forearms', tightness: 2, tighterSide: 'left' },
    ]);
  });

  it('check-in - taking back one area\'s only answer leaves the other areas rated', () => {
    let draft = chooseTightness(emptyDraft(), 'neck', 1);
    draft = chooseTightness(draft, 'forearms', 2);
    draft = chooseTightness(draft, 'forearms', 2);
    expect(draft.areas).toEqual([{ area: 'neck', tightness: 1 }]);
  });

  it('check-in - the detail screen of an area shows that area\'s answers, and nothing for an untouched one', () => {
    let draft = chooseTightness(emptyDraft(), 'neck', 3);
    draft = toggleNewSoreness(draft, 'forearms');
    expect(detailOf(draft, 'neck')).toEqual({ area: 'neck', tightness: 3 });
    expect(detailOf(draft, 'forearms')).toEqual({ area: 'forearms', newSoreness: true });
    expect(detailOf(draft, 'feet')).toBeUndefined();
  });
});
