// The watch's bytecode without debug information. zpm compiles every device file with its own
// qjsc (QuickJS 2020-07-05), which keeps, for every function, its line table and the names of its
// arguments and local variables, unless the function or one it is nested in starts with the
// directive "use strip". Nothing on the watch needs them at run time: what they buy is line
// numbers in error stack traces (function names stay). They were about a fifth of the bytecode.
//
// A module-level directive would not do: rollup drops it, and zpm puts our code inside its own
// wrapper (`with (context) { … }` in a function it writes). So each device entry's code, after
// minifying, becomes
//   imports…  (()=>{"use strip"; the rest of the module })();
// with a module's exports (a layout's `layout`) returned by the function and exported from its
// result. zpm still finds our `Page(…)` / `App(…)` / `AppService(…)` call: it rewrites that call
// wherever it stands as a statement, nested or not (tests/integration/strip.test.ts checks the
// packaged device JS and bytecode).

/** The directive QuickJS reads at the start of a function body. */
export const STRIP_DIRECTIVE = 'use strip';

/**
 * Rollup plugin (after the minifier): wraps the chunk's code as above. Refuses a chunk whose
 * top level it does not know how to keep (an `export` other than `export { a as b }`).
 */
export function stripDebugInfo() {
  return {
    name: 'knead-strip-debug-info',
    renderChunk(code) {
      const ast = this.parse(code);
      const head = [];
      const exported = [];
      const statements = [];
      for (const node of ast.body) {
        // Imports are hoisted whatever their place (the minifier may put its helpers first).
        if (node.type === 'ImportDeclaration') {
          head.push(code.slice(node.start, node.end));
          continue;
        }
        if (node.type === 'ExportNamedDeclaration' && node.declaration == null && node.source == null) {
          for (const s of node.specifiers) exported.push({ local: s.local.name, name: s.exported.type === 'Identifier' ? s.exported.name : s.exported.value });
          continue;
        }
        if (node.type.startsWith('Export')) throw new Error(`strip: cannot keep a top-level ${node.type} outside the stripped function`);
        statements.push(code.slice(node.start, node.end));
      }
      const body = statements.join(';\n');
      if (exported.length === 0) return { code: `${head.join('')}(()=>{"${STRIP_DIRECTIVE}";${body}})();\n`, map: null };
      const record = exported.map((e) => `${JSON.stringify(e.name)}:${e.local}`).join(',');
      const bindings = exported.map((e, i) => `const __knead_e${i}=__knead_exports[${JSON.stringify(e.name)}];`).join('');
      const list = exported.map((e, i) => `__knead_e${i} as ${e.name === 'default' || /^[A-Za-z_$][\w$]*$/.test(e.name) ? e.name : JSON.stringify(e.name)}`).join(',');
      return { code: `${head.join('')}const __knead_exports=(()=>{"${STRIP_DIRECTIVE}";${body};return{${record}}})();${bindings}export{${list}};\n`, map: null };
    },
  };
}
