// Packages build/zos into dist/knead-<version>.zab with the official zeus (offline), then keeps
// the --js2bin=false device JS beside it for tests. zeus runs with a throwaway HOME and TMPDIR
// holding the curated device list: a user's real ~/.zepp is never read or written.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zeusDeviceCache, ZEUS_VERSION } from './devices.mjs';
import { readManifest } from './entries.mjs';
import { readZab } from './zab.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function prepareZeusHome() {
  const home = mkdtempSync(join(tmpdir(), 'knead-zeus-home-'));
  const zepp = join(home, '.zepp');
  mkdirSync(zepp);
  writeFileSync(join(zepp, '.zeus_devices'), JSON.stringify(zeusDeviceCache()));
  writeFileSync(join(zepp, '.zeus_version'), ZEUS_VERSION);
  const tmp = join(home, 'tmp');
  mkdirSync(tmp);
  return { home, tmp };
}

/**
 * What zeus said went wrong, without stack frames and spinner noise, with the throwaway
 * project path replaced by the folder the user knows.
 */
export function explainZeusOutput(output, projectDir, shownDir) {
  const lines = output
    .split('\n')
    // eslint-disable-next-line no-control-regex -- zeus colours its output with ANSI escapes
    .map((line) => line.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line));
  const headlines = lines.filter((line) => /(^\w*Error\b|\[ERROR\]|\[✘\]|^Error:|frame:)/.test(line.trim()));
  const chosen = headlines.length > 0 ? headlines : lines.slice(-15);
  return chosen
    .map((line) => line.split(projectDir).join(shownDir).trim())
    .join('\n');
}

function runZeus(projectDir, shownDir, args, env) {
  const zeusBin = join(ROOT, 'node_modules', '@zeppos', 'zeus-cli', 'bin', 'main.js');
  const result = spawnSync(process.execPath, [zeusBin, 'build', ...args], {
    cwd: projectDir,
    env,
    input: '',
    encoding: 'utf8',
    // A build takes 5-15 s on an idle machine; a loaded two-core one has needed over 180 s.
    timeout: 480_000,
  });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  const zab = existsSync(join(projectDir, 'dist')) ? readdirSync(join(projectDir, 'dist')).filter((f) => f.endsWith('.zab')) : [];
  // zeus sometimes exits 0 after printing "[ERROR] …" and writing nothing: the .zab decides.
  if (result.status !== 0 || zab.length !== 1) {
    const how = result.error ? result.error.message : `exit ${result.status}`;
    throw new Error(`zeus build${args.length ? ' ' + args.join(' ') : ''} failed (${how}):\n${explainZeusOutput(output, projectDir, shownDir)}`);
  }
  return join(projectDir, 'dist', zab[0]);
}

/**
 * Unpacks the --js2bin=false package into dist/device-js/<shape>-<WxH>/{device,side}/…, the
 * JS a watch would compile and the phone would run, for the simulated runtime and the preview.
 */
function extractPlainJs(zabFile, jsDir) {
  const { groups } = readZab(zabFile);
  for (const group of groups) {
    const dir = join(jsDir, `${group.shape}-${group.screen}`);
    for (const [part, files] of [['device', group.device], ['side', group.side]]) {
      for (const [name, bytes] of Object.entries(files)) {
        if (name.endsWith('/')) continue;
        const target = join(dir, part, name);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, bytes);
      }
    }
  }
}

export function packageApp({ root = ROOT, buildDir = join(root, 'build', 'zos'), outDir = join(root, 'dist'), log = console.log } = {}) {
  if (!existsSync(join(buildDir, 'app.json'))) {
    throw new Error(`nothing to package: ${buildDir} has no app.json (run npm run build first)`);
  }
  const manifest = readManifest(buildDir);
  const version = manifest?.app?.version?.name;
  if (typeof version !== 'string' || version === '') throw new Error('app.json: app.version.name is missing');
  const { home, tmp } = prepareZeusHome();
  try {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: home,
      USERPROFILE: home,
      TMPDIR: tmp,
      TMP: tmp,
      TEMP: tmp,
      CI: 'true',
      NO_COLOR: '1',
      NODE_PATH: join(ROOT, 'node_modules'),
    };
    const work = join(home, 'project');
    // Two copies so the two zeus runs cannot see each other's output.
    const release = join(work, 'release');
    const plain = join(work, 'plain');
    cpSync(buildDir, release, { recursive: true });
    cpSync(buildDir, plain, { recursive: true });
    // --compress=false: zpm's own minify pass (terser) would drop the "use strip" directives
    // (scripts/strip.mjs); the code is minified by esbuild already. The watch's .bin files are then
    // compiled from exactly the JS the simulator runs (dist/device-js).
    const zab = runZeus(release, buildDir, ['--compress=false'], env);
    const plainZab = runZeus(plain, buildDir, ['--js2bin=false', '--compress=false'], env);
    mkdirSync(outDir, { recursive: true });
    const target = join(outDir, `knead-${version}.zab`);
    cpSync(zab, target);
    const jsDir = join(outDir, 'device-js');
    rmSync(jsDir, { recursive: true, force: true });
    extractPlainJs(plainZab, jsDir);
    log(`packaged ${target}`);
    return { zab: target, jsDir };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    // --build DIR and --out DIR let tests package a copy without touching the repo's dist/.
    const option = (name) => {
      const index = process.argv.indexOf(name);
      return index === -1 ? undefined : process.argv[index + 1];
    };
    const buildDir = option('--build');
    const outDir = option('--out');
    packageApp({ ...(buildDir ? { buildDir: resolve(buildDir) } : {}), ...(outDir ? { outDir: resolve(outDir) } : {}) });
  } catch (error) {
    console.error(`package failed: ${error.message}`);
    process.exit(1);
  }
}
