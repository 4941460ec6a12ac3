// Home's routine list (docs/watch.md, page/home): the therapist's assigned routines first, marked ★,
// then ▶ the one started last (unless it is assigned: then it stays ★ in its place), then the rest
// (built-in, then custom), each routine exactly once.
import { describe, expect, it } from 'vitest';
import { homeList, homeModel } from '../../../core/watch/home';
import { LIBRARY } from '../../../core/routines/library';
import { makePlan, makeRoutine } from '../../fixtures/plans';

const ids = LIBRARY.map((r) => r.id);
const [first, second, third] = ids as [string, string, string];
const custom = makeRoutine({ id: 'my-neck' });

function listFor(assigned: string[], last: string | undefined): Array<[string, string]> {
  const plan = makePlan({ assignedRoutineIds: assigned, customRoutines: [custom] });
  const model = homeModel(plan, [], 0, last, Date.UTC(2026, 10, 30), 0);
  return homeList(model).map((e) => [e.routine.id, e.mark]);
}

describe('home list order', () => {
  it('home - assigned ★ first, then ▶ the last started, then the rest in library order, custom last; each once', () => {
    const list = listFor([third], second);
    expect(list.slice(0, 2)).toEqual([[third, 'assigned'], [second, 'last']]);
    const rest = ids.filter((id) => id !== third && id !== second).map((id) => [id, 'plain']);
    expect(list.slice(2)).toEqual([...rest, ['my-neck', 'plain']]);
  });

  it('home - the last started routine that is assigned stays ★ in the plan\'s order, with no ▶ entry', () => {
    const list = listFor([third, first], first);
    expect(list.slice(0, 2)).toEqual([[third, 'assigned'], [first, 'assigned']]);
    expect(list.filter(([, mark]) => mark === 'last')).toEqual([]);
    expect(new Set(list.map(([id]) => id)).size).toBe(list.length);
  });

  it('home - with no plan and nothing started yet the list is the library in order, all plain', () => {
    const model = homeModel(null, [], 0, undefined, Date.UTC(2026, 10, 30), 0);
    expect(homeList(model).map((e) => [e.routine.id, e.mark])).toEqual(ids.map((id) => [id, 'plain']));
  });
});
