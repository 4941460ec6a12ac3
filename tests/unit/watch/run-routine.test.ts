// What the next run gets and what its record will say (#14): the plan's own times travel beside the
// adapted and progressed ones (an added area's plan time is 0); the watch's progression answers go
// with the next saved record, so they reach the phone; a damaged answers key reads as no answers.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/routines/model';
import { DESK_RESET } from '../../../core/routines/library';
import { lastSummary, saveFinished } from '../../../core/watch/finish';
import { loadProgression, saveProgression } from '../../../core/watch/progression-store';
import { routineForRun } from '../../../core/watch/run-routine';
import { outboxStatus } from '../../../core/sync/outbox';
import { MemoryStore } from '../../fixtures/memory-store';
import { makePlan } from '../../fixtures/plans';
import { makeCheckIn, makeRecord } from '../../fixtures/records';

const WEEK = 20_514;

describe('run routine', () => {
  it('run routine - as planned: the base is exactly the run\'s own times', () => {
    const run = routineForRun(DESK_RESET, null, DEFAULT_SETTINGS, new MemoryStore());
    expect(run.baseSeconds).toEqual(DESK_RESET.steps.map((s) => s.seconds));
  });

  it('run routine - an accepted area and more time: the plan\'s times stay the base, the calves\' base is 0 (not in the plan\'s routine)', () => {
    const store = new MemoryStore();
    saveProgression(store, { decisions: [{ week: WEEK, choice: 'accepted', area: 'calves' }, { week: WEEK + 35, choice: 'accepted' }] });
    const plan = makePlan({ focusAreas: ['neck'], avoidAreas: [] });
    const run = routineForRun(DESK_RESET, plan, DEFAULT_SETTINGS, store);
    // Desk reset: neck 60 s (focus: 90 s by the plan), traps 45, shoulders 40, forearms 45 a side; calves 60 a side from the library.
    expect(run.baseSeconds).toEqual([90, 45, 45, 40, 40, 45, 45, 0, 0]);
    // +10 % a step, rounded up to 5 s: 90 → 100, 45 → 50, 40 → 45, calves 60 → 70.
    expect(run.routine.steps.map((s) => s.seconds)).toEqual([100, 50, 50, 45, 45, 50, 50, 70, 70]);
  });

  it('run routine - an area the plan now avoids is neither run nor given a base', () => {
    const store = new MemoryStore();
    saveProgression(store, { decisions: [{ week: WEEK, choice: 'accepted', area: 'calves' }] });
    const run = routineForRun(DESK_RESET, makePlan({ focusAreas: [], avoidAreas: ['calves', 'neck'] }), DEFAULT_SETTINGS, store);
    expect(run.routine.steps.map((s) => s.area)).not.toContain('calves');
    expect(run.routine.steps.map((s) => s.area)).not.toContain('neck');
    expect(run.baseSeconds).toHaveLength(run.routine.steps.length);
  });

  it('finish - a saved record carries the watch\'s progression answers to the phone; with none it carries nothing new', () => {
    const store = new MemoryStore();
    saveFinished(store, makeRecord({ minutesAfterBase: 0 }), [makeCheckIn()]);
    expect(outboxStatus(store).pending).toBe(1);
    const answers = [{ week: WEEK, choice: 'declined' as const }, { week: WEEK + 35, choice: 'accepted' as const, area: 'calves' as const }];
    saveProgression(store, { decisions: answers });
    const saved = saveFinished(store, makeRecord({ minutesAfterBase: 60 }));
    expect(saved.record.progression).toEqual(answers);
    const first = saveFinished(new MemoryStore(), makeRecord({ minutesAfterBase: 120 }));
    expect('progression' in first.record).toBe(false);
  });

  it('progression store - only well-formed answers are read back; damage reads as no answers', () => {
    const store = new MemoryStore();
    store.setItem('knead.progression', JSON.stringify({ decisions: [{ week: WEEK, choice: 'accepted', area: 'calves' }, { week: 'x', choice: 'accepted' }, { week: WEEK, choice: 'maybe' }, { week: WEEK, choice: 'declined', area: 'elbow' }] }));
    expect(loadProgression(store).decisions).toEqual([{ week: WEEK, choice: 'accepted', area: 'calves' }]);
    store.setItem('knead.progression', '{"broken');
    expect(loadProgression(store).decisions).toEqual([]);
    store.setItem('knead.progression', '{"decisions": 3}');
    expect(loadProgression(store).decisions).toEqual([]);
  });
  it('finish - a record saved again (recovery) keeps the answers it first carried, whatever the watch holds now', () => {
    const store = new MemoryStore();
    const first = [{ week: WEEK, choice: 'declined' as const }];
    const record = { ...makeRecord({ minutesAfterBase: 300 }), progression: first };
    saveProgression(store, { decisions: [{ week: WEEK + 35, choice: 'accepted' }] });
    expect(saveFinished(store, record).record.progression).toEqual(first);
  });

  it('finish - the Summary copy: the saved record is read back; nothing saved or a damaged copy reads as none', () => {
    const store = new MemoryStore();
    expect(lastSummary(store)).toBeNull();
    const saved = saveFinished(store, makeRecord({ minutesAfterBase: 400 }));
    expect(lastSummary(store)).toEqual(saved.record);
    store.setItem('knead.last-summary', '{"broken');
    expect(lastSummary(store)).toBeNull();
    store.setItem('knead.last-summary', JSON.stringify({ id: 7 }));
    expect(lastSummary(store)).toBeNull();
  });
});
