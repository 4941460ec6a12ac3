import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries (README, "How it is built"). Flat config replaces a rule's options for a file
// that several blocks match, so each folder's list is built whole here from named pieces.
const notSim = [
  { group: ['**/sim', '**/sim/**'], message: 'Shipped code never imports the simulator (sim/).' },
  { group: ['**/preview', '**/preview/**'], message: 'Shipped code never imports the browser preview (preview/).' },
  { group: ['**/tests', '**/tests/**', '**/bench', '**/bench/**', '**/scripts/**'], message: 'Shipped code never imports tests, benchmarks or build scripts.' },
];
const corePure = [
  { group: ['@zos/*', 'zosLoader:*'], message: 'core/ is pure TypeScript: no Zepp OS modules.' },
  { group: ['**/platform/**', '../platform', '../platform/*'], message: 'core/ may not import platform adapters.' },
  { group: ['**/page/**', '**/app-service/**', '**/app-side/**', '**/setting/**', '../app', '../../app'], message: 'core/ may not import the shells that use it (pages, services, side service, Settings App).' },
  { group: ['@zeppos/*'], message: 'core/ may not depend on ZML or Zepp packages.' },
  { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'core/ runs on the watch: no Node modules.' },
];
const phoneNotWatch = [
  { group: ['@zos/*', 'zosLoader:*'], message: 'The phone side has no @zos modules: they exist only on the watch.' },
  { group: ['**/page/**', '**/app-service/**', '**/platform/**'], message: 'The phone side never imports watch code (pages, app service, watch adapters).' },
];
const settingNotSide = [
  { group: ['**/app-side', '**/app-side/**'], message: 'The Settings App talks to the side service through storage only: never import app-side/ internals.' },
];
const sideNotSetting = [
  { group: ['**/setting', '**/setting/**'], message: 'The side service never imports Settings App views (setting/).' },
];
const watchNotPhone = [
  { group: ['**/app-side/**', '**/setting/**'], message: 'Watch code never imports the phone side (app-side/, setting/).' },
];

// Pages are wiring (docs/architecture.md): a page file reaches Zepp OS only through platform/ (and
// its words through page/text.ts); widgets are drawn by the layouts through page/kit.ts.
const pageThroughAdapters = [
  { group: ['@zos/*'], message: 'A page reaches Zepp OS only through platform/ adapters and page/text.ts (words); layouts draw through page/kit.ts.' },
];
const layoutDrawsOnly = [
  { group: ['@zos/*', '!@zos/ui', '!@zos/utils'], message: 'A layout only draws (@zos/ui widgets, px() from @zos/utils); everything else goes through platform/.' },
];
const textReadsWordsOnly = [
  { group: ['@zos/*', '!@zos/i18n'], message: 'page/text.ts only reads words (@zos/i18n); everything else goes through platform/.' },
];
// Time comes from the injected clock (platform/system.ts `clock`), and a page keeps its state per
// page instance (inside the factory it hands to Page), never in the module.
const pageSyntax = [
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'A page reads time from the injected clock (platform/system.ts clock / now), never Date.now().' },
  { selector: "NewExpression[callee.name='Date']", message: 'A page reads time from the injected clock (platform/system.ts clock / now), never new Date().' },
  { selector: "Program > VariableDeclaration[kind='let'], Program > VariableDeclaration[kind='var'], Program > ExportNamedDeclaration > VariableDeclaration[kind='let']", message: 'No module-level mutable state in a page: keep it per page instance, inside the factory passed to Page().' },
];

const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

// Inside core/, imports flow one way (docs/core.md, "Layers"):
//   kernel ← routines ← settings ← records ← engine, sync ← phone, watch
// A layer never imports one to its right; engine and sync never import each other; the shared
// layers never import the device-specific rules, and the watch's and the phone's rules never
// import each other.
const coreShared = [
  { group: ['**/watch/**', '../watch', '**/phone/**', '../phone'], message: 'core/engine and core/sync are shared by both devices: they never import core/watch or core/phone.' },
];
const coreWatchOnly = [
  { group: ['**/phone/**', '../phone'], message: 'core/watch never imports core/phone: put what both need in a shared layer.' },
];
const corePhoneOnly = [
  { group: ['**/watch/**', '../watch'], message: 'core/phone never imports core/watch: put what both need in a shared layer.' },
];
const LAYERS = ['kernel', 'routines', 'settings', 'records', 'engine', 'sync', 'phone', 'watch'];
/** The layer order: `layer` may not import these (any to its right, less the shared ones already covered above). */
const notAbove = (layer, above) => [
  {
    group: above.flatMap((l) => [`**/${l}`, `**/${l}/**`]),
    message: `Inside core/, imports flow one way: kernel ← routines ← settings ← records ← engine, sync ← phone, watch (docs/core.md). core/${layer} never imports core/${above.join(', core/')}.`,
  },
];
const coreLayers = [
  restrict(['core/kernel/**/*.ts'], [...corePure, ...notSim, ...notAbove('kernel', LAYERS.slice(1))]),
  restrict(['core/routines/**/*.ts'], [...corePure, ...notSim, ...notAbove('routines', LAYERS.slice(2))]),
  restrict(['core/settings/**/*.ts'], [...corePure, ...notSim, ...notAbove('settings', LAYERS.slice(3))]),
  restrict(['core/records/**/*.ts'], [...corePure, ...notSim, ...notAbove('records', LAYERS.slice(4))]),
  restrict(['core/engine/**/*.ts'], [...corePure, ...notSim, ...coreShared, ...notAbove('engine', ['sync'])]),
  restrict(['core/sync/**/*.ts'], [...corePure, ...notSim, ...coreShared, ...notAbove('sync', ['engine'])]),
  restrict(['core/watch/**/*.ts'], [...corePure, ...notSim, ...coreWatchOnly]),
  restrict(['core/phone/**/*.ts'], [...corePure, ...notSim, ...corePhoneOnly]),
];


export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'coverage/', '.tmp/', 'docs/screenshots/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  restrict(['core/**/*.ts'], [...corePure, ...notSim]),
  ...coreLayers,
  restrict(['app.ts', 'page/**/*.ts', 'app-service/**/*.ts', 'platform/**/*.ts'], [...notSim, ...watchNotPhone]),
  restrict(['page/**/*.ts'], [...notSim, ...watchNotPhone, ...pageThroughAdapters]),
  restrict(['page/kit.ts', 'page/**/*layout.ts'], [...notSim, ...watchNotPhone, ...layoutDrawsOnly]),
  restrict(['page/text.ts'], [...notSim, ...watchNotPhone, ...textReadsWordsOnly]),
  { files: ['page/*/index.page.ts'], rules: { 'no-restricted-syntax': ['error', ...pageSyntax] } },
  restrict(['app-side/**/*.ts'], [...notSim, ...phoneNotWatch, ...sideNotSetting]),
  restrict(['setting/**/*.ts'], [...notSim, ...phoneNotWatch, ...settingNotSide]),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
