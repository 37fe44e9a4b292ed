import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'functions/lib/',
      'functions/node_modules/',
      '.cache/',
      'coverage/',
      '**/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
    },
  },
  {
    // The pure core takes time and configuration as arguments (see .dependency-cruiser.cjs).
    files: ['functions/src/{gex,calendar,contract,num}/**/*.ts', 'pricing/**/*.ts', 'strategies/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The pure core reads no environment: take settings as arguments.' },
        { name: 'performance', message: 'The pure core reads no clock: take the time as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The pure core reads no clock: take `asOf` as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The pure core reads no clock: take `asOf` as an argument.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'The pure core reads no clock: take `asOf` as an argument.',
        },
      ],
    },
  },
  {
    // The dashboard runs in the browser.
    files: ['web/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
