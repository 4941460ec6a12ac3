// The import boundaries the README draws are enforced by ESLint; each case here is a deliberate
// break, linted as if it were a file in that folder, and must be refused with the boundary's message.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const breaks: ReadonlyArray<readonly [string, string, string, RegExp]> = [
  ['core imports a Zepp OS module', 'core/engine/broken.ts', "import { createWidget } from '@zos/ui';", /core\/ is pure TypeScript/],
  ['core imports a watch adapter', 'core/engine/broken.ts', "import { playCue } from '../../platform/vibrator';", /platform adapters/],
  ['core imports a page', 'core/watch/broken.ts', "import { kit } from '../../page/kit';", /shells that use it/],
  ['core imports Node', 'core/broken.ts', "import { readFileSync } from 'node:fs';", /no Node modules/],
  ['the engine imports a watch-only rule', 'core/engine/broken.ts', "import { findRoutine } from '../watch/home';", /shared by both devices/],
  ['sync imports a phone-only rule', 'core/sync/broken.ts', "import { addRecords } from '../phone/history-store';", /shared by both devices/],
  ['a watch rule imports a phone rule', 'core/watch/broken.ts', "import { addRecords } from '../phone/history-store';", /core\/watch never imports core\/phone/],
  ['a phone rule imports a watch rule', 'core/phone/broken.ts', "import { findRoutine } from '../watch/home';", /core\/phone never imports core\/watch/],
  ['the kernel imports a routine rule', 'core/kernel/broken.ts', "import { LIBRARY } from '../routines/library';", /core\/kernel never imports core\/routines/],
  ['a routine rule imports the settings', 'core/routines/broken.ts', "import { mergeSettings } from '../settings/settings-merge';", /core\/routines never imports core\/settings/],
  ['the settings import a record rule', 'core/settings/broken.ts', "import { validateRecord } from '../records/record-validation';", /core\/settings never imports core\/records/],
  ['a record rule imports the engine', 'core/records/broken.ts', "import { transition } from '../engine';", /core\/records never imports core\/engine/],
  ['sync imports the engine', 'core/sync/broken.ts', "import { transition } from '../engine';", /core\/sync never imports core\/engine/],
  ['core/watch still may not import a Zepp OS module', 'core/watch/broken.ts', "import { Vibrator } from '@zos/sensor';", /core\/ is pure TypeScript/],
  ['a page imports the simulator', 'page/home/broken.ts', "import { Simulation } from '../../sim/platform/simulation';", /never imports the simulator/],
  ['the app service imports the preview', 'app-service/broken.ts', "import { start } from '../preview/src/main';", /browser preview/],
  ['a watch adapter imports the side service', 'platform/broken.ts', "import { onRequest } from '../app-side/requests';", /never imports the phone side/],
  ['the Settings App imports side-service internals', 'setting/broken.ts', "import { handle } from '../app-side/requests';", /through storage only/],
  ['the side service imports a Settings App view', 'app-side/broken.ts', "import { view } from '../setting/app-view';", /never imports Settings App views/],
  ['the side service imports a Zepp OS watch module', 'app-side/broken.ts', "import { Vibrator } from '@zos/sensor';", /no @zos modules/],
  ['the Settings App imports a page', 'setting/broken.ts', "import { kit } from '../page/kit';", /never imports watch code/],
  ['a page imports Zepp OS words past page/text', 'page/home/index.page.ts', "import { getText } from '@zos/i18n';", /only through platform\/ adapters and page\/text/],
  ['a page navigates past platform/router', 'page/summary/index.page.ts', "import { back } from '@zos/router';", /only through platform\/ adapters/],
  ['a page helper reads the system past platform/', 'page/reminder-texts.ts', "import { getSystemInfo } from '@zos/settings';", /only through platform\/ adapters/],
  ['a layout does more than draw', 'page/home/index.r.layout.ts', "import { Vibrator } from '@zos/sensor';", /A layout only draws/],
  ['page/text reads more than words', 'page/text.ts', "import { push } from '@zos/router';", /only reads words/],
];

async function syntaxErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

// Pages are wiring: time from the injected clock, state per page instance.
const pageBreaks: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['a page reads Date.now()', 'export function at(): number {\n  return Date.now();\n}\n', /injected clock/],
  ['a page makes a new Date()', 'export function at(): number {\n  return new Date().getTime();\n}\n', /injected clock/],
  ['a page keeps module-level mutable state', 'let shown = 0;\nexport function bump(): number {\n  shown += 1;\n  return shown;\n}\n', /No module-level mutable state/],
];

describe('lint boundaries', () => {
  for (const [name, file, source, message] of breaks) {
    it(`lint boundaries - ${name} is refused`, async () => {
      const errors = await importErrors(file, `${source}\nexport const used = typeof ${source.match(/\{ (\w+) \}/)?.[1] ?? 'undefined'};\n`);
      expect(errors.length, `${file}: ${source}`).toBe(1);
      expect(errors[0]).toMatch(message);
    });
  }

  for (const [name, source, message] of pageBreaks) {
    it(`lint boundaries - ${name} is refused`, async () => {
      const errors = await syntaxErrors('page/home/index.page.ts', source);
      expect(errors.length, source).toBe(1);
      expect(errors[0]).toMatch(message);
    });
  }

  it('lint boundaries - a page keeps state inside its factory, a layout draws with @zos/ui, page/text reads @zos/i18n', async () => {
    expect(await syntaxErrors('page/home/index.page.ts', 'export function homePage() {\n  let shown = 0;\n  return { bump: () => (shown += 1) };\n}\n')).toEqual([]);
    expect(await importErrors('page/home/index.r.layout.ts', "import { createWidget } from '@zos/ui';\nexport const w = createWidget;\n")).toEqual([]);
    expect(await importErrors('page/text.ts', "import { getText } from '@zos/i18n';\nexport const g = getText;\n")).toEqual([]);
  });

  it('lint boundaries - allowed imports pass: a page uses core, the Settings App uses core', async () => {
    expect(await importErrors('page/home/fine.ts', "import { transition } from '../../core/engine';\nexport const t = transition;\n")).toEqual([]);
    expect(await importErrors('setting/fine.ts', "import { settingsKeyValueStore } from '../core/kernel/store';\nexport const s = settingsKeyValueStore;\n")).toEqual([]);
  });
});
