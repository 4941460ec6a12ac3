// The ten-second check-in on the BUILT bundles, round and square, in every language: the first
// screen (overall feeling, "anything hurt?" → where, side, 0-10) with Save on it; per-area detail
// only on request, tightness in words; what is left untouched is "not rated" on the watch's record,
// on the phone's History and in the report.
import { describe, expect, it } from 'vitest';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import type { Simulation } from '../fixtures/sim';
import { readHistory } from '../../core/phone/history-store';
import { phoneStore } from '../fixtures/sim-storage';
import { LANGS, settingT, watchT } from '../fixtures/po';
import { deskResetToCheckIn, tapExact } from '../fixtures/watch-flows';
import { layoutProblems } from '../fixtures/layout-check';
import type { SessionRecord } from '../../core/routines/model';

autoCheckErrors();

const PROFILES = ['balance-3.7', 'gts4-3.6'] as const;

function phoneRecords(sim: Simulation): readonly SessionRecord[] {
  return readHistory(phoneStore(sim)).records;
}

/** Opens the one session in the phone's History (its row starts with the date, then " · "). */
function openPhoneSession(sim: Simulation): void {
  sim.side.openSettings();
  // The History row is the one button that reads "<date> · <routine> · <minutes> · <status>".
  sim.side.clickSettings(' · ');
}

function screenOf(sim: Simulation): { width: number; height: number; round: boolean } {
  return { width: sim.profile.width, height: sim.profile.height, round: sim.profile.shape === 'round' };
}

describe('check-in (built)', () => {
  for (const profile of PROFILES) {
    for (const lang of LANGS) {
      const w = watchT(lang);

      it(`check-in - ${profile} ${lang}: feeling and pain with its area and score in five taps make exactly one record with those fields on the phone`, async () => {
        const sim = await bootWatch({ profile, language: lang, advance: 1_000 });
        await deskResetToCheckIn(sim);
        // The first screen asks both questions and has Save on it, inside the screen (and circle).
        const save = sim.device.widgets().find((x) => x.type === 'BUTTON' && x.text === w('checkin.save'));
        expect(save).toBeDefined();
        expect((save?.bounds.y ?? 1e9) + (save?.bounds.h ?? 0)).toBeLessThanOrEqual(sim.profile.height);
        expect(sim.device.texts()).toEqual(expect.arrayContaining([w('checkin.feeling'), w('checkin.hurt')]));
        expect(layoutProblems(sim.device.widgets(), screenOf(sim))).toEqual([]);

        await tapExact(sim, w('checkin.feeling-better'));
        await tapExact(sim, w('checkin.hurt-yes'));
        await tapExact(sim, w('area.neck'));
        await tapExact(sim, '7');
        expect(layoutProblems(sim.device.widgets(), screenOf(sim))).toEqual([]);
        await tapExact(sim, w('checkin.save'));
        await sim.clock.advance(2_000);

        expect(sim.device.currentPage()?.path).toContain('summary');
        const records = phoneRecords(sim);
        expect(records).toHaveLength(1);
        const record = records[0] as SessionRecord;
        expect({ feeling: record.feeling, hurt: record.hurt, hurtArea: record.hurtArea, painScore: record.painScore }).toEqual({ feeling: 'better', hurt: true, hurtArea: 'neck', painScore: 7 });
        // Nothing else was touched: no side, no per-area ratings, no notes.
        expect('hurtSide' in record).toBe(false);
        expect(record.checkIn).toEqual([]);
        expect(record.notes).toEqual([]);
      });

      it(`check-in - ${profile} ${lang}: Save untouched records nothing rated, and the phone says "not rated"`, async () => {
        const sim = await bootWatch({ profile, language: lang, advance: 1_000 });
        await deskResetToCheckIn(sim);
        await tapExact(sim, w('checkin.save'));
        await sim.clock.advance(2_000);
        const records = phoneRecords(sim);
        expect(records).toHaveLength(1);
        const record = records[0] as SessionRecord;
        expect(record.checkIn).toEqual([]);
        for (const key of ['feeling', 'hurt', 'hurtArea', 'hurtSide', 'painScore']) expect(key in record).toBe(false);

        const s = settingT(lang);
        openPhoneSession(sim);
        expect(sim.side.settingsText()).toContain(s('set.history.check-in-none'));
      });
    }
  }

  for (const profile of ['falcon-3.6', 'cheetah-round-3.6', 'gtr4-3.6', 'balance-3.7', 'gts4-3.6']) {
    for (const lang of LANGS) {
      it(`check-in - ${profile} ${lang}: with every question open (hurt, a sided area, detail) nothing is clipped and Save is still last`, async () => {
        const w = watchT(lang);
        const sim = await bootWatch({ profile, language: lang, advance: 1_000 });
        await deskResetToCheckIn(sim);
        await tapExact(sim, w('checkin.hurt-yes'));
        await tapExact(sim, w('area.forearms'));
        await tapExact(sim, w('checkin.side-left'));
        await tapExact(sim, w('checkin.add-detail'));
        expect(sim.device.texts()).toContain(w('checkin.tighter-side'));
        expect(layoutProblems(sim.device.widgets(), screenOf(sim))).toEqual([]);
        const buttons = sim.device.widgets().filter((x) => x.visible && x.type === 'BUTTON');
        const save = buttons.find((x) => x.text === w('checkin.save'));
        // Nothing to answer below Save: it is reached by scrolling on, never back.
        expect(buttons.filter((x) => x.bounds.y > (save?.bounds.y ?? 0)).map((x) => x.text)).toEqual([w('checkin.skip')]);
      });
    }
  }

  it('check-in - detail on request: tightness in words and which side is tighter reach the phone, the rest stays unrated', async () => {
    const sim = await bootWatch({ profile: 'balance-3.7', advance: 1_000 });
    await deskResetToCheckIn(sim);
    const w = watchT('en-US');
    // No per-area question before "Add detail".
    expect(sim.device.texts().some((t) => t.includes('how tight?'))).toBe(false);
    await tapExact(sim, w('checkin.add-detail'));
    expect(sim.device.texts()).toContain('Forearms: how tight?');
    expect(sim.device.texts()).not.toContain('Neck: which side is tighter?');
    await tapExact(sim, 'Strong', 'Forearms: how tight?');
    await tapExact(sim, 'Left', 'Forearms: how tight?');
    await tapExact(sim, w('checkin.save'));
    await sim.clock.advance(2_000);
    const record = phoneRecords(sim)[0];
    expect(record?.checkIn).toEqual([{ area: 'forearms', tightness: 3, tighterSide: 'left' }]);

    openPhoneSession(sim);
    const text = sim.side.settingsText();
    expect(text).toContain('Check-in Forearms: tightness strong, left side tighter');
    expect(text).toContain('Compared with before: not rated');
    expect(text).toContain('Anything hurt: not rated');
  });
});
