// The watch's shared chunk. zpm builds every page into one self-contained file, so the core
// modules several pages use would be repeated in each of them. On the watch app.js and the pages
// run in one JS runtime, and getApp()._options.globalData is the documented way to share between
// them (ZML keeps the app's messaging there). So the build:
// 1. plans: bundles every page (with its layouts) once, and picks the modules of this project that
//    two or more pages use and that import nothing from the platform (no @zos/*, no package):
//    pure code whose one copy can serve every page;
// 2. refuses a shared module with module-level state or work at load (pages would share the state,
//    and app.js evaluates every shared module on each launch);
// 3. bundles those modules into app.js, which registers them under globalData[SHARED_KEY] (app.ts
//    imports the registry from the virtual module 'knead:shared-modules');
// 4. builds each page with a shim: an import of a shared module becomes a read of the registry,
//    failing with an error naming the module when app.js did not register it.
// App Services run without app.js (nothing documents that they can see it) and stay self-contained.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import ts from 'typescript';

/** The globalData property app.js registers the shared modules under. */
export const SHARED_KEY = '__kneadShared';
/** A module is shared when at least this many pages use it. */
export const SHARE_MIN_PAGES = 2;
/** The virtual module app.ts imports the registry from. */
export const REGISTRY_MODULE = 'knead:shared-modules';

const VIRTUAL_PREFIX = '\0knead-shared:';
const RUNTIME_ID = '\0knead-shared-runtime';
const REGISTRY_ID = '\0knead-shared-modules';

/** 'core/sync/protocol' for <root>/core/sync/protocol.ts: the module's name in the registry. */
export function sharedKey(root, id) {
  return relative(root, id).split(sep).join('/').replace(/\.[cm]?[jt]s$/, '');
}

const isProjectModule = (root, id) => !id.startsWith('\0') && id.startsWith(root + sep) && !id.includes(`${sep}node_modules${sep}`);

/**
 * Why a module cannot be shared, from its source: every problem found (empty when it can).
 * Shared modules hold functions and constants only, so that one copy can serve every page and
 * evaluating app.js does no work beyond defining them. Refused at the top level: `let` / `var`
 * (state), statements that run code (calls, assignments, loops), `enum` (compiled to a var filled
 * at load), a `const` made with `new` unless its declared type is Readonly…, and a `const`
 * holding an empty array or object literal (a container to fill later).
 */
export function sharedModuleProblems(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2020, true, fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const problems = [];
  const at = (node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isFunctionDeclaration(statement)) continue;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isModuleDeclaration(statement)) continue;
    if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) {
        if (ts.isClassStaticBlockDeclaration(member)) problems.push(`${at(member)}: a static block runs at load`);
        else if (ts.isPropertyDeclaration(member) && member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) && !member.modifiers.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword)) {
          problems.push(`${at(member)}: a static property that is not readonly is state every page would share`);
        }
      }
      continue;
    }
    if (ts.isEnumDeclaration(statement)) {
      if (!statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ConstKeyword)) problems.push(`${at(statement)}: an enum is a var filled at load (use a const object or a union type)`);
      continue;
    }
    if (ts.isVariableStatement(statement)) {
      const flags = statement.declarationList.flags;
      if (!(flags & ts.NodeFlags.Const)) {
        problems.push(`${at(statement)}: module-level \`${flags & ts.NodeFlags.Let ? 'let' : 'var'}\` is state every page would share`);
        continue;
      }
      for (const declaration of statement.declarationList.declarations) {
        let init = declaration.initializer;
        while (init !== undefined && (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isTypeAssertionExpression(init))) init = init.expression;
        if (init === undefined) continue;
        const type = declaration.type?.getText(source) ?? '';
        const readonlyType = /^Readonly|^readonly /.test(type);
        if (ts.isNewExpression(init) && !readonlyType) {
          problems.push(`${at(declaration)}: \`${declaration.name.getText(source)}\` is a mutable object made at load (declare it Readonly… or make it in a function)`);
        } else if (!readonlyType && ((ts.isArrayLiteralExpression(init) && init.elements.length === 0) || (ts.isObjectLiteralExpression(init) && init.properties.length === 0))) {
          problems.push(`${at(declaration)}: \`${declaration.name.getText(source)}\` is an empty container every page would share`);
        }
      }
      continue;
    }
    if (ts.isExportAssignment(statement)) continue;
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) continue; // a directive
    problems.push(`${at(statement)}: a statement that runs at load (${ts.SyntaxKind[statement.kind]})`);
  }
  return problems;
}

/**
 * Picks the shared modules. `pageGraphs`: per page (with its layouts), the modules rollup kept in
 * it, each with the ids it imports (externals included). Returns Map<id, key>.
 */
