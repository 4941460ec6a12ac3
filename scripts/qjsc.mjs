// zpm's own qjsc (QuickJS 2020-07-05): the compiler that turns the device JS into the .bin files
// of the .zab. Used by the bench (bare baselines) and the tests that check what reaches bytecode.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The qjsc binary zpm picks for this machine. */
export function qjscPath(root = ROOT) {
  const arch = process.arch === 'arm64' ? '_arm64' : '';
  const suffix = process.platform === 'darwin' ? `_darwin${arch}` : process.platform === 'win32' ? '_win32.exe' : arch;
  return join(root, 'node_modules', '@zeppos', 'zpm', 'bin', `qjsc${suffix}`);
}

/** `js` compiled the way zpm compiles every page, app.js and App Service (`qjsc -b`). */
export function compileWithQjsc(js, fileName = 'device.js') {
  const dir = mkdtempSync(join(tmpdir(), 'knead-qjsc-'));
  try {
    writeFileSync(join(dir, fileName), js);
    execFileSync(qjscPath(), ['-b', '-o', join(dir, 'out.bin'), join(dir, fileName)]);
    return new Uint8Array(readFileSync(join(dir, 'out.bin')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
