import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEVICES } from '../../scripts/devices.mjs';
import { packageApp } from '../../scripts/package.mjs';
import { readZab } from '../../scripts/zab.mjs';
import { copyOfBuild, fingerprint, ROOT, scratch, removeScratches } from './helpers';

afterAll(removeScratches);

const manifest = JSON.parse(readFileSync(join(ROOT, 'app.json'), 'utf8')) as {
  app: { version: { name: string } };
  targets: { common: { module: { page: { pages: string[] }; 'app-service': { services: string[] } } } };
};
const quiet = (): void => undefined;

// Each zeus run takes 5-20 s, more on a loaded two-core machine.
describe('package', { timeout: 600_000 }, () => {
  it('package - the .zab holds every page and service for each screen group and lists every curated device', () => {
    const dist = join(ROOT, 'dist');
    const zabs = readdirSync(dist).filter((f) => f.endsWith('.zab'));
    expect(zabs).toEqual([`knead-${manifest.app.version.name}.zab`]);
    const { groups } = readZab(join(dist, zabs[0] ?? ''));
    expect(groups.map((g) => `${g.shape}-${g.screen}`).sort()).toEqual([
      'round-416x416',
      'round-454x454',
      'round-466x466',
      'round-466x466',
      'round-480x480',
      'round-480x480',
      'square-390x450',
      'square-390x450',
      'square-390x450',
    ]);
    const modules = manifest.targets.common.module;
    for (const group of groups) {
      expect(Object.keys(group.device)).toContain('app.bin');
      for (const page of modules.page.pages) expect(Object.keys(group.device)).toContain(`${page}.bin`);
      for (const service of modules['app-service'].services) expect(Object.keys(group.device)).toContain(`${service}.bin`);
      expect(Object.keys(group.side)).toEqual(expect.arrayContaining(['app-side.js', 'setting.js', 'app.json']));
    }
    for (const shape of ['round', 'square'] as const) {
      const packaged = groups
        .filter((g) => g.shape === shape)
        .flatMap((g) => (g.appJson as { platforms: { deviceSource: number }[] }).platforms.map((p) => p.deviceSource))
        .sort((a, b) => a - b);
      const curated = DEVICES.filter((d) => d.shape === shape)
        .flatMap((d) => d.sources)
        .sort((a, b) => a - b);
      expect(packaged).toEqual(curated);
    }
  });

  it('package - each zpk carries its chip as cpuPlatform, and only watches with the same screen and chip share one', () => {
    const { groups } = readZab(join(ROOT, 'dist', `knead-${manifest.app.version.name}.zab`));
    // Written by hand from the official device list (chip per watch); zpm spells MHS as ZPS.
    const expected: Record<string, string[]> = {
      'round-416x416-NXP': ['Amazfit Falcon'],
      'round-454x454-NXP': ['Amazfit Cheetah (Round)', 'Amazfit T-Rex Ultra'],
      'round-466x466-NXP': ['Amazfit GTR 4'],
      'round-466x466-ZPS': ['Amazfit Active 2 (Round)'],
      'round-480x480-NXP': ['Amazfit Balance', 'Amazfit Cheetah Pro'],
      'round-480x480-ZPS': ['Amazfit Balance 2', 'Amazfit T-Rex 3'],
      'square-390x450-APOLLO': ['Amazfit Active'],
      'square-390x450-NXP': ['Amazfit Cheetah (Square)', 'Amazfit GTS 4'],
      'square-390x450-ZPS': ['Amazfit Active 2 (Square)', 'Amazfit Bip 6'],
    };
    const nameOf = (source: number): string => DEVICES.find((d) => d.sources.includes(source))?.name ?? `unknown ${source}`;
    const actual: Record<string, string[]> = {};
    for (const group of groups) {
      const sources = (group.appJson as { platforms: { deviceSource: number }[] }).platforms.map((p) => p.deviceSource);
      actual[`${group.shape}-${group.screen}-${group.cpuPlatform}`] = [...new Set(sources.map(nameOf))].sort();
    }
    expect(actual).toEqual(expected);
  });

  it('package - HOME and its .zepp stay byte-for-byte unchanged', () => {
    const home = scratch('sentinel-home');
    mkdirSync(join(home, '.zepp'));
    writeFileSync(join(home, '.zepp', '.zeus_devices'), '{"devices":[{"sentinel":true}],"expiredTime":1}');
    writeFileSync(join(home, '.zepp', '.zeus_version'), '0.0.0-sentinel');
    writeFileSync(join(home, '.zepp', 'user.json'), '{"token":"do-not-touch"}');
    const before = fingerprint(home);
    const out = scratch('sentinel-out');
    const run = spawnSync(process.execPath, ['scripts/package.mjs', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, HOME: home },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.zab'))).toHaveLength(1);
    expect(fingerprint(home)).toEqual(before);
  });

  it('package - app.json that is not JSON fails naming the file', () => {
    const dir = copyOfBuild('bad-json');
    writeFileSync(join(dir, 'app.json'), '{ "app": { ');
    expect(() => packageApp({ buildDir: dir, outDir: join(dir, '..', 'out'), log: quiet })).toThrow(/^app\.json is not valid JSON/);
  });

  it('package - app.json without an appId fails with zeus naming the property', () => {
    const dir = copyOfBuild('no-appid');
    const json = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { app: Record<string, unknown> };
    delete json.app['appId'];
    writeFileSync(join(dir, 'app.json'), JSON.stringify(json));
    expect(() => packageApp({ buildDir: dir, outDir: join(dir, '..', 'out'), log: quiet })).toThrow(/app requires property "appId"/);
  });

  it('package - a page with a syntax error fails naming the page, line and column', () => {
    const dir = copyOfBuild('syntax');
    const page = join(dir, 'page', 'home', 'index.page.js');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\nconst broken = ;\n`);
    let message = '';
    try {
      packageApp({ buildDir: dir, outDir: join(dir, '..', 'out'), log: quiet });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SyntaxError: Unexpected token \(\d+:\d+\) in .*page\/home\/index\.page\.js/);
    expect(message).toContain(dir);
  });

  it('package - nothing to package without a build says to run the build', () => {
    const dir = scratch('empty');
    expect(() => packageApp({ buildDir: dir, outDir: join(dir, 'out'), log: quiet })).toThrow(
      `nothing to package: ${dir} has no app.json (run npm run build first)`,
    );
  });
});
