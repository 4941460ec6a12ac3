// The watch's bytecode carries no debug information (scripts/strip.mjs): every device file's own
// code sits in a function whose body starts with "use strip", and the .bin files in the .zab are
// compiled from exactly that JS (zpm's second minify pass, which would drop the directive, is off:
// scripts/package.mjs). Reads the packaged build (dist/), so it fails when either stops holding.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compileWithQjsc } from '../../scripts/qjsc.mjs';
import { readZab } from '../../scripts/zab.mjs';
import { DEFAULT_DIST } from '../../sim/node/index';

interface ZabGroup {
  readonly shape: string;
  readonly screen: string;
  readonly device: Readonly<Record<string, Uint8Array>>;
}

const DIST = join(DEFAULT_DIST, '..');
const zabFile = (): string => {
  const name = readdirSync(DIST).find((f) => f.endsWith('.zab'));
  if (name === undefined) throw new Error(`no .zab in ${DIST}: run node scripts/build.mjs && node scripts/package.mjs`);
  return join(DIST, name);
};
const groups = (): readonly ZabGroup[] => (readZab(zabFile()) as { groups: ZabGroup[] }).groups;

/** Every node of a script with the chain of nodes around it (outermost first). */
function nodesOf(js: string): Array<{ node: ts.Node; around: readonly ts.Node[] }> {
  const out: Array<{ node: ts.Node; around: readonly ts.Node[] }> = [];
  const visit = (node: ts.Node, around: readonly ts.Node[]): void => {
    out.push({ node, around });
    ts.forEachChild(node, (child) => visit(child, [...around, node]));
  };
  visit(ts.createSourceFile('device.js', js, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS), []);
  return out;
}

/** A function whose body opens with the "use strip" directive. */
function isStripped(node: ts.Node): boolean {
  if (!(ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isFunctionDeclaration(node))) return false;
  const first = node.body !== undefined && ts.isBlock(node.body) ? node.body.statements[0] : undefined;
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use strip';
}

/** The platform call zpm rewrote into `__$$module$$__.module = Page(…)` (or App, AppService). */
function isEntryCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['App', 'Page', 'AppService'].includes(node.expression.text);
}

/** The device JS files of one packaged group (what the simulator runs). */
function deviceJs(group: ZabGroup): Array<{ name: string; js: string }> {
  const dir = join(DEFAULT_DIST, `${group.shape}-${group.screen}`, 'device');
  return Object.keys(group.device)
    .filter((name) => name.endsWith('.bin'))
    .map((bin) => {
      const name = bin.replace(/\.bin$/, '.js');
      return { name, js: readFileSync(join(dir, name), 'utf8') };
    });
}

/** Each distinct device file once (most groups share most files), named by its first group. */
function distinctDeviceJs(): Array<{ where: string; name: string; js: string }> {
  const seen = new Set<string>();
  return groups().flatMap((group) =>
    deviceJs(group)
      .filter(({ js }) => !seen.has(js) && seen.add(js) !== undefined)
      .map((file) => ({ where: `${group.shape}-${group.screen}`, ...file })),
  );
}

/**
 * QuickJS bytecode (`qjsc -b`) with the compiled file's name, which is in its atom table, made
 * neutral: zpm compiles in a temporary folder, so that path differs from any other compile.
 * Layout: version byte, atom count (LEB128), atoms (LEB128 length·2 + wide flag, then chars).
 */
function withoutFileName(bin: Uint8Array, fileName: string): Uint8Array {
  let at = 1;
  const leb = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bin[at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const count = leb();
  const atoms: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const start = at;
    const header = leb();
    const length = (header >> 1) * (header & 1 ? 2 : 1);
    const text = Buffer.from(bin.subarray(at, at + length)).toString('latin1');
    at += length;
    atoms.push(text.endsWith(`/${fileName}`) ? Uint8Array.of(4 << 1, 0x46, 0x49, 0x4c, 0x45) : bin.subarray(start, at)); // "FILE"
  }
  const countBytes: number[] = [];
  for (let rest = count; ; rest = Math.floor(rest / 128)) {
    countBytes.push(rest >= 128 ? (rest % 128) | 0x80 : rest);
    if (rest < 128) break;
  }
  const parts = [bin.subarray(0, 1), Uint8Array.from(countBytes), ...atoms, bin.subarray(at)];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

describe('watch bytecode without debug information', () => {
  it('strip - every device file runs its own code inside a "use strip" function, the platform call included', () => {
    for (const { where, name, js } of distinctDeviceJs()) {
      const nodes = nodesOf(js);
      const entryCalls = nodes.filter(({ node }) => isEntryCall(node));
      expect(entryCalls.length, `${where} ${name}: one App/Page/AppService call`).toBe(1);
      expect(entryCalls[0]?.around.some(isStripped), `${where} ${name}: its Page/App/AppService call is inside a "use strip" function`).toBe(true);
      // A page also carries its layout module, wrapped on its own.
      const stripped = nodes.filter(({ node }) => isStripped(node)).length;
      expect(stripped, `${where} ${name}: "use strip" functions`).toBe(name.startsWith('page/') ? 2 : 1);
    }
  });

  it('strip - the .bin files in the .zab are compiled from that same device JS', () => {
    for (const group of groups()) {
      for (const { name, js } of deviceJs(group)) {
        const fileName = name.split('/').pop() ?? name;
        const packaged = withoutFileName(group.device[name.replace(/\.js$/, '.bin')] ?? new Uint8Array(), fileName);
        const compiled = withoutFileName(compileWithQjsc(js, fileName) as Uint8Array, fileName);
        expect(Buffer.compare(Buffer.from(packaged), Buffer.from(compiled)), `${group.shape}-${group.screen} ${name}`).toBe(0);
      }
    }
  });
});
