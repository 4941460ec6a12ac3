// Preferences and plan in an import (docs/sync.md: "a plan or preferences win only when valid and
// newer than the stored ones"): a phone with no preferences of its own takes any valid imported
// ones, even those exported from a phone that kept them from before preferences had a time (read as
// time 0); a file that holds only preferences still stores them; a file with none, or without a
// plan, says "none" for each and changes nothing.

import { describe, expect, it } from 'vitest';
import { exportAll, importAll } from '../../../core/phone/export-import';
import { PREFS_KEY, readPrefs, savePrefs } from '../../../core/settings/prefs-store';
import { readPlan } from '../../../core/routines/plan-store';
import type { WatchSettings } from '../../../core/routines/model';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS } from '../../fixtures/records';

const NOW = BASE_START + 400 * DAY_MS;
const CHOSEN: WatchSettings = { intensity: 'gentle', leadInSeconds: 12, halfwayTick: false, screen: 'keep-on' };
const NOTHING_ELSE = { added: 0, skipped: 0, rejected: [], notesAdded: 0, notesSkipped: 0, plan: 'none' } as const;

function fileWith(fields: Record<string, unknown>): string {
  return JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [], notes: [], plan: null, ...fields });
}

describe('import - preferences', () => {
  it('import preferences - a file holding only newer preferences stores them, and the summary says imported with no problem', () => {
    const store = new MemoryStore();
    expect(savePrefs(store, { intensity: 'strong', leadInSeconds: 5, halfwayTick: true, screen: 'allow-off' }, NOW - DAY_MS).ok).toBe(true);
    const result = importAll(store, fileWith({ prefs: { settings: CHOSEN, updatedAt: NOW } }), NOW);
    expect(result).toStrictEqual({ ok: true, summary: { ...NOTHING_ELSE, prefs: 'imported' } });
    expect(readPrefs(store).stamped).toEqual({ settings: CHOSEN, updatedAt: NOW });
  });

  it('import preferences - preferences kept from before they had a time (exported as time 0) are taken by a phone with none', () => {
    const old = new MemoryStore({ [PREFS_KEY]: JSON.stringify(CHOSEN) });
    const exported = exportAll(old, NOW);
    expect(JSON.parse(exported.text).prefs).toEqual({ settings: CHOSEN, updatedAt: 0 });
    const fresh = new MemoryStore();
    const result = importAll(fresh, exported.text, NOW);
    expect(result.ok && result.summary.prefs).toBe('imported');
    expect(readPrefs(fresh).prefs).toEqual(CHOSEN);
  });

  it('import preferences - an export from a phone with no preferences and no plan imports "none" for both and writes nothing', () => {
    const exported = exportAll(new MemoryStore(), NOW);
    expect(JSON.parse(exported.text)).toMatchObject({ prefs: null, plan: null });
    const store = new MemoryStore();
    expect(importAll(store, exported.text, NOW)).toStrictEqual({ ok: true, summary: { ...NOTHING_ELSE, prefs: 'none' } });
    expect(store.snapshot()).toEqual({});
  });

  it('import preferences - a file that leaves the plan out (as it leaves out notes or scores) has no plan to import, not a bad one', () => {
    const store = new MemoryStore();
    const text = JSON.stringify({ format: 'knead-export', v: 1, exportedAt: NOW, records: [] });
    expect(importAll(store, text, NOW)).toStrictEqual({ ok: true, summary: { ...NOTHING_ELSE, prefs: 'none' } });
    expect(readPlan(store)).toEqual({ plan: null });
    expect(store.snapshot()).toEqual({});
  });
});
