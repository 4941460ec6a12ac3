// The therapist page (therapist/index.html): a form for the plan, and the code the client pastes
// into Knead's Settings App. Everything that decides what a valid plan is, and the code itself,
// is core's (validatePlan, encodePlanCode): this file only reads the form and shows results.
// Static, no network: scripts/therapist.mjs inlines this bundle into the page.

import { LIBRARY, LIBRARY_MESSAGES } from '../../core/routines/library';
import type { Area, AreaAdvice, Routine, Side, Step, TherapistPlan, Tool } from '../../core/routines/model';
import { AREAS, PLAN_VERSION, SIDES, TOOLS } from '../../core/routines/model';
import { decodePlanCode, encodePlanCode } from '../../core/routines/plan-code';
import { MAX_PLAN_NOTE_LENGTH, MAX_TECHNIQUE_LENGTH, MAX_WEEKLY_TARGET, validatePlan } from '../../core/routines/plan-validation';
import { PHONE_MESSAGES } from '../../core/phone/messages';
import { formatProblem } from '../../core/kernel/result';
import { ROUTINE_LIMITS } from '../../core/routines/routine-validation';
import { routineLength } from '../../core/routines/routine-length';

const TOOL_NAMES: Readonly<Record<Tool, string>> = { hands: 'Hands', 'massage-ball': 'Massage ball', 'foam-roller': 'Foam roller', other: 'Other' };
const SIDE_NAMES: Readonly<Record<Side, string>> = { left: 'Left', right: 'Right', both: 'Both' };
const areaName = (a: Area): string => PHONE_MESSAGES[`area.${a}`] ?? a;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function options(select: HTMLSelectElement, values: ReadonlyArray<readonly [string, string]>, selected: string): HTMLSelectElement {
  for (const [value, label] of values) {
    const option = el('option', { value }, [label]);
    if (value === selected) option.selected = true;
    select.append(option);
  }
  return select;
}

const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`therapist page: #${id} is missing`);
  return node as T;
};

// ---- the form -------------------------------------------------------------------------------

function buildAreaRows(): void {
  const body = byId<HTMLTableSectionElement>('areas');
  for (const area of AREAS) {
    const role = options(el('select', { 'data-area': area, 'data-field': 'role', 'aria-label': `${areaName(area)}: focus or avoid` }), [['', '—'], ['focus', 'Focus'], ['avoid', 'Avoid']], '');
    const tool = options(el('select', { 'data-area': area, 'data-field': 'tool', 'aria-label': `${areaName(area)}: tool` }), [['', '—'] as const, ...TOOLS.map((t) => [t, TOOL_NAMES[t]] as const)], '');
    const technique = el('input', { 'data-area': area, 'data-field': 'technique', 'aria-label': `${areaName(area)}: technique`, maxlength: String(MAX_TECHNIQUE_LENGTH), placeholder: 'one line, e.g. slow strokes toward the heart' });
    body.append(el('tr', {}, [el('th', { scope: 'row' }, [areaName(area)]), el('td', {}, [role]), el('td', {}, [tool]), el('td', {}, [technique])]));
  }
}

function buildLibraryList(): void {
  const list = byId<HTMLElement>('library');
  for (const routine of LIBRARY) {
    const length = routineLength(routine);
    const box = el('input', { type: 'checkbox', 'data-assign': routine.id });
    list.append(el('label', {}, [box, ` ${LIBRARY_MESSAGES[routine.name] ?? routine.name} (${length.steps} steps · ${length.clock})`]));
  }
}

