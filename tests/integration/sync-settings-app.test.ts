// The built Settings App (setting.js) in the simulated phone, over storage prepared with core.

import { describe, expect, it } from 'vitest';
import { addRecords, readHistory } from '../../core/phone/history-store';
import { HISTORY_SUMMARY_KEY } from '../../core/phone/history-summary';
import { exportAll } from '../../core/phone/export-import';
import { readAllNotes } from '../../core/phone/notes';
import { readPlan, savePlan } from '../../core/routines/plan-store';
import { MemoryStore } from '../fixtures/memory-store';
import { makeRecords, BASE_START } from '../fixtures/records';
import { makePlan } from '../fixtures/plans';
import { autoCheckErrors, bootWatch, type Simulation } from '../fixtures/sim';
import { phoneStore } from '../fixtures/sim-storage';

autoCheckErrors();

const NOW = BASE_START + 3 * 86_400_000;

function seeded(count: number, plan = false): MemoryStore {
  const store = new MemoryStore();
  addRecords(store, makeRecords(count), NOW);
  if (plan) savePlan(store, makePlan({ weeklyTarget: 3 }));
  return store;
}

async function openWith(store: MemoryStore): Promise<Simulation> {
  const sim = await bootWatch({ startTime: NOW, settings: store.snapshot(), launch: false });
  sim.side.openSettings();
  return sim;
}

const reportOf = (sim: Simulation): string => String(sim.side.findSettings('Knead self-massage report', 'TextInput')[0]?.attrs.value);

