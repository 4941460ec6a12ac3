// Paste a plan code: the therapist's page (therapist/index.html) gives a code; pasting it here
// shows exactly what would change (core/phone/plan-changes) and waits for Accept or Decline.
// A bad code gets core's reason, translated. The pasted code waits in UI state until answered.

import type { TherapistPlan } from '../core/routines/model';
import { decodePlanCode } from '../core/routines/plan-code';
import { describePlanChanges, mergeCodePlan } from '../core/phone/plan-changes';
import { savePlan } from '../core/routines/plan-store';
import type { Translate } from '../core/phone/messages';
import { describeProblems } from '../core/kernel/result';
import type { KeyValueStore } from '../core/kernel/store';
import { UI, uiGet, uiSet } from './ui-state';
import { tr } from './text';

/** The translated reason a code is refused ('set.' + core's message id). */
function refusal(code: string): string | null {
  const decoded = decodePlanCode(code);
  return decoded.ok ? null : tr(`set.${decoded.id}`, decoded.values);
}

export function planCodeSection(store: KeyValueStore, current: TherapistPlan | null, now: number, t: Translate): SettingsNode {
  const pending = uiGet(store, UI.planCode);
  const message = uiGet(store, UI.planCodeMessage);
  const children: SettingsChild[] = [Text({ paragraph: true }, [tr('set.code.explainer')])];
  const decoded = pending === undefined ? null : decodePlanCode(pending);
  if (decoded !== null && decoded.ok) {
    const next = mergeCodePlan(current, decoded.plan, now);
    const changes = describePlanChanges(current, next, t);
    children.push(Text({ bold: true }, [tr(changes.length === 0 ? 'set.code.no-changes' : 'set.code.changes')]));
    for (const line of changes) children.push(Text({ paragraph: true }, [`• ${line}`]));
    children.push(
      Button({
        label: tr('set.code.accept'),
        onClick: () => {
          // Taken again at the moment of the tap, so a plan edited meanwhile is not overwritten blindly.
          const saved = savePlan(store, mergeCodePlan(current, decoded.plan, Date.now()));
          uiSet(store, { [UI.planCode]: undefined, [UI.planCodeMessage]: saved.ok ? tr('set.code.accepted') : tr('set.not-saved', { problem: describeProblems(saved.problems) }) });
        },
      }),
    );
    children.push(Button({ label: tr('set.code.decline'), color: 'secondary', onClick: () => uiSet(store, { [UI.planCode]: undefined, [UI.planCodeMessage]: tr('set.code.declined') }) }));
  } else {
    children.push(
      TextInput({
        label: tr('set.code.paste'),
        placeholder: 'KNEAD1.…',
        value: '',
        multiline: true,
        onChange: (text: string) => {
          const reason = refusal(text);
          uiSet(store, reason === null ? { [UI.planCode]: text.replace(/\s+/g, ''), [UI.planCodeMessage]: undefined } : { [UI.planCode]: undefined, [UI.planCodeMessage]: tr('set.code.refused', { reason }) });
        },
      }),
    );
  }
  if (message !== undefined) children.push(Text({ paragraph: true }, [message]));
  return Section({ title: tr('set.code') }, children);
}
