import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.mjs';
import { copyOfSources, removeScratches } from './helpers';

afterAll(removeScratches);

const quiet = (): void => undefined;

describe('build', () => {
  it('build - writes one self-contained module per app.json entry with @zos imports left for zpm', async () => {
    const root = copyOfSources('build-ok');
    const out = join(root, 'build', 'zos');
    const { entries } = await build({ root, outDir: out, log: quiet });
    const manifest = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as { targets: { common: { module: { page: { pages: string[] } } } } };
    for (const page of manifest.targets.common.module.page.pages) {
      expect(entries.map((e: { output: string }) => e.output)).toContain(`${page}.js`);
      const code = readFileSync(join(out, `${page}.js`), 'utf8');
      expect(code).not.toMatch(/from ['"]\.{1,2}\//);
      expect(code).not.toMatch(/from ['"]@zeppos\//);
    }
  });

  it('build - a TypeScript syntax error fails naming the file', async () => {
    const root = copyOfSources('build-syntax');
    const page = join(root, 'page', 'home', 'index.page.ts');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\nconst broken = ;\n`);
    await expect(build({ root, outDir: join(root, 'build', 'zos'), log: quiet })).rejects.toThrow(/page\/home\/index\.page\.ts/);
  });

  it('build - a page listed in app.json without a source file is named', async () => {
    const root = copyOfSources('build-missing');
    const json = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as { targets: { common: { module: { page: { pages: string[] } } } } };
    json.targets.common.module.page.pages.push('page/nowhere/index.page');
    writeFileSync(join(root, 'app.json'), JSON.stringify(json));
    mkdirSync(join(root, 'page', 'nowhere'));
    await expect(build({ root, outDir: join(root, 'build', 'zos'), log: quiet })).rejects.toThrow(
      'app.json: page "page/nowhere/index.page" has no source file page/nowhere/index.page.ts',
    );
  });
});