export function pickShared(root, pageGraphs, readSource = (id) => readFileSync(id, 'utf8')) {
  const pagesUsing = new Map();
  const imports = new Map();
  for (const graph of pageGraphs) {
    for (const [id, imported] of graph.modules) {
      pagesUsing.set(id, (pagesUsing.get(id) ?? new Set()).add(graph.name));
      imports.set(id, imported);
    }
  }
  const entryIds = new Set(pageGraphs.flatMap((g) => g.entryIds));
  // A module can be shared if this project's, not a page or layout entry, used by enough pages,
  // and everything it imports can be shared too (no @zos/* module: nothing documents that a
  // platform module obtained by app.js may serve a page).
  const candidate = (id) => isProjectModule(root, id) && !entryIds.has(id) && (pagesUsing.get(id)?.size ?? 0) >= SHARE_MIN_PAGES;
  const shared = new Set([...pagesUsing.keys()].filter(candidate));
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of shared) {
      if ((imports.get(id) ?? []).some((dep) => !shared.has(dep))) {
        shared.delete(id);
        changed = true;
      }
    }
  }
  const problems = [...shared].sort().flatMap((id) => sharedModuleProblems(relative(root, id).split(sep).join('/'), readSource(id)));
  if (problems.length > 0) {
    throw new Error(`shared modules (used by ${SHARE_MIN_PAGES}+ pages, carried once by app.js) must hold functions and constants only:\n  ${problems.join('\n  ')}`);
  }
  return new Map([...shared].sort().map((id) => [id, sharedKey(root, id)]));
}

/**
 * Rollup plugin recording a page bundle's module graph: module → imported ids. Every module the
 * page imports counts, tree-shaken or not, so that the modules a shared one imports are in the
 * same pages' graphs (app.js then keeps only the exports some page uses).
 */
export function graphRecorder(sink) {
  return {
    name: 'knead-graph',
    buildEnd() {
      for (const id of this.getModuleIds()) sink.set(id, this.getModuleInfo(id)?.importedIds ?? []);
    },
  };
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Rollup plugin for a page or layout: an import of a shared module resolves to a virtual module
 * reading the registry app.js filled. `exportsOf(id)` lists the module's export names.
 */
export function sharedImports(shared, exportsOf) {
  const byKey = new Map([...shared].map(([id, key]) => [key, id]));
  return {
    name: 'knead-shared-imports',
    async resolveId(source, importer, options) {
      if (source === RUNTIME_ID) return RUNTIME_ID;
      if (importer === undefined || source.startsWith('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && shared.has(resolved.id)) return `${VIRTUAL_PREFIX}${shared.get(resolved.id)}`;
      return resolved;
    },
    async load(id) {
      if (id === RUNTIME_ID) return { code: SHIM_RUNTIME, moduleSideEffects: false };
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const key = id.slice(VIRTUAL_PREFIX.length);
      const names = await exportsOf(byKey.get(key));
      const lines = [`import { sharedExport } from ${JSON.stringify(RUNTIME_ID)};`];
      names.forEach((name, i) => {
        if (name !== 'default' && !identifier.test(name)) throw new Error(`shared module ${key}: export name ${name} cannot be re-exported`);
        lines.push(`const e${i} = /*#__PURE__*/ sharedExport(${JSON.stringify(key)}, ${JSON.stringify(name)});`, `export { e${i} as ${name} };`);
      });
      return { code: lines.join('\n'), moduleSideEffects: false };
    },
  };
}

// Runs inside a page on the watch: one export of a shared module, or an error naming it.
const SHIM_RUNTIME = `export function sharedExport(key, name) {
  const app = typeof getApp === 'function' ? getApp() : undefined;
  const data = app && app._options ? app._options.globalData : undefined;
  const registry = data ? data[${JSON.stringify(SHARED_KEY)}] : undefined;
  if (!registry || !registry[key]) throw new Error('shared module "' + key + '" is not registered by app.js (getApp()._options.globalData.${SHARED_KEY}): app.js and this page come from different builds');
  if (!(name in registry[key])) throw new Error('shared module "' + key + '" registered by app.js has no export "' + name + '": app.js and this page come from different builds');
  return registry[key][name];
}
`;

/**
 * Rollup plugin for app.ts: 'knead:shared-modules' exports `sharedModules`, every shared module's
 * exports that some page uses (`used`: key → names), each module's record frozen so no page can
 * change what another sees.
 */
export function sharedRegistry(shared, used) {
  return {
    name: 'knead-shared-registry',
    resolveId(source) {
      return source === REGISTRY_MODULE ? REGISTRY_ID : null;
    },
    load(id) {
      if (id !== REGISTRY_ID) return null;
      const imports = [];
      const records = [];
      let n = 0;
      for (const [id, key] of shared) {
        const names = [...(used.get(key) ?? [])].sort();
        if (names.length === 0) continue;
        const fields = names.map((name) => {
          const local = `s${n++}`;
          imports.push(`import { ${name === 'default' ? 'default' : name} as ${local} } from ${JSON.stringify(id)};`);
          return `${JSON.stringify(name)}: ${local}`;
        });
        records.push(`  ${JSON.stringify(key)}: Object.freeze({ ${fields.join(', ')} }),`);
      }
      return `${imports.join('\n')}\nexport const SHARED_KEY = ${JSON.stringify(SHARED_KEY)};\nexport const sharedModules = Object.freeze({\n${records.join('\n')}\n});\n`;
    },
  };
}

/** Id of a shared module's virtual stand-in in a page bundle → its key (for sizes). */
export function virtualKey(id) {
  return id.startsWith(VIRTUAL_PREFIX) ? id.slice(VIRTUAL_PREFIX.length) : null;
}