describe('Settings App (built)', () => {
  it('Overview - week against the target, streak and last session', async () => {
    const sim = await openWith(seeded(3, true));
    const text = sim.side.settingsText();
    expect(text).toContain('This week: 3 of 3');
    expect(text).toContain('Streak: 1 week on target');
    expect(text).toContain('Last session: 2026-11-12 09:00 · Desk reset · 3:00 · completed');
  });

  it('Overview - history stored without month summaries (or with damaged ones) still shows the right week, streak and last session', async () => {
    const store = seeded(3, true);
    store.removeItem(HISTORY_SUMMARY_KEY);
    const sim = await openWith(store);
    const text = sim.side.settingsText();
    expect(text).toContain('This week: 3 of 3');
    expect(text).toContain('Last session: 2026-11-12 09:00 · Desk reset · 3:00 · completed');
    const damaged = seeded(3, true);
    damaged.setItem(HISTORY_SUMMARY_KEY, '{"v":1,"months":[{"month":"2026-11","sessions":3,"weeks":{},"areas":{},"last":null}]}');
    // Counts agree with the index, so this (wrong but well-formed) summary is trusted: the
    // Overview is only as right as what the phone wrote, which is why pushes write both at once.
    expect((await openWith(damaged)).side.settingsText()).toContain('This week: 0 of 3');
  });

  it('History - shows only the chosen month: its sessions listed, the others only counted', async () => {
    const store = new MemoryStore();
    addRecords(store, makeRecords(3).concat(makeRecords(2).map((r, i) => ({ ...r, id: `${r.id}-oct${i}`, startedAt: r.startedAt - 30 * 86_400_000, endedAt: r.endedAt - 30 * 86_400_000 }))), NOW);
    const sim = await openWith(store);
    const options = sim.side.findSettings('Month', 'Select')[0]?.attrs.options as Array<{ name: string }>;
    expect(options.map((o) => o.name)).toEqual(['2026-11 (3)', '2026-10 (2)']);
    const listed = (text: string): string[] => text.split('\n').filter((line) => /^\s*\[\d{4}-\d{2}-\d{2} .*Desk reset/.test(line));
    expect(listed(sim.side.settingsText()).map((l) => l.trim().slice(1, 11))).toEqual(['2026-11-12', '2026-11-11', '2026-11-10']);
    sim.side.changeSettings('Month', '2026-10');
    expect(listed(sim.side.settingsText()).map((l) => l.trim().slice(1, 11))).toEqual(['2026-10-12', '2026-10-11']);
  });

  it('History - notes: too long is refused with core message; add and delete', async () => {
    const sim = await openWith(seeded(1));
    const phone = phoneStore(sim);
    const id = readHistory(phone).records[0]?.id ?? '';
    sim.side.clickSettings('2026-11-10 09:00');
    sim.side.changeSettings('Add a note', 'x'.repeat(501));
    expect(sim.side.settingsText()).toContain('Note not saved: text must be at most 500 characters (got 501)');
    expect(readAllNotes(phone).notes).toEqual([]);
    sim.side.changeSettings('Add a note', 'Right calf cramped');
    expect(readAllNotes(phone).notes.map((n) => [n.sessionId, n.text])).toEqual([[id, 'Right calf cramped']]);
    expect(sim.side.settingsText()).toContain('· note');
    sim.side.clickSettings('Delete note');
    expect(readAllNotes(phone).notes).toEqual([]);
  });

  it('Report - the chosen period changes the text', async () => {
    const sim = await openWith(seeded(2));
    expect(reportOf(sim)).toContain('2 sessions, ');
    sim.side.changeSettings('Period', 'last-month');
    expect(reportOf(sim)).toContain('0 sessions, ');
    expect(reportOf(sim)).toContain('Period: 2026-10-01 to 2026-10-31');
  });

  it('Plan - an invalid edit shows the core message and keeps the stored plan', async () => {
    const sim = await openWith(seeded(1, true));
    const phone = phoneStore(sim);
    sim.side.changeSettings('Neck area', 'avoid');
    expect(readPlan(phone).plan?.avoidAreas).toEqual(['lower-back', 'neck']);
    sim.side.changeSettings('Weekly target', 99);
    expect(sim.side.settingsText()).toContain('Not saved: weeklyTarget must be an integer between 0 and 14');
    expect(readPlan(phone).plan?.weeklyTarget).toBe(3);
  });

  it('Preferences - stored as JSON for the watch, stamped with the time of the change; out-of-range refused', async () => {
    const sim = await openWith(seeded(0));
    expect(sim.side.settingsText()).toContain('applied on the watch at its next sync');
    sim.side.changeSettings('Cue strength', 'strong');
    sim.side.changeSettings('Lead-in', 10);
    const stored = JSON.parse(sim.side.settingsStorage.getItem('prefs') ?? '{}') as { settings: unknown; updatedAt: number };
    expect(stored.settings).toEqual({ intensity: 'strong', leadInSeconds: 10, halfwayTick: true, screen: 'allow-off' });
    expect(stored.updatedAt).toBeGreaterThan(0);
    sim.side.changeSettings('Lead-in', 60);
    expect(sim.side.settingsText()).toContain('Not saved: leadInSeconds must be an integer between 0 and 15');
  });

  it('Data - export, import summary, broken import, delete only after confirmation', async () => {
    const source = seeded(3);
    const text = exportAll(source, NOW).text;
    const start = new MemoryStore();
    addRecords(start, readHistory(source).records.slice(0, 1), NOW);
    const sim = await openWith(start);
    const phone = phoneStore(sim);
    sim.side.clickSettings('Export all as JSON');
    expect(sim.side.findSettings('Export (JSON)', 'TextInput')[0]?.attrs.value).toContain('"format":"knead-export"');
    sim.side.changeSettings('Import: paste an export here', text);
    expect(sim.side.settingsText()).toContain('Import done: 2 sessions added, 1 already there (skipped), 0 rejected.');
    const before = sim.side.settingsStorage.toObject();
    sim.side.changeSettings('Import: paste an export here', text.slice(0, 40));
    expect(sim.side.settingsText()).toContain('Import failed: the file is not valid JSON; nothing was imported');
    const after = sim.side.settingsStorage.toObject();
    // The import was asked of the side service (request:/reply: keys); nothing else changed.
    const kept = (all: Record<string, string>): Array<string | undefined> => Object.keys(all).filter((k) => !/^(ui|request|reply):/.test(k)).map((k) => all[k]);
    expect(kept(after)).toEqual(kept(before));
    expect(Object.keys(after).filter((k) => k.startsWith('request:'))).toEqual([]);
    sim.side.clickSettings('Delete all data');
    expect(readHistory(phone).records).toHaveLength(3);
    sim.side.clickSettings('Cancel');
    sim.side.clickSettings('Delete all data');
    expect(sim.side.settingsText()).toContain('Delete 3 sessions, all notes and the plan from this phone?');
    sim.side.clickSettings('Yes, delete everything');
    expect(readHistory(phone).records).toHaveLength(0);
    expect(sim.side.settingsText()).toContain('Deleted (');
  });
});
