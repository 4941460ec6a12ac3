// Sync end to end on the built bundles: watch outbox → sessions.push → phone storage → Settings App
// (History, Report); Settings App plan edit → side call → watch plan.get → watch storage.

import { describe, expect, it } from 'vitest';
import { enqueue, outboxStatus } from '../../core/sync/outbox';
import { readHistory } from '../../core/phone/history-store';
import { readPlan, savePlan } from '../../core/phone/plan-store';
import { makeRecord, makeRecords } from '../fixtures/records';
import { makePlan } from '../fixtures/plans';
import { autoCheckErrors } from '../fixtures/sim';
import { bootRig } from '../fixtures/sync-rig';

autoCheckErrors();

const START = Date.UTC(2026, 10, 20, 9, 0, 0);

describe('sync flow on the built app', () => {
  it('sessions.push - a session in the watch outbox reaches phone storage, History and Report', async () => {
    const rig = await bootRig({ startTime: START });
    const record = makeRecord({ startedAt: Date.UTC(2026, 10, 18, 8, 0, 0) });
    expect(enqueue(rig.watch, record).ok).toBe(true);
    expect(outboxStatus(rig.watch).pending).toBe(1);

    const result = await rig.settle(rig.sync.flush());
    expect(result).toMatchObject({ done: true, accepted: 1, rejected: 0, pending: 0, requests: 1 });
    expect(outboxStatus(rig.watch).pending).toBe(0);
    expect(readHistory(rig.phone).records.map((r) => r.id)).toEqual([record.id]);

    rig.sim.side.openSettings();
    const text = rig.sim.side.settingsText();
    expect(text).toContain('This week: 1 (no weekly target)');
    expect(text).toContain('Month [2026-11]');
    expect(text).toContain('Desk reset');
    // Session detail and a note, then the report shows the note.
    rig.sim.side.clickSettings('2026-11-18 09:00');
    expect(rig.sim.side.settingsText()).toContain('Check-in Neck: tightness moderate');
    rig.sim.side.changeSettings('Add a note', 'Left forearm tighter after the weekend');
    expect(rig.sim.side.settingsText()).toContain('Note saved.');
    const report = rig.sim.side.findSettings('Knead self-massage report', 'TextInput')[0];
    const reportText = String(report?.attrs.value);
    expect(reportText).toContain('1 session, ');
    expect(reportText).toContain('Neck: 1:00');
    expect(reportText).toContain('Left forearm tighter after the weekend');
  });

  it('sessions.push - several batches, one request per batch, every session stored once', async () => {
    const rig = await bootRig({ startTime: START });
    const records = makeRecords(120).map((r, i) => ({ ...r, startedAt: START - (i + 1) * 3_600_000, endedAt: START - (i + 1) * 3_600_000 + 180_000 }));
    for (const r of records) enqueue(rig.watch, r);
    const result = await rig.settle(rig.sync.flush());
    expect(result.done).toBe(true);
    expect(result.accepted).toBe(120);
    expect(result.requests).toBeGreaterThan(2);
    const stored = readHistory(rig.phone).records.map((r) => r.id).sort();
    expect(stored).toEqual(records.map((r) => r.id).sort());
  });

  it('plan.changed - a plan edited in the Settings App reaches the watch', async () => {
    const rig = await bootRig({ startTime: START });
    rig.sim.side.openSettings();
    rig.sim.side.changeSettings('Weekly target', 4);
    rig.sim.side.changeSettings('Neck area', 'focus');
    rig.sim.side.changeSettings('Lower back area', 'avoid');
    expect(rig.sim.side.settingsText()).toContain('Saved.');
    await rig.sim.clock.advance(2_000);
    const onWatch = readPlan(rig.watch).plan;
    expect(onWatch).toMatchObject({ weeklyTarget: 4, focusAreas: ['neck'], avoidAreas: ['lower-back'] });
  });

  it('plan.changed - a custom routine built in the editor reaches the watch; problems are said in words next to their field and go when fixed', async () => {
    const rig = await bootRig({ startTime: START, settings: { plan: JSON.stringify(makePlan({ avoidAreas: ['lower-back'], focusAreas: [], customRoutines: [], assignedRoutineIds: [] })) } });
    rig.sim.side.openSettings();
    rig.sim.side.clickSettings('New routine');
    // Empty name: said right under the name field, in words; Save refuses and says why.
    const lines = (): string[] => rig.sim.side.settingsText().split('\n').map((l) => l.trim());
    const nameAt = lines().findIndex((l) => l.startsWith('Routine name'));
    expect(lines()[nameAt + 1]).toBe('⚠ Give the routine a name (up to 40 characters).');
    rig.sim.side.clickSettings('Save routine');
    expect(rig.sim.side.settingsText()).toContain('Not saved yet: one field needs a fix (marked above).');
    expect(rig.sim.side.settingsText()).not.toContain('customRoutines[0]');
    expect(readPlan(rig.phone).plan?.customRoutines).toEqual([]);
    // An avoided area is warned at its step, and the side of an unpaired area is explained.
    rig.sim.side.changeSettings('Area', 'lower-back');
    expect(rig.sim.side.settingsText()).toContain('Your therapist asked you to avoid Lower back: the watch will leave this step out and say so.');
    rig.sim.side.changeSettings('Side', 'left');
    expect(rig.sim.side.settingsText()).toContain('⚠ Lower back has no left and right: choose Both.');
    rig.sim.side.changeSettings('Area', 'neck');
    rig.sim.side.changeSettings('Side', 'both');
    rig.sim.side.changeSettings('Routine name', 'Evening neck');
    // Fixed: the messages are gone, the last save message too.
    expect(rig.sim.side.settingsText()).not.toMatch(/⚠|Not saved yet|avoid Lower back: the watch/);
    rig.sim.side.changeSettings('Seconds', 90);
    rig.sim.side.clickSettings('Add step');
    expect(rig.sim.side.settingsText()).toContain('2 steps · 2:30');
    rig.sim.side.clickSettings('Save routine');
    expect(rig.sim.side.settingsText()).toContain('Saved.');
    expect(rig.sim.side.settingsText()).toContain('Evening neck · 2 steps · 2:30');
    await rig.sim.clock.advance(2_000);
    const plan = readPlan(rig.watch).plan;
    expect(plan?.customRoutines.map((r) => [r.id, r.name, r.steps.length, r.steps[0]?.seconds])).toEqual([['my-evening-neck', 'Evening neck', 2, 90]]);
  });

  it('plan.get - at app start the watch fetches the stored plan; an invalid reply keeps the last good plan', async () => {
    const rig = await bootRig({ startTime: START, settings: { plan: JSON.stringify(makePlan({ weeklyTarget: 2 })) } });
    // Home fetches it as the app starts too; whichever answer lands first stores it.
    const first = await rig.settle(rig.sync.fetchPlan());
    expect(first.ok).toBe(true);
    expect(readPlan(rig.watch).plan?.weeklyTarget).toBe(2);
    // A plan that is not valid (written around core) is refused by the side and by the watch.
    rig.sim.side.settingsStorage.setItem('plan', JSON.stringify({ ...makePlan(), weeklyTarget: 99 }));
    const second = await rig.settle(rig.sync.fetchPlan());
    expect(second.ok).toBe(false);
    expect(second.error).toContain('weeklyTarget must be an integer between 0 and 14');
    expect(readPlan(rig.watch).plan?.weeklyTarget).toBe(2);
    // Cleared on the phone → cleared on the watch.
    expect(savePlan(rig.phone, makePlan({ weeklyTarget: 5, updatedAt: START })).ok).toBe(true);
    await rig.sim.clock.advance(2_000);
    expect(readPlan(rig.watch).plan?.weeklyTarget).toBe(5);
    rig.sim.side.settingsStorage.removeItem('plan');
    await rig.sim.clock.advance(2_000);
    expect(readPlan(rig.watch).plan).toBeNull();
  });

  it('phone.status - still answers with the stored session count (Home shows Phone connected)', async () => {
    const rig = await bootRig({ startTime: START });
    await rig.sim.clock.advance(1_000);
    expect(rig.sim.device.hasText('Phone connected')).toBe(true);
  });
});
