// Custom routine editor: the routine being edited is a draft in UI state; "Save routine" puts it
// into the plan through core's savePlan, whose validation messages are shown unchanged.

import type { Routine, Step, TherapistPlan } from '../core/routines/model';
import { AREAS, SIDES, TOOLS } from '../core/routines/model';
import { ROUTINE_LIMITS } from '../core/routines/routine-validation';
import { routineLength } from '../core/routines/routine-length';
import { checkDraft } from '../core/phone/routine-draft';
import type { FieldMessage } from '../core/phone/routine-draft';
import type { Translate } from '../core/phone/messages';
import { isPlainObject, parseJson } from '../core/kernel/json';
import type { KeyValueStore } from '../core/kernel/store';
import { applyPlanEdit, emptyPlan } from './plan-view';
import { UI, uiGet, uiSet } from './ui-state';
import { tr } from './text';

interface Draft {
  /** Id of the routine being edited; absent for a new one. */
  readonly originalId?: string;
  readonly routine: Routine;
}

const NEW_STEP: Step = { area: 'neck', side: 'both', seconds: 60, tool: 'hands', hint: '' };

function readDraft(store: KeyValueStore): Draft | null {
  const raw = uiGet(store, UI.routineDraft);
  if (raw === undefined) return null;
  const parsed = parseJson(raw, 'routine draft');
  if (!parsed.ok || !isPlainObject(parsed.value) || !isPlainObject(parsed.value['routine'])) return null;
  // The draft is shown as typed; core validates it on save.
  return parsed.value as unknown as Draft;
}

function writeDraft(store: KeyValueStore, draft: Draft | null): void {
  uiSet(store, { [UI.routineDraft]: draft === null ? undefined : JSON.stringify(draft) });
}

/** An id from the name for new routines: lower-case letters, digits and dashes, as core requires. */
export function idFromName(name: string, taken: readonly string[]): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, ROUTINE_LIMITS.idMaxLength - 4) || 'routine';
  let id = `my-${base}`.slice(0, ROUTINE_LIMITS.idMaxLength);
  for (let n = 2; taken.indexOf(id) >= 0; n += 1) id = `my-${base}-${n}`.slice(0, ROUTINE_LIMITS.idMaxLength);
  return id;
}

export function routineEditorSection(store: KeyValueStore, stored: TherapistPlan | null, now: number, t: Translate): SettingsNode {
  const plan = stored === null ? emptyPlan(now) : stored;
  const draft = readDraft(store);
  const message = uiGet(store, UI.routineMessage);
  const children: SettingsChild[] = [];
  for (const routine of plan.customRoutines) {
    const length = routineLength(routine);
    children.push(Text({ paragraph: true }, [tr(length.steps === 1 ? 'set.routines.line-one' : 'set.routines.line', { name: routine.name, steps: length.steps, time: length.clock })]));
    children.push(Button({ label: tr('set.routines.edit', { name: routine.name }), onClick: () => writeDraft(store, { originalId: routine.id, routine }) }));
    children.push(
      Button({
        label: tr('set.routines.delete', { name: routine.name }),
        color: 'secondary',
        onClick: () => {
          const next = { ...plan, customRoutines: plan.customRoutines.filter((r) => r.id !== routine.id), assignedRoutineIds: plan.assignedRoutineIds.filter((id) => id !== routine.id) };
          applyPlanEdit(store, next, now, UI.routineMessage);
        },
      }),
    );
  }
  if (draft === null) {
    children.push(Button({ label: tr('set.routines.new'), onClick: () => writeDraft(store, { routine: { id: '', name: '', steps: [NEW_STEP] } }) }));
  } else {
    children.push(draftEditor(store, plan, draft, now, t));
  }
  if (message !== undefined) children.push(Text({ paragraph: true }, [message]));
  return Section({ title: tr('set.routines') }, children);
}

