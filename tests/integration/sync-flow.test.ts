// Sync end to end on the built bundles, every request made by the BUILT watch pages: Home flushes
// the outbox and fetches the plan at launch; a plan edited in the Settings App reaches the watch
// through the side service's plan.changed call, which only the built Home answers.

import { describe, expect, it } from 'vitest';
import { enqueue, outboxStatus } from '../../core/sync/outbox';
import { readHistory } from '../../core/phone/history-store';
import { readPlan, savePlan } from '../../core/routines/plan-store';
import { makeRecord, makeRecords } from '../fixtures/records';
import { makePlan } from '../fixtures/plans';
import { autoCheckErrors, bootWatch } from '../fixtures/sim';
import { phoneStore, watchStore } from '../fixtures/sim-storage';
import { untilNothingWaits, waitingOnWatch } from '../fixtures/built-sync';

autoCheckErrors();

const START = Date.UTC(2026, 10, 20, 9, 0, 0);

describe('sync flow on the built app', () => {
  it('sessions.push - a session in the watch outbox is sent by Home at launch and reaches phone storage, History and Report', async () => {
    const sim = await bootWatch({ startTime: START, launch: false });
    const record = makeRecord({ startedAt: Date.UTC(2026, 10, 18, 8, 0, 0) });
    expect(enqueue(watchStore(sim), record).ok).toBe(true);
    expect(outboxStatus(watchStore(sim)).pending).toBe(1);

    sim.device.launch();
    expect(await untilNothingWaits(sim, 10_000)).toBe(true);
    expect(readHistory(phoneStore(sim)).records).toEqual([record]);
    expect(sim.device.hasText('waiting to sync')).toBe(false);
    sim.side.openSettings();
    const text = sim.side.settingsText();
    expect(text).toContain('This week: 1 (no weekly target)');
    expect(text).toContain('Month [2026-11]');
    expect(text).toContain('Desk reset');
    // Session detail and a note, then the report shows the note.
    sim.side.clickSettings('2026-11-18 09:00');
    expect(sim.side.settingsText()).toContain('Check-in Neck: tightness moderate');
    sim.side.changeSettings('Add a note', 'Left forearm tighter after the weekend');
    expect(sim.side.settingsText()).toContain('Note saved.');
    const report = sim.side.findSettings('Knead self-massage report', 'TextInput')[0];
    const reportText = String(report?.attrs.value);
    expect(reportText).toContain('1 session, ');
    expect(reportText).toContain('Neck: 1:00');
    expect(reportText).toContain('Left forearm tighter after the weekend');
  });

  it('sessions.push - 120 waiting sessions go in several batches, every one stored once', async () => {
    const sim = await bootWatch({ startTime: START, launch: false });
    const records = makeRecords(120).map((r, i) => ({ ...r, startedAt: START - (i + 1) * 3_600_000, endedAt: START - (i + 1) * 3_600_000 + 180_000 }));
    for (const r of records) enqueue(watchStore(sim), r);
    sim.device.launch();
    expect(await untilNothingWaits(sim, 30_000)).toBe(true);
    const stored = readHistory(phoneStore(sim)).records.map((r) => r.id).sort();
    expect(stored).toEqual(records.map((r) => r.id).sort());
    expect(outboxStatus(watchStore(sim)).pending).toBe(0);
  });

  it('sessions.push - frames lost on the way never block a later launch: every request fits one ZML frame', async () => {
    // The side service's ZML keeps the frames of a request it did not get whole under that request's
    // id, and the watch numbers its requests from 10000 again at every launch: a half-received
    // multi-frame push made the request with the same id at the next launch vanish. With one frame
    // lost in each of a launch's six tries, every later launch's tries vanished: sync stalled.
    const sim = await bootWatch({ startTime: START, launch: false });
    const records = makeRecords(60).map((r, i) => ({ ...r, startedAt: START - (i + 1) * 3_600_000, endedAt: START - (i + 1) * 3_600_000 + 180_000 }));
    for (const r of records) enqueue(watchStore(sim), r);
    const hit = new Set<number>();
    let dropping = true;
    sim.link.configure({
      hook: (frame) => {
        if (!dropping || frame.from !== 'watch' || frame.type !== 4 || frame.bytes.byteLength < 1_000) return undefined;
        // ZML's chunk header follows the 16-byte BLE header; its first field is the request id.
        const requestId = new DataView(frame.bytes.buffer, frame.bytes.byteOffset).getUint32(16, true);
        if (hit.has(requestId) || hit.size >= 6) return undefined;
        hit.add(requestId);
        return 'drop';
      },
    });
    sim.device.launch();
    // The six tries of this launch (the last at about 9.5 min), each missing a frame.
    await sim.clock.advance(10 * 60_000);
    expect(hit.size).toBe(6);
    expect(waitingOnWatch(sim)).toBe(60);
    dropping = false;
    // The next time the person opens Knead, everything arrives.
    sim.device.relaunch();
    expect(await untilNothingWaits(sim, 60_000)).toBe(true);
    expect(readHistory(phoneStore(sim)).records.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
  });

  it('plan.changed - a plan edited in the Settings App reaches the watch', async () => {
    // Home has fetched the plan at launch (none yet); only plan.changed can bring the edit.
    const sim = await bootWatch({ startTime: START, advance: 2_000 });
    expect(readPlan(watchStore(sim)).plan).toBeNull();
    sim.side.openSettings();
    sim.side.changeSettings('Weekly target', 4);
    sim.side.changeSettings('Neck area', 'focus');
    sim.side.changeSettings('Lower back area', 'avoid');
    expect(sim.side.settingsText()).toContain('Saved.');
    await sim.clock.advance(2_000);
    const onWatch = readPlan(watchStore(sim)).plan;
    expect(onWatch).toMatchObject({ weeklyTarget: 4, focusAreas: ['neck'], avoidAreas: ['lower-back'] });
  });

  it('plan.changed - a custom routine built in the editor reaches the watch; problems are said in words next to their field and go when fixed', async () => {
    const sim = await bootWatch({ startTime: START, settings: { plan: JSON.stringify(makePlan({ avoidAreas: ['lower-back'], focusAreas: [], customRoutines: [], assignedRoutineIds: [] })) }, advance: 2_000 });
    expect(readPlan(watchStore(sim)).plan?.customRoutines).toEqual([]);
    sim.side.openSettings();
    sim.side.clickSettings('New routine');
    // Empty name: said right under the name field, in words; Save refuses and says why.
    const lines = (): string[] => sim.side.settingsText().split('\n').map((l) => l.trim());
    const nameAt = lines().findIndex((l) => l.startsWith('Routine name'));
    expect(lines()[nameAt + 1]).toBe('⚠ Give the routine a name (up to 40 characters).');
    sim.side.clickSettings('Save routine');
    expect(sim.side.settingsText()).toContain('Not saved yet: one field needs a fix (marked above).');
    expect(sim.side.settingsText()).not.toContain('customRoutines[0]');
    expect(readPlan(phoneStore(sim)).plan?.customRoutines).toEqual([]);
    // An avoided area is warned at its step, and the side of an unpaired area is explained.
    sim.side.changeSettings('Area', 'lower-back');
    expect(sim.side.settingsText()).toContain('Your therapist asked you to avoid Lower back: the watch will leave this step out and say so.');
    sim.side.changeSettings('Side', 'left');
    expect(sim.side.settingsText()).toContain('⚠ Lower back has no left and right: choose Both.');
    sim.side.changeSettings('Area', 'neck');
    sim.side.changeSettings('Side', 'both');
    sim.side.changeSettings('Routine name', 'Evening neck');
    // Fixed: the messages are gone, the last save message too.
    expect(sim.side.settingsText()).not.toMatch(/⚠|Not saved yet|avoid Lower back: the watch/);
    sim.side.changeSettings('Seconds', 90);
    sim.side.clickSettings('Add step');
    expect(sim.side.settingsText()).toContain('2 steps · 2:30');
    sim.side.clickSettings('Save routine');
    expect(sim.side.settingsText()).toContain('Saved.');
    expect(sim.side.settingsText()).toContain('Evening neck · 2 steps · 2:30');
    await sim.clock.advance(2_000);
    const plan = readPlan(watchStore(sim)).plan;
    expect(plan?.customRoutines.map((r) => [r.id, r.name, r.steps.length, r.steps[0]?.seconds])).toEqual([['my-evening-neck', 'Evening neck', 2, 90]]);
  });

  it('plan.get - Home fetches the stored plan at launch; an invalid plan keeps the last good one and says so; a cleared plan is cleared', async () => {
    const sim = await bootWatch({ startTime: START, settings: { plan: JSON.stringify(makePlan({ weeklyTarget: 2 })) }, advance: 2_000 });
    expect(readPlan(watchStore(sim)).plan?.weeklyTarget).toBe(2);
    expect(sim.device.hasText('This week: 0 of 2')).toBe(true);
    expect(sim.device.hasText('Phone connected')).toBe(true);
    // A plan that is not valid (written around core): the watch keeps the last good plan.
    sim.side.settingsStorage.setItem('plan', JSON.stringify({ ...makePlan(), weeklyTarget: 99 }));
    await sim.clock.advance(2_000);
    expect(readPlan(watchStore(sim)).plan?.weeklyTarget).toBe(2);
    expect(sim.device.hasText('Phone sent an unexpected reply')).toBe(true);
    // At the next launch too.
    sim.device.relaunch();
    await sim.clock.advance(2_000);
    expect(readPlan(watchStore(sim)).plan?.weeklyTarget).toBe(2);
    // A valid plan again reaches the open Home; cleared on the phone → cleared on the watch.
    expect(savePlan(phoneStore(sim), makePlan({ weeklyTarget: 5, updatedAt: START })).ok).toBe(true);
    await sim.clock.advance(2_000);
    expect(readPlan(watchStore(sim)).plan?.weeklyTarget).toBe(5);
    expect(sim.device.hasText('This week: 0 of 5')).toBe(true);
    sim.side.settingsStorage.removeItem('plan');
    await sim.clock.advance(2_000);
    expect(readPlan(watchStore(sim)).plan).toBeNull();
  });

  it('phone.status - still answers with the stored session count (Home shows Phone connected)', async () => {
    const sim = await bootWatch({ startTime: START });
    await sim.clock.advance(1_000);
    expect(sim.device.hasText('Phone connected')).toBe(true);
  });
});