const NEW_STEP: Step = { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' };

function stepRow(step: Step): HTMLTableRowElement {
  const area = options(el('select', { 'data-field': 'area', 'aria-label': 'area' }), AREAS.map((a) => [a, areaName(a)] as const), step.area);
  const side = options(el('select', { 'data-field': 'side', 'aria-label': 'side' }), SIDES.map((s) => [s, SIDE_NAMES[s]] as const), step.side);
  const seconds = el('input', { 'data-field': 'seconds', 'aria-label': 'seconds', type: 'number', min: String(ROUTINE_LIMITS.minStepSeconds), max: String(ROUTINE_LIMITS.maxStepSeconds), step: '5', value: String(step.seconds) });
  const tool = options(el('select', { 'data-field': 'tool', 'aria-label': 'tool' }), TOOLS.map((t) => [t, TOOL_NAMES[t]] as const), step.tool);
  const hint = el('input', { 'data-field': 'hint', 'aria-label': 'hint', maxlength: String(ROUTINE_LIMITS.hintMaxLength), value: step.hint });
  const remove = el('button', { type: 'button', class: 'remove-step' }, ['Remove']);
  const row = el('tr', { class: 'step' }, [el('td', {}, [area]), el('td', {}, [side]), el('td', {}, [seconds]), el('td', {}, [tool]), el('td', {}, [hint]), el('td', {}, [remove])]);
  remove.addEventListener('click', () => row.remove());
  return row;
}

function addRoutine(): void {
  const list = byId<HTMLElement>('routines');
  const n = list.querySelectorAll('.routine').length + 1;
  const steps = el('tbody');
  steps.append(stepRow(NEW_STEP));
  const addStep = el('button', { type: 'button', class: 'add-step' }, ['Add a step']);
  addStep.addEventListener('click', () => steps.append(stepRow(NEW_STEP)));
  const removeRoutine = el('button', { type: 'button', class: 'remove-routine' }, ['Remove this routine']);
  const box = el('fieldset', { class: 'routine' }, [
    el('legend', {}, [`Routine ${n}`]),
    el('label', {}, ['Name ', el('input', { 'data-field': 'name', maxlength: String(ROUTINE_LIMITS.nameMaxLength), placeholder: 'e.g. Neck after work' })]),
    el('label', {}, [' ', el('input', { type: 'checkbox', 'data-field': 'assigned', checked: 'checked' }), ' show it first on the watch (assigned)']),
    el('table', {}, [el('thead', {}, [el('tr', {}, ['Area', 'Side', 'Seconds', 'Tool', 'Hint', ''].map((h) => el('th', {}, [h])))]), steps]),
    addStep,
    removeRoutine,
  ]);
  removeRoutine.addEventListener('click', () => box.remove());
  list.append(box);
}

/** Custom routine ids from the order on the page: stable, valid, never a built-in id. */
const routineId = (index: number): string => `therapist-${index + 1}`;

function readPlan(now: number): TherapistPlan {
  const value = (node: Element | null): string => (node === null ? '' : (node as HTMLInputElement | HTMLSelectElement).value);
  const focusAreas: Area[] = [];
  const avoidAreas: Area[] = [];
  const advice: AreaAdvice[] = [];
  for (const area of AREAS) {
    const role = value(document.querySelector(`[data-area="${area}"][data-field=role]`));
    if (role === 'focus') focusAreas.push(area);
    if (role === 'avoid') avoidAreas.push(area);
    const tool = value(document.querySelector(`[data-area="${area}"][data-field=tool]`));
    const technique = value(document.querySelector(`[data-area="${area}"][data-field=technique]`)).trim();
    if (tool !== '' || technique !== '') advice.push({ area, tool: (tool === '' ? 'hands' : tool) as Tool, technique });
  }
  const customRoutines: Routine[] = [];
  const assignedCustom: string[] = [];
  document.querySelectorAll('#routines .routine').forEach((box, index) => {
    const steps: Step[] = [];
    box.querySelectorAll('tr.step').forEach((row) => {
      const field = (name: string): string => value(row.querySelector(`[data-field=${name}]`));
      steps.push({ area: field('area') as Area, side: field('side') as Side, seconds: Number(field('seconds')), tool: field('tool') as Tool, hint: field('hint').trim() });
    });
    const id = routineId(index);
    customRoutines.push({ id, name: value(box.querySelector('[data-field=name]')).trim(), steps });
    if ((box.querySelector('[data-field=assigned]') as HTMLInputElement | null)?.checked === true) assignedCustom.push(id);
  });
  const assignedBuiltIn = [...document.querySelectorAll<HTMLInputElement>('[data-assign]')].filter((b) => b.checked).map((b) => b.dataset['assign'] as string);
  const note = byId<HTMLTextAreaElement>('note').value.trim();
  const plan: TherapistPlan = {
    v: PLAN_VERSION,
    focusAreas,
    avoidAreas,
    weeklyTarget: Number(byId<HTMLInputElement>('target').value),
    assignedRoutineIds: assignedBuiltIn.concat(assignedCustom),
    customRoutines,
    updatedAt: now,
  };
  const withAdvice = advice.length === 0 ? plan : { ...plan, advice };
  return note === '' ? withAdvice : { ...withAdvice, note };
}

/** Problem paths in the therapist's words: customRoutines[0].steps[1].seconds → Routine 1, step 2, seconds. */
function describePath(path: string): string {
  return path
    .replace(/customRoutines\[(\d+)\]/, (_m, i: string) => `Routine ${Number(i) + 1}`)
    .replace(/\.steps\[(\d+)\]/, (_m, i: string) => `, step ${Number(i) + 1}`)
    .replace(/advice\[(\d+)\]/, 'advice')
    .replace(/\./g, ' ');
}

function makeCode(): void {
  const out = byId<HTMLTextAreaElement>('code');
  const problems = byId<HTMLElement>('problems');
  problems.replaceChildren();
  const plan = readPlan(Date.now());
  const checked = validatePlan(plan);
  if (!checked.ok) {
    out.value = '';
    byId<HTMLElement>('code-info').textContent = '';
    for (const p of checked.problems) problems.append(el('li', {}, [formatProblem({ path: describePath(p.path), message: p.message })]));
    return;
  }
  const code = encodePlanCode(checked.value);
  out.value = code;
  byId<HTMLElement>('code-info').textContent = `${code.length} characters. Send it to your client: in Knead's phone settings, Plan → Paste a plan code.`;
}

function checkCode(): void {
  const decoded = decodePlanCode(byId<HTMLTextAreaElement>('check-input').value);
  byId<HTMLElement>('check-result').textContent = decoded.ok
    ? `Valid code: focus ${decoded.plan.focusAreas.map(areaName).join(', ') || 'none'}; avoid ${decoded.plan.avoidAreas.map(areaName).join(', ') || 'none'}; ${decoded.plan.weeklyTarget} per week; ${decoded.plan.customRoutines.length} custom routine(s).`
    : decoded.reason;
}

function start(): void {
  byId<HTMLInputElement>('target').max = String(MAX_WEEKLY_TARGET);
  byId<HTMLTextAreaElement>('note').maxLength = MAX_PLAN_NOTE_LENGTH;
  buildAreaRows();
  buildLibraryList();
  byId('add-routine').addEventListener('click', addRoutine);
  byId('make-code').addEventListener('click', makeCode);
  byId('copy-code').addEventListener('click', () => {
    const out = byId<HTMLTextAreaElement>('code');
    out.select();
    // Clipboard access may be refused on file://; the selected text can still be copied by hand.
    void navigator.clipboard?.writeText(out.value).catch(() => undefined);
  });
  byId('check-code').addEventListener('click', checkCode);
  document.body.dataset['ready'] = '1';
}

start();
