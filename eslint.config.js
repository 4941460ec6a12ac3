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
  { group: ['**/platform/**', '../platform', '../platform/*', '**/platform-sync/**'], message: 'core/ may not import platform adapters.' },
  { group: ['**/page/**', '**/app-service/**', '**/app-side/**', '**/setting/**', '../app', '../../app'], message: 'core/ may not import the shells that use it (pages, services, side service, Settings App).' },
  { group: ['@zeppos/*'], message: 'core/ may not depend on ZML or Zepp packages.' },
  { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'core/ runs on the watch: no Node modules.' },
];
const phoneNotWatch = [
  { group: ['@zos/*', 'zosLoader:*'], message: 'The phone side has no @zos modules: they exist only on the watch.' },
  { group: ['**/page/**', '**/app-service/**', '**/platform/**', '**/platform-sync/**'], message: 'The phone side never imports watch code (pages, app service, watch adapters).' },
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

// Inside core/, imports flow one way (docs/architecture.md): the shared layers never import the
// device-specific rules, and the watch's and the phone's rules never import each other.
const coreShared = [
  { group: ['**/watch/**', '../watch', '**/phone/**', '../phone'], message: 'core/engine and core/sync are shared by both devices: they never import core/watch or core/phone.' },
];
const coreWatchOnly = [
  { group: ['**/phone/**', '../phone'], message: 'core/watch never imports core/phone: put what both need in a shared layer.' },
];
const corePhoneOnly = [
  { group: ['**/watch/**', '../watch'], message: 'core/phone never imports core/watch: put what both need in a shared layer.' },
];

const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

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
  restrict(['core/engine/**/*.ts', 'core/sync/**/*.ts'], [...corePure, ...notSim, ...coreShared]),
  restrict(['core/watch/**/*.ts'], [...corePure, ...notSim, ...coreWatchOnly]),
  restrict(['core/phone/**/*.ts'], [...corePure, ...notSim, ...corePhoneOnly]),
  restrict(['app.ts', 'page/**/*.ts', 'app-service/**/*.ts', 'platform/**/*.ts', 'platform-sync/**/*.ts'], [...notSim, ...watchNotPhone]),
  restrict(['app-side/**/*.ts'], [...notSim, ...phoneNotWatch, ...sideNotSetting]),
  restrict(['setting/**/*.ts'], [...notSim, ...phoneNotWatch, ...settingNotSide]),
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
