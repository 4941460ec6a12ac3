// Report v2 in the BUILT Settings App: the report is shown in full under its period picker, a
// pain score added in History reaches the report, and Overview shows no streak without a target.
import { describe, expect, it } from 'vitest';
import { addRecords } from '../../core/phone/history-store';
import { readPainScores } from '../../core/phone/pain-scores';
import { savePlan } from '../../core/routines/plan-store';
import { makePlan } from '../fixtures/plans';
import { MemoryStore } from '../fixtures/memory-store';
import { BASE_START, makeCheckIn, makeRecord, makeStep } from '../fixtures/records';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { phoneStore } from '../fixtures/sim-storage';

autoCheckErrors();

const NOW = BASE_START + 3 * 86_400_000;

describe('report in the Settings App (built)', () => {
  it('report - shown line by line; a pain score chosen in History appears in the report and its CSV', async () => {
    const store = new MemoryStore();
    const pain = makeRecord({ status: 'pain', painStepIndex: 0, steps: [makeStep({ area: 'neck', doneMs: 20_000 })], checkIn: [makeCheckIn({ area: 'neck', pain: true })] });
    addRecords(store, [pain], NOW);
    const sim = await bootWatch({ startTime: NOW, settings: store.snapshot(), launch: false });
    sim.side.openSettings();
    // The report's lines are on the page itself, not only in a box.
    expect(sim.side.findSettings('Caution: pain in 1 session: Neck (1 stopped for pain)', 'Text')).toHaveLength(1);
    sim.side.clickSettings('2026-11-10 09:00');
    sim.side.changeSettings('Pain score for your therapist (0-10)', '7');
    expect([...readPainScores(phoneStore(sim))]).toEqual([[pain.id, 7]]);
    expect(sim.side.settingsText()).toContain('2026-11-10 09:00 Desk reset: stopped for pain at Neck; pain at check-in: Neck (session stopped for pain); pain 7/10');
    const csv = String(sim.side.findSettings('The same period as CSV', 'TextInput')[0]?.attrs.value);
    expect(csv.split('\r\n')[1]?.endsWith(',pain,1,neck,both,hands,60,20,false,true,2,false,false,,true,7,,,,,')).toBe(true);
  });

  it('overview - no streak line when there is no weekly target', async () => {
    const store = new MemoryStore();
    addRecords(store, [makeRecord({})], NOW);
    const sim = await bootWatch({ startTime: NOW, settings: store.snapshot(), launch: false });
    sim.side.openSettings();
    const text = sim.side.settingsText();
    expect(text).toContain('This week: 1 (no weekly target)');
    expect(text).not.toContain('Streak');
  });
  it('overview - the streak counts every week in a row on target: ten weeks across a month and a year end, a week split over two months', async () => {
    // Monday 2026-11-02 09:00 CET, then three sessions a week (Mon, Wed, Sun) for ten weeks; the
    // week of Monday 2026-12-28 has its Sunday on 2027-01-03. A gap week before the ten breaks
    // nothing after it. Expected from the calendar: 10 weeks (Nov 2 ... Jan 4), this week (Jan 11) not yet on target.
    const store = new MemoryStore();
    const monday = Date.UTC(2026, 10, 2, 8, 0);
    const day = 86_400_000;
    const records = [];
    for (let week = 0; week < 10; week += 1) for (const d of [0, 2, 6]) records.push(makeRecord({ startedAt: monday + (week * 7 + d) * day, tzOffsetMin: 60 }));
    // Two weeks earlier, one lone session: before the streak, not part of it.
    records.push(makeRecord({ startedAt: monday - 14 * day, tzOffsetMin: 60 }));
    const now = monday + 70 * day + 3 * 3_600_000;
    addRecords(store, records, now);
    savePlan(store, makePlan({ weeklyTarget: 3 }));
    const sim = await bootWatch({ startTime: now, settings: store.snapshot(), launch: false });
    sim.side.openSettings();
    expect(sim.side.settingsText()).toContain('Streak: 10 weeks on target');
  });
});

