// The watch's shared chunk (scripts/shared.mjs): which modules app.js carries for the pages, and
// the rule that keeps them free of state every page would share.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.mjs';
import { pickShared, sharedModuleProblems } from '../../scripts/shared.mjs';
import { ROOT, copyOfSources, removeScratches } from './helpers';

afterAll(removeScratches);

describe('shared modules: what may be shared', () => {
  it('shared - module-level let, var, a Map made at load and a statement that runs are each refused with file and line', () => {
    const problems = sharedModuleProblems(
      'core/x.ts',
      ['export let count = 0;', 'var seen = 1;', 'const cache = new Map<string, number>();', 'register();', 'const queue: string[] = [];'].join('\n'),
    );
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^core\/x\.ts:1: module-level `let`/);
    expect(problems[1]).toMatch(/^core\/x\.ts:2: module-level `var`/);
    expect(problems[2]).toMatch(/^core\/x\.ts:3: `cache` is a mutable object/);
    expect(problems[3]).toMatch(/^core\/x\.ts:4: a statement that runs at load/);
    expect(problems[4]).toMatch(/^core\/x\.ts:5: `queue` is an empty container/);
  });

  it('shared - functions, types, constants and a Readonly set pass', () => {
    const source = [
      "import { y } from './y';",
      'export type T = number;',
      'export interface I { a: number }',
      'export const LIMIT = 3;',
      "export const NAMES = ['a', 'b'] as const;",
      "export const AREAS: ReadonlySet<string> = new Set(['neck']);",
      'export function f(): number { let local = 1; local += y; return local; }',
      'export class C { static readonly N = 1; }',
    ].join('\n');
    expect(sharedModuleProblems('core/ok.ts', source)).toEqual([]);
  });

  it('shared - a module two pages use is shared, one a single page uses is not, nor one importing the platform', () => {
    const root = '/r';
    const graph = (name: string, modules: Record<string, string[]>) => ({ name, entryIds: [`/r/page/${name}.ts`], modules: new Map(Object.entries(modules)) });
    const shared = pickShared(
      root,
      [
        graph('a', { '/r/page/a.ts': [], '/r/core/both.ts': ['/r/core/dep.ts'], '/r/core/dep.ts': [], '/r/core/only-a.ts': [], '/r/page/kit.ts': ['@zos/ui'] }),
        graph('b', { '/r/page/b.ts': [], '/r/core/both.ts': ['/r/core/dep.ts'], '/r/core/dep.ts': [], '/r/page/kit.ts': ['@zos/ui'] }),
      ],
      () => 'export const X = 1;',
    );
    expect([...shared.values()]).toEqual(['core/both', 'core/dep']);
  });

  it('shared - a module that would be shared but keeps state fails the plan naming it', () => {
    const graph = (name: string) => ({ name, entryIds: [`/r/page/${name}.ts`], modules: new Map([['/r/core/counter.ts', []]]) });
    expect(() => pickShared('/r', [graph('a'), graph('b')], () => 'let n = 0;\nexport function next() { return ++n; }')).toThrow(/core\/counter\.ts:1: module-level `let`/);
  });

  it('shared - the build refuses a module the pages share once it holds module-level state', async () => {
    const root = copyOfSources('shared-state');
    const file = join(root, 'core', 'kernel', 'json.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nexport let parsedSoFar = 0;\n`);
    await expect(build({ root, outDir: join(root, 'build', 'zos'), log: () => undefined })).rejects.toThrow(/core\/kernel\/json\.ts:\d+: module-level `let` is state every page would share/);
  }, 300_000); // it bundles every page first: over a minute on a loaded two-core machine
});

/** The TypeScript files the watch pages are built from (relative to the repository). */
function projectSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${name.name}`;
      if (name.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) out.push(path);
    }
  };
  for (const dir of ['core', 'page', 'platform', 'app-service']) walk(dir);
  return out;
}

/** String literals of a source file (at least `min` characters), what its code carries verbatim. */
function literals(file: string, min: number): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.length >= min && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('shared modules in the package', () => {
  const device = join(ROOT, 'dist', 'device-js', 'round-480x480', 'device');
  const present = existsSync(join(device, 'app.js'));

  it.skipIf(!present)('shared - the pages in the .zab carry none of the code app.js shares, and the services need no app.js', () => {
    const app = readFileSync(join(device, 'app.js'), 'utf8');
    const keys = [...app.matchAll(/["']((?:core|page)\/[\w/-]+)["']\s*:\s*Object\.freeze/g)].map((m) => m[1] as string);
    expect(keys.length).toBeGreaterThan(10);
    // Texts only a shared module's code holds (error messages, keys): each is in app.js and in no
    // page. A text some other module of the project also holds may rightly be in a page.
    const others = projectSources().filter((file) => !keys.includes(file.replace(/\.ts$/, ''))).map((file) => readFileSync(join(ROOT, file), 'utf8'));
    const pages = readdirSync(join(device, 'page')).map((p) => [p, readFileSync(join(device, 'page', p, 'index.page.js'), 'utf8')] as const);
    let checked = 0;
    for (const key of keys) {
      for (const text of literals(join(ROOT, `${key}.ts`), 12)) {
        if (!app.includes(text) || others.some((source) => source.includes(text))) continue;
        checked += 1;
        for (const [page, js] of pages) expect(js.includes(text), `${page} carries "${text}" from ${key}`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(20);
    for (const service of readdirSync(join(device, 'app-service'))) {
      expect(readFileSync(join(device, 'app-service', service), 'utf8')).not.toContain('__kneadShared');
    }
  });
});
