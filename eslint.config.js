// ESLint flat config for every JS file of the project (bindings/js, web, tests,
// bench, scripts, fuzz). Style is prettier's; eslint looks for mistakes.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: [
      '**/node_modules/**',
      'build/**',
      'dist/**',
      '**/tta_wasm.js',
      'tests/package/**/dist/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // Functions that tests and the benchmark run inside the page (page.evaluate)
    // reach the dashboard through globals the test harness defines there.
    files: ['tests/browser/**', 'bench/**'],
    languageOptions: { globals: { __root: 'readonly', __dashboards: 'readonly' } },
  },
];
