// Reading an outbox an older Knead stored as one key (docs/sync.md "The watch outbox in storage"):
// it is converted on first load, every readable session is kept, and when anything in it was
// unreadable the original is set aside verbatim and the load says what was wrong.
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/routines/model';
import { decodeOutbox, decodeRecent } from '../../../core/sync/outbox-codec';
import { OUTBOX_KEY, loadOutbox } from '../../../core/sync/outbox';
import { summarize } from '../../../core/sync/recent-history';
import { MemoryStore } from '../../fixtures/memory-store';
import { BASE_START, DAY_MS, makeRecord, makeRecords } from '../../fixtures/records';

const NOW = BASE_START + 30 * DAY_MS;

function pending(record: SessionRecord, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: record.id, record, attempts: 0, ...extra };
}

function rejected(record: SessionRecord, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: record.id, record, reason: 'another session already has this id', rejectedAt: NOW, ...extra };
}

/** An outbox as Knead 0.1 stored it: everything under one key, named `outbox` (the name is fixed by what is on watches). */
function legacy(value: Record<string, unknown>): MemoryStore {
  return new MemoryStore({ outbox: JSON.stringify(value) });
}

describe('outbox codec - an older single-key outbox with damage', () => {
  it('outbox codec - an older outbox without a version keeps its sessions and is set aside, saying it had no version', () => {
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    const raw = JSON.stringify({ pending: [pending(a), pending(b)], rejected: [], recent: [] });
    const store = new MemoryStore({ [OUTBOX_KEY]: raw });
    const loaded = loadOutbox(store);
    expect(loaded.state.pending.map((e) => e.id)).toEqual([a.id, b.id]);
    expect(loaded.problem).toContain('outbox storage has no version');
    expect(store.getItem('outbox.quarantine.1')).toBe(raw);
  });

  it('outbox codec - each damaged part of an older outbox is named, every problem separated, and the readable sessions kept', () => {
    const [a, b] = makeRecords(2) as [SessionRecord, SessionRecord];
    const store = legacy({
      v: 1,
      pending: [pending(a), { id: 'x' }, 7, pending(b)],
      rejected: 'none',
      recent: [summarize(a), { id: 'broken' }],
    });
    const loaded = loadOutbox(store);
    expect(loaded.state.pending.map((e) => e.id)).toEqual([a.id, b.id]);
    expect(loaded.state.rejected).toEqual([]);
    expect(loaded.state.recent.map((e) => e.id)).toEqual([a.id]);
    const parts = (loaded.problem ?? '').split('; ');
    expect(parts.slice(0, 3)).toEqual(['2 pending entries were unreadable', 'outbox rejected list is missing or not a list', '1 recent entry was unreadable']);
    expect(parts[3]).toContain("set aside under 'outbox.quarantine.1'");
  });

  it('outbox codec - one unreadable refused entry is counted in the singular', () => {
    const refusedOne = makeRecord();
    const loaded = loadOutbox(legacy({ v: 1, pending: [], rejected: [rejected(refusedOne), 'junk'], recent: [] }));
    expect(loaded.problem).toContain('1 rejected entry was unreadable');
    expect(loaded.state.rejected.map((e) => e.id)).toEqual([refusedOne.id]);
  });

  it('outbox codec - a session listed twice in an older outbox is kept once', () => {
    const record = makeRecord();
    const loaded = loadOutbox(legacy({ v: 1, pending: [pending(record), pending(record, { attempts: 2 })], rejected: [], recent: [] }));
    expect(loaded.state.pending).toEqual([{ id: record.id, record, attempts: 0 }]);
  });

  it('outbox codec - an entry whose id is not text, or differs from its record\'s id, is unreadable', () => {
    const record = makeRecord();
    const other = makeRecord();
    const numbered = { ...record, id: 5 };
    const loaded = loadOutbox(legacy({ v: 1, pending: [{ id: 5, record: numbered, attempts: 0 }, { id: other.id, record, attempts: 0 }, pending(other)], rejected: [], recent: [] }));
    expect(loaded.state.pending.map((e) => e.id)).toEqual([other.id]);
    expect(loaded.problem).toContain('2 pending entries were unreadable');
  });

  it('outbox codec - a damaged attempt count reads as no attempts; a good one is kept', () => {
    const [a, b, c] = makeRecords(3) as [SessionRecord, SessionRecord, SessionRecord];
    const loaded = loadOutbox(legacy({ v: 1, pending: [pending(a, { attempts: -3 }), pending(b, { attempts: 1.5 }), pending(c, { attempts: 4, lastError: 'code 2' })], rejected: [], recent: [] }));
    expect(loaded.state.pending.map((e) => [e.id, e.attempts])).toEqual([[a.id, 0], [b.id, 0], [c.id, 4]]);
    expect(loaded.state.pending[2]?.lastError).toBe('code 2');
  });

  it('outbox codec - a refused entry whose reason was lost stays refused and says the reason was lost', () => {
    const record = makeRecord();
    const loaded = loadOutbox(legacy({ v: 1, pending: [], rejected: [{ id: record.id, record }], recent: [] }));
    expect(loaded.state.rejected).toHaveLength(1);
    expect(loaded.state.rejected[0]?.reason).toContain('reason lost');
    expect(loaded.state.rejected[0]?.rejectedAt).toBe(0);
  });

  it('outbox codec - a value that is not JSON, not an object, or from a newer Knead gives an empty outbox and says why', () => {
    expect(decodeOutbox('{"v":1,"pend')).toEqual({ state: { v: 1, pending: [], rejected: [], recent: [] }, problem: 'outbox storage is not valid JSON' });
    expect(decodeOutbox('[1,2]')).toEqual({ state: { v: 1, pending: [], rejected: [], recent: [] }, problem: 'outbox storage is not an object' });
    const newer = decodeOutbox(JSON.stringify({ v: 2, pending: [pending(makeRecord())], rejected: [], recent: [] }));
    expect(newer.state.pending).toEqual([]);
    expect(newer.problem).toContain('outbox storage version 2 is newer');
    expect(newer.problem).toContain('update Knead');
  });
});

describe('outbox codec - recent entries History shows', () => {
  it('outbox codec - a recent entry keeps its status, whichever it is', () => {
    for (const status of ['completed', 'stopped', 'pain'] as const) {
      const entry = JSON.parse(JSON.stringify(summarize(makeRecord({ status })))) as unknown;
      expect(decodeRecent(entry)?.status).toBe(status);
    }
    expect(decodeRecent({ ...summarize(makeRecord()), status: 'exploded' })).toBeUndefined();
  });

  it('outbox codec - a session with no massage time (stopped at once) keeps 0, not "unknown"', () => {
    expect(decodeRecent({ ...summarize(makeRecord()), massageMs: 0 })?.massageMs).toBe(0);
  });

  it('outbox codec - a skipped list with one damaged step is dropped whole and the entry kept', () => {
    const base = summarize(makeRecord());
    const good = decodeRecent({ ...base, skipped: [{ area: 'neck', side: 'both' }] });
    expect(good?.skipped).toEqual([{ area: 'neck', side: 'both' }]);
    const damaged = decodeRecent({ ...base, skipped: [{ area: 'neck', side: 'both' }, { area: 'moon', side: 'left' }] });
    expect(damaged?.id).toBe(base.id);
    expect(damaged?.skipped).toBeUndefined();
  });
});