function draftEditor(store: KeyValueStore, plan: TherapistPlan, draft: Draft, now: number, t: Translate): SettingsNode {
  const routine = draft.routine;
  const steps = Array.isArray(routine.steps) ? routine.steps : [];
  // Any edit clears the last save message; field messages come from the draft itself below.
  const update = (next: Routine): void => {
    writeDraft(store, { ...draft, routine: next });
    uiSet(store, { [UI.routineMessage]: undefined });
  };
  const check = checkDraft({ ...routine, steps }, plan);
  // Area names inside messages are ids ('area.neck'): translate them with core's `t`.
  const say = (m: FieldMessage): string => {
    const values: Record<string, string | number> = {};
    for (const key of Object.keys(m.values)) {
      const v = m.values[key] as string | number;
      values[key] = typeof v === 'string' && v.indexOf('area.') === 0 ? t(v) : v;
    }
    return tr(m.id, values);
  };
  const messagesFor = (field: string): SettingsChild[] =>
    check.errors.filter((m) => m.field === field).map((m) => Text({ paragraph: true, style: { color: '#b00020' } }, [`⚠ ${say(m)}`]))
      .concat(check.warnings.filter((m) => m.field === field).map((m) => Text({ paragraph: true, style: { color: '#8a5a00' } }, [say(m)])));
  const length = routineLength({ steps });
  const setStep = (index: number, change: Partial<Step>): void => update({ ...routine, steps: steps.map((s, i) => (i === index ? { ...s, ...change } : s)) });
  const options = (values: readonly string[], label: (v: string) => string): { name: string; value: string }[] => values.map((v) => ({ name: label(v), value: v }));
  const children: SettingsChild[] = [
    TextInput({ label: tr('set.routines.name'), value: typeof routine.name === 'string' ? routine.name : '', maxLength: ROUTINE_LIMITS.nameMaxLength, onChange: (name: string) => update({ ...routine, name }) }),
    ...messagesFor('name'),
    Text({ paragraph: true }, [tr(length.steps === 1 ? 'set.routines.length-one' : 'set.routines.length', { steps: length.steps, time: length.clock })]),
    ...messagesFor('steps'),
  ];
  steps.forEach((step, index) => {
    children.push(Text({ bold: true }, [tr('set.routines.step', { n: index + 1 })]));
    const at = `steps[${index}]`;
    children.push(...messagesFor(at));
    children.push(Select({ label: tr('set.routines.area'), options: options(AREAS, (a) => t(`area.${a}`)), value: step.area, onChange: (area: string) => setStep(index, { area: area as Step['area'] }) }));
    children.push(...messagesFor(`${at}.area`));
    children.push(Select({ label: tr('set.routines.side'), options: options(SIDES, (s) => t(`side.${s}`)), value: step.side, onChange: (side: string) => setStep(index, { side: side as Step['side'] }) }));
    children.push(...messagesFor(`${at}.side`));
    children.push(Slider({ label: tr('set.routines.seconds', { seconds: step.seconds }), min: ROUTINE_LIMITS.minStepSeconds, max: ROUTINE_LIMITS.maxStepSeconds, step: 5, value: step.seconds, onChange: (seconds: number) => setStep(index, { seconds }) }));
    children.push(...messagesFor(`${at}.seconds`));
    children.push(Select({ label: tr('set.routines.tool'), options: options(TOOLS, (x) => tr(`set.tool.${x}`)), value: step.tool, onChange: (tool: string) => setStep(index, { tool: tool as Step['tool'] }) }));
    children.push(...messagesFor(`${at}.tool`));
    children.push(TextInput({ label: tr('set.routines.hint'), value: step.hint, maxLength: ROUTINE_LIMITS.hintMaxLength, onChange: (hint: string) => setStep(index, { hint }) }));
    children.push(...messagesFor(`${at}.hint`));
    children.push(Button({ label: tr('set.routines.remove-step', { n: index + 1 }), color: 'secondary', onClick: () => update({ ...routine, steps: steps.filter((_s, i) => i !== index) }) }));
  });
  children.push(Button({ label: tr('set.routines.add-step'), onClick: () => update({ ...routine, steps: steps.concat([NEW_STEP]) }) }));
  children.push(
    Button({
      label: tr('set.routines.save'),
      onClick: () => {
        // The marked fields say what to fix; savePlan would refuse the same draft anyway.
        if (check.errors.length > 0) {
          uiSet(store, { [UI.routineMessage]: tr(check.errors.length === 1 ? 'set.routines.fix-one' : 'set.routines.fix', { count: check.errors.length }) });
          return;
        }
        const others = plan.customRoutines.filter((r) => r.id !== draft.originalId);
        const id = draft.originalId !== undefined ? draft.originalId : idFromName(String(routine.name), others.map((r) => r.id));
        const saved = { ...routine, id };
        const customRoutines = draft.originalId === undefined ? plan.customRoutines.concat([saved]) : plan.customRoutines.map((r) => (r.id === draft.originalId ? saved : r));
        if (applyPlanEdit(store, { ...plan, customRoutines }, now, UI.routineMessage)) writeDraft(store, null);
      },
    }),
  );
  children.push(Button({ label: tr('set.cancel'), color: 'secondary', onClick: () => uiSet(store, { [UI.routineDraft]: undefined, [UI.routineMessage]: undefined }) }));
  return View({}, children);
}
