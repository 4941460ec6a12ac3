// One writer for phone history, on the built side service (app-side.js) and Settings App
// (setting.js): the Settings App asks for an import / delete through request:<id>, the side service
// applies it and answers under reply:<id>. Issue 10 finding 14.

import { describe, expect, it } from 'vitest';
import { exportAll } from '../../core/phone/export-import';
import { addRecords, readHistory } from '../../core/phone/history-store';
import { answerPush } from '../../core/phone/sync-answers';
import { PROTOCOL_VERSION } from '../../core/sync/protocol';
import { MemoryStore } from '../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord, makeRecords } from '../fixtures/records';
import { autoCheckErrors, bootWatch, type Simulation } from '../fixtures/sim';
import { phoneStore } from '../fixtures/sim-storage';

autoCheckErrors();

const NOW = BASE_START + 3 * DAY_MS;
const IMPORT = 'Import: paste an export here';

function exportOf(count: number): { text: string; ids: string[] } {
  const source = new MemoryStore();
  const records = makeRecords(count);
  addRecords(source, records, NOW);
  return { text: exportAll(source, NOW).text, ids: records.map((r) => r.id) };
}

async function phoneWith(count: number, options: { sideService?: boolean } = {}): Promise<Simulation> {
  const start = new MemoryStore();
  addRecords(start, makeRecords(count).map((r) => ({ ...r, id: `${r.id}-stored` })), NOW);
  const sim = await bootWatch({ startTime: NOW, settings: start.snapshot(), launch: false, sideService: options.sideService !== false });
  sim.side.openSettings();
  return sim;
}

/** Everything but the Settings App's UI state and the request / reply keys themselves. */
function stored(sim: Simulation): Record<string, string> {
  const all = sim.side.settingsStorage.toObject();
  const out: Record<string, string> = {};
  for (const key of Object.keys(all).sort()) if (!/^(ui|request|reply):/.test(key)) out[key] = all[key] ?? '';
  return out;
}

const ids = (sim: Simulation): string[] => readHistory(phoneStore(sim)).records.map((r) => r.id).sort();

describe('one writer for phone history (built side service + Settings App)', () => {
  it('one writer - a session acknowledged while an import is under way is still stored after both (and so is the import)', async () => {
    const sim = await phoneWith(1);
    const phone = phoneStore(sim);
    const exported = exportOf(3);
    const pushed = makeRecord({ id: 'watch01-raced-00000001', startedAt: BASE_START + 2 * DAY_MS + 3_600_000 });
    let acknowledged: readonly string[] = [];
    // Another context (the side service answering a push) stores a session of the same month
    // between the Settings App's read of that month and its write, as the Zepp app may run them apart.
    sim.side.settings.interleave('settings', 'history:2026-11', () => {
      const reply = answerPush(phone, { v: PROTOCOL_VERSION, records: [pushed] }, NOW);
      acknowledged = 'accepted' in reply ? reply.accepted : [];
    });
    sim.side.changeSettings(IMPORT, exported.text);
    expect(acknowledged).toEqual([pushed.id]);
    expect(ids(sim)).toEqual(expect.arrayContaining([pushed.id, ...exported.ids]));
    expect(ids(sim)).toHaveLength(5);
    expect(sim.side.settingsText()).toContain('Import done: 3 sessions added, 0 already there (skipped), 0 rejected.');
  });

  it('one writer - an import asked while the side service is not running waits ("Importing…") and is applied when it starts', async () => {
    const sim = await phoneWith(1, { sideService: false });
    const exported = exportOf(2);
    const before = stored(sim);
    sim.side.changeSettings(IMPORT, exported.text);
    expect(sim.side.settingsText()).toContain('Importing… Knead\'s service on this phone applies it now, or when it next starts if it is not running.');
    expect(stored(sim)).toEqual(before);
    expect(Object.keys(sim.side.settingsStorage.toObject()).filter((k) => k.startsWith('request:'))).toHaveLength(1);
    sim.side.start();
    expect(ids(sim)).toEqual(expect.arrayContaining(exported.ids));
    expect(ids(sim)).toHaveLength(3);
    expect(Object.keys(sim.side.settingsStorage.toObject()).filter((k) => k.startsWith('request:'))).toEqual([]);
    expect(sim.side.settingsText()).toContain('Import done: 2 sessions added, 0 already there (skipped), 0 rejected.');
  });

  it('one writer - "delete everything" is asked of the side service too: waits while it is down, done when it starts', async () => {
    const sim = await phoneWith(2, { sideService: false });
    sim.side.clickSettings('Delete all data');
    sim.side.clickSettings('Yes, delete everything');
    expect(sim.side.settingsText()).toContain('Deleting…');
    expect(ids(sim)).toHaveLength(2);
    sim.side.start();
    expect(ids(sim)).toEqual([]);
    expect(sim.side.settingsText()).toContain('Deleted (');
  });

  it('one writer - a malformed or huge request gets an error reply in plain words and storage is unchanged', async () => {
    const sim = await phoneWith(2);
    const before = stored(sim);
    sim.side.settingsStorage.setItem('request:r1', '{"v":1,"id":"r1","kind":"sessions.wipe","at":5}');
    expect(JSON.parse(sim.side.settingsStorage.getItem('reply:r1') ?? 'null')).toMatchObject({ ok: false, message: "Request refused: request kind 'sessions.wipe' is not known (expected import or delete-all); nothing was changed" });
    sim.side.settingsStorage.setItem('request:r2', `{"v":1,"id":"r2","kind":"import","at":5,"payload":"${'x'.repeat(21 * 1024 * 1024)}"}`);
    expect(JSON.parse(sim.side.settingsStorage.getItem('reply:r2') ?? 'null')).toMatchObject({ ok: false, kind: 'import', error: expect.stringMatching(/^the request is \d+ bytes; at most 20972544; nothing was changed$/) as unknown });
    expect(sim.side.settingsStorage.getItem('request:r1')).toBeNull();
    expect(sim.side.settingsStorage.getItem('request:r2')).toBeNull();
    expect(stored(sim)).toEqual(before);
  });
});
