import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'coverage/', '.tmp/', 'docs/screenshots/'] },
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
  {
    // The functional core is pure: no platform modules, no watch adapters, no Node.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@zos/*', 'zosLoader:*'], message: 'core/ is pure TypeScript: no Zepp OS modules.' },
            { group: ['**/platform/**', '../platform', '../platform/*'], message: 'core/ may not import platform adapters.' },
            { group: ['@zeppos/*'], message: 'core/ may not depend on ZML or Zepp packages.' },
            { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'core/ runs on the watch: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
