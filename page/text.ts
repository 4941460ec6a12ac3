// Translated words for the pages: every visible string comes from page/i18n/*.po via getText.

import { getText } from '@zos/i18n';
import type { Area, Routine, Side, Tool } from '../core/model';
import { isMessageId } from '../core/watch/home';
import { fill } from '../core/watch/format';

export function t(id: string, values?: Readonly<Record<string, string | number>>): string {
  const text = getText(id);
  return values === undefined ? text : fill(text, values);
}

export function routineName(routine: Routine): string {
  return isMessageId(routine.name) ? getText(routine.name) : routine.name;
}

export function nameText(name: string): string {
  return isMessageId(name) ? getText(name) : name;
}

export function areaName(area: Area): string {
  return getText(`area.${area}`);
}

export function sideName(side: Side): string {
  return getText(`side.${side}`);
}

export function toolName(tool: Tool): string {
  return getText(`tool.${tool}`);
}
