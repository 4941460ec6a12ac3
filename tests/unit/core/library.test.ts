import { describe, expect, it } from 'vitest';
import { LIBRARY, LIBRARY_MESSAGES } from '../../../core/routines/library';
import { PAIRED_AREAS } from '../../../core/routines/model';
import { validateRoutine, validateRoutines } from '../../../core/routines/routine-validation';

describe('library', () => {
  it('library - has the six built-in routines', () => {
    expect(LIBRARY.map((routine) => routine.id)).toEqual([
      'desk-reset',
      'typing-hands',
      'tired-feet',
      'after-a-walk',
      'lower-back-unwind',
      'between-appointments',
    ]);
  });

  it.each(LIBRARY.map((routine) => [routine.id, routine] as const))('library - %s passes validateRoutine', (_id, routine) => {
    expect(validateRoutine(routine)).toEqual({ ok: true, value: routine });
  });

  it('library - ids are unique', () => {
    expect(validateRoutines(LIBRARY).ok).toBe(true);
  });

  it.each(LIBRARY.map((routine) => [routine.id, routine] as const))('library - %s lasts 4-10 minutes', (_id, routine) => {
    const seconds = routine.steps.reduce((sum, step) => sum + step.seconds, 0);
    expect(seconds).toBeGreaterThanOrEqual(240);
    expect(seconds).toBeLessThanOrEqual(600);
  });

  it('library - between appointments is a 10-minute round', () => {
    const routine = LIBRARY.find((candidate) => candidate.id === 'between-appointments');
    expect(routine?.steps.reduce((sum, step) => sum + step.seconds, 0)).toBe(600);
  });

  it('library - paired areas are worked left and right, in pairs', () => {
    for (const routine of LIBRARY) {
      for (const step of routine.steps) {
        if (PAIRED_AREAS.has(step.area)) expect(step.side).not.toBe('both');
      }
      const sides = (area: string, side: string): number => routine.steps.filter((step) => step.area === area && step.side === side).length;
      for (const step of routine.steps) expect(sides(step.area, 'left')).toBe(sides(step.area, 'right'));
    }
  });

  it('library - the routines work the areas their names promise', () => {
    const areas = (id: string): string[] => [...new Set(LIBRARY.find((routine) => routine.id === id)?.steps.map((step) => step.area))];
    expect(areas('desk-reset')).toEqual(['neck', 'upper-trapezius', 'shoulders', 'forearms']);
    expect(areas('typing-hands')).toEqual(['forearms', 'hands']);
    expect(areas('tired-feet')).toEqual(['feet']);
    expect(areas('after-a-walk')).toEqual(['calves', 'thighs']);
    expect(areas('lower-back-unwind')).toEqual(['lower-back', 'glutes']);
    expect(LIBRARY.find((routine) => routine.id === 'tired-feet')?.steps.every((step) => step.tool === 'massage-ball')).toBe(true);
    expect(LIBRARY.find((routine) => routine.id === 'after-a-walk')?.steps.every((step) => step.tool === 'foam-roller')).toBe(true);
  });

  it('library - every name and hint is a message id with English text, and no text is unused', () => {
    const ids = new Set<string>();
    for (const routine of LIBRARY) {
      ids.add(routine.name);
      for (const step of routine.steps) ids.add(step.hint);
    }
    for (const id of ids) expect(LIBRARY_MESSAGES[id], id).toMatch(/\S/);
    expect(Object.keys(LIBRARY_MESSAGES).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(id).toMatch(/^(routine|hint)\.[a-z0-9.-]+$/);
  });
});
